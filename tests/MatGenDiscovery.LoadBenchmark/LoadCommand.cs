using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Cli.Hosting;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// <c>MatGenDiscovery.LoadBenchmark --workers 2 --candidates 1000000 [--json]</c> with the broker URI
/// (<c>amqp://USER:PASSWORD@HOST:PORT/VHOST</c>) in <c>MATGEN_BROKER</c> or <c>--broker</c>: pushes the candidates through
/// generate → validate → families across <c>matgen silo</c> worker processes and prints throughput, per-batch latency,
/// queue bound and peak memory.
/// </summary>
public sealed class LoadCommand : RootCommand
{
    public LoadCommand(TextWriter output)
        : base("Load benchmark: candidates through generate → validate → families across broker worker processes.")
    {
        var broker = new Option<string?>("--broker") { Description = "RabbitMQ URI amqp://USER:PASSWORD@HOST:PORT/VHOST (default: $MATGEN_BROKER, which keeps the password off the command line)." };
        var candidates = new Option<int>("--candidates") { Description = "Samples to draw in total.", DefaultValueFactory = _ => 1_000_000 };
        var batchSize = new Option<int>("--batch-size") { Description = "Samples per generate request (and formulas per validate request).", DefaultValueFactory = _ => 5_000 };
        var workers = new Option<int>("--workers") { Description = "Worker processes, each serving both queues.", DefaultValueFactory = _ => 2 };
        var inFlight = new Option<int>("--in-flight") { Description = "Batches in flight at once; bounds the requests queued in the broker.", DefaultValueFactory = _ => 4 };
        var prefetch = new Option<int>("--prefetch") { Description = "Batches each worker runs at once per role (its --concurrency).", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of batch 0; batch b uses seed + b.", DefaultValueFactory = _ => 1 };
        var duplicateEvery = new Option<int>("--duplicate-every") { Description = "Re-send every n-th validation request with the same idempotency key (0: never).", DefaultValueFactory = _ => 0 };
        var data = new Option<string>("--data") { Description = "The repository's data folder (default: found above the current folder)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line instead of a summary." };
        foreach (var option in new Option[] { broker, candidates, batchSize, workers, inFlight, prefetch, seed, duplicateEvery, data, json })
        {
            Options.Add(option);
        }

        SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var uri = BrokerSettings.Resolve(parseResult.GetValue(broker))
                    ?? throw new ArgumentException($"no broker: set {BrokerSettings.Variable} (or pass --broker) to amqp://USER:PASSWORD@HOST:PORT/VHOST.");
                var settings = new LoadSettings(
                    parseResult.GetValue(candidates), parseResult.GetValue(batchSize), parseResult.GetValue(workers), parseResult.GetValue(inFlight),
                    parseResult.GetValue(prefetch), parseResult.GetValue(seed), parseResult.GetValue(duplicateEvery), parseResult.GetValue(data) ?? FindDataFolder());
                var result = await new LoadRun(settings, uri).RunAsync(cancellationToken);
                await output.WriteLineAsync(parseResult.GetValue(json) ? JsonSerializer.Serialize(result) : Summary(result));
                return result.FamilyCandidates == result.DistinctAccepted ? 0 : 2;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException or Runtime.Broker.BrokerConnectionException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }
        });
    }

    private static string Summary(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"""
        {r.Generated:N0} candidates in {r.Batches} batches of {r.BatchSize} across {r.Workers} workers: {r.ElapsedSeconds:0.0} s, {r.CandidatesPerSecond:N0} candidates/s
        per-batch latency p50 {r.BatchLatencyP50Ms:0} ms, p99 {r.BatchLatencyP99Ms:0} ms, max {r.BatchLatencyMaxMs:0} ms
        validated {r.Validated:N0}, accepted {r.Accepted:N0} ({r.DistinctAccepted:N0} distinct) into {r.Families:N0} families holding {r.FamilyCandidates:N0}
        broker requests outstanding ≤ {r.PeakOutstandingRequests} (bound {r.InFlightBound} batches); peak working set host {r.HostPeakWorkingSetMb:0} MB, workers {string.Join(", ", r.WorkerPeakWorkingSetMb.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} MB
        """);

    private static string FindDataFolder()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "elements.csv")))
            {
                return candidate;
            }
        }

        throw new ArgumentException($"no data folder (with elements.csv) above {Environment.CurrentDirectory}; pass --data.");
    }
}
