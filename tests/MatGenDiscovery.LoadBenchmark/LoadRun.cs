using System.Diagnostics;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Cli.Hosting;
using MatGenDiscovery.Grains.Chemistry;
using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Grains.Families;
using MatGenDiscovery.Runtime.Broker;
using MatGenDiscovery.Runtime.Broker.Transport;
using MatGenDiscovery.Runtime.Hosting;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// The benchmark host: starts <c>matgen silo</c> worker processes, streams batches generate → validate through the broker (part A's
/// content-keyed generation and validation batches) with at
/// most <see cref="LoadSettings.InFlight"/> batches in flight, merges the accepted candidates into per-system family
/// grains in its own silo, then checks that the families hold exactly the distinct accepted candidates.
/// </summary>
public sealed class LoadRun
{
    private static readonly TimeSpan WorkerReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly IReadOnlyDictionary<string, double> NoValues = new Dictionary<string, double>();

    private readonly LoadSettings _settings;
    private readonly BrokerOptions _broker;
    private readonly string _brokerUri;
    private readonly LatencyRecorder _latencies = new();
    private readonly HashSet<string> _accepted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _systems = new(StringComparer.Ordinal);
    private readonly List<string> _workerOutput = [];
    private long _generated;
    private long _validated;
    private long _acceptedTotal;
    private int _outstanding;
    private int _peakOutstanding;
    private int _duplicates;

    /// <param name="brokerUri"><c>amqp://USER:PASSWORD@HOST:PORT/VHOST</c>; handed to the workers through their environment only.</param>
    /// <exception cref="ArgumentException">A setting is out of range or the URI is malformed (the message masks the password).</exception>
    public LoadRun(LoadSettings settings, string brokerUri)
    {
        settings.Validate();
        _settings = settings;
        _brokerUri = brokerUri;
        _broker = BrokerUri.Parse(brokerUri);
    }

    /// <summary>Every line the workers printed, available after <see cref="RunAsync"/>.</summary>
    public IReadOnlyList<string> WorkerOutput => _workerOutput;

    /// <exception cref="InvalidOperationException">A worker failed, a call failed, or the families do not add up.</exception>
    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var workers = new List<WorkerProcess>();
        try
        {
            foreach (var _ in Enumerable.Range(0, _settings.Workers))
            {
                workers.Add(await WorkerProcess.StartAsync(_brokerUri, _settings.DataFolder, _settings.Prefetch, WorkerReadyTimeout));
            }

            await using var families = new Silo(new GrainTypeRegistry().Add<ICandidateFamilyGrain, CandidateFamilyGrain>());
            await using var client = await BrokerClient.StartAsync(_broker, DistributedCatalog.Create(), cancellationToken);
            using var sampling = new CancellationTokenSource();
            var sampler = SampleMemoryAsync(workers, sampling.Token);
            var clock = Stopwatch.StartNew();
            await RunBatchesAsync(client, families, cancellationToken);
            clock.Stop();
            sampling.Cancel();
            await sampler;
            var familyCandidates = await CountFamilyCandidatesAsync(families);
            var reports = new List<WorkerReport>();
            foreach (var worker in workers)
            {
                reports.Add(await worker.StopAsync(TimeSpan.FromMinutes(1)));
            }

            return Result(clock.Elapsed, familyCandidates, reports, workers);
        }
        finally
        {
            foreach (var worker in workers)
            {
                _workerOutput.AddRange(worker.Output);
                worker.Dispose();
            }
        }
    }

    private async Task RunBatchesAsync(BrokerClient client, Silo families, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(_settings.InFlight);
        var failures = new List<Exception>();
        for (var batch = 0; batch < _settings.Batches && failures.Count == 0; batch++)
        {
            await gate.WaitAsync(cancellationToken);
            var index = batch;
            _ = Task.Run(async () =>
            {
                try
                {
                    await RunBatchAsync(client, families, index);
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None);
        }

        for (var i = 0; i < _settings.InFlight; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} batch(es) failed; first: {failures[0].Message}", failures[0]);
        }
    }

    private async Task RunBatchAsync(BrokerClient client, Silo families, int index)
    {
        var started = Stopwatch.GetTimestamp();
        var count = (int)Math.Min(_settings.BatchSize, _settings.Candidates - (long)index * _settings.BatchSize);
        var generator = client.GetGrain<IGenerationWorkerGrain>(LoadWorkload.GeneratorId);
        var validator = client.GetGrain<IValidationWorkerGrain>(LoadWorkload.CampaignId);
        var batch = await TrackAsync(() => generator.GenerateAsync(LoadWorkload.Generation(index, count, _settings.Seed)));
        var validation = LoadWorkload.Validation(index, batch.Formulas);
        var report = await TrackAsync(() => validator.ValidateAsync(validation));
        if (report.Candidates.Count != batch.Formulas.Count)
        {
            throw new InvalidOperationException($"batch {index}: {batch.Formulas.Count} formulas sent for validation, {report.Candidates.Count} reported");
        }

        var passed = report.Candidates.Where(c => c.Passed).ToList();
        await MergeAsync(families, passed, index);
        if (_settings.DuplicateEvery > 0 && index % _settings.DuplicateEvery == 0)
        {
            await ResendAsync(validator, families, validation, report, index);
        }

        Interlocked.Add(ref _generated, batch.Generated);
        Interlocked.Add(ref _validated, batch.Formulas.Count);
        Interlocked.Add(ref _acceptedTotal, passed.Count);
        _latencies.Add(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Sends the same batch again (same content key), as a restarted host would, and merges the answer into the
    /// families again, as a host that processed a duplicate delivery would: the families must not change.
    /// </summary>
    private async Task ResendAsync(IValidationWorkerGrain validator, Silo families, ValidationBatch validation, ValidationReport first, int index)
    {
        var again = await TrackAsync(() => validator.ValidateAsync(validation));
        Interlocked.Increment(ref _duplicates);
        if (!again.Candidates.Select(c => (c.Formula, c.Passed)).SequenceEqual(first.Candidates.Select(c => (c.Formula, c.Passed))))
        {
            throw new InvalidOperationException($"batch {index}: the re-sent validation batch was answered differently");
        }

        await MergeAsync(families, again.Candidates.Where(c => c.Passed).ToList(), index);
    }

    private async Task MergeAsync(Silo families, IReadOnlyList<ValidatedCandidate> passed, int index)
    {
        var merges = new List<Task>();
        foreach (var system in passed.GroupBy(c => c.ChemicalSystem, StringComparer.Ordinal))
        {
            var candidates = system
                .Select(c => new FamilyCandidate(c.Formula, -Composition.Parse(c.Formula).Arity, NoValues, NoValues, [LoadWorkload.GeneratorId], index))
                .ToList();
            lock (_accepted)
            {
                _systems.Add(system.Key);
                foreach (var candidate in candidates)
                {
                    _accepted.Add(candidate.Formula);
                }
            }

            merges.Add(families.GetGrain<ICandidateFamilyGrain>(LoadWorkload.FamilyKeyPrefix + system.Key).MergeAsync(new FamilyUpdate(index, candidates, [])));
        }

        await Task.WhenAll(merges);
    }

    /// <summary>Runs one broker call, tracking how many are outstanding (queued or running) at once.</summary>
    private async Task<T> TrackAsync<T>(Func<Task<T>> call)
    {
        var now = Interlocked.Increment(ref _outstanding);
        for (var peak = Volatile.Read(ref _peakOutstanding); now > peak; peak = Volatile.Read(ref _peakOutstanding))
        {
            if (Interlocked.CompareExchange(ref _peakOutstanding, now, peak) == peak)
            {
                break;
            }
        }

        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }

    private async Task<long> CountFamilyCandidatesAsync(Silo families)
    {
        long total = 0;
        foreach (var system in _systems)
        {
            var snapshot = await families.GetGrain<ICandidateFamilyGrain>(LoadWorkload.FamilyKeyPrefix + system).GetSnapshotAsync();
            if (snapshot.ChemicalSystem != system || snapshot.Candidates.Any(c => ChemicalSystem.Of(Composition.Parse(c.Formula)) != system))
            {
                throw new InvalidOperationException($"family {system} holds a candidate of another system");
            }

            total += snapshot.Candidates.Count;
        }

        return total;
    }

    private static async Task SampleMemoryAsync(IReadOnlyList<WorkerProcess> workers, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var worker in workers)
            {
                worker.SampleMemory();
            }

            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private LoadResult Result(TimeSpan elapsed, long familyCandidates, IReadOnlyList<WorkerReport> reports, IReadOnlyList<WorkerProcess> workers)
    {
        const double Mb = 1024 * 1024;
        using var self = Process.GetCurrentProcess();
        return new LoadResult(
            _settings.Candidates,
            _generated,
            _validated,
            _acceptedTotal,
            _accepted.Count,
            familyCandidates,
            _systems.Count,
            _settings.Batches,
            _settings.BatchSize,
            _settings.Workers,
            _settings.InFlight,
            _peakOutstanding,
            _duplicates,
            reports.Sum(r => r.Generate),
            reports.Sum(r => r.Validate),
            Math.Round(elapsed.TotalSeconds, 2),
            Math.Round(_generated / elapsed.TotalSeconds, 0),
            Math.Round(_latencies.Percentile(50), 1),
            Math.Round(_latencies.Percentile(99), 1),
            Math.Round(_latencies.Percentile(100), 1),
            Math.Round(self.PeakWorkingSet64 / Mb, 1),
            workers.Select(w => Math.Round(w.PeakWorkingSetBytes / Mb, 1)).ToList(),
            Environment.ProcessorCount);
    }
}
