using System.Text;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Datasets;
using MatGenDiscovery.Grains.Contracts.Families;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Grains.Distributed;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// One round: generate → validate → score → acquire (and the random baseline on the same pool) → oracle → refit →
/// fine-tune → families → candidate file. Reads the campaign state, never writes it; returns null when a stop
/// request is seen between stages.
/// </summary>
internal sealed class CampaignRound(DiscoveryCampaignGrain campaign, CampaignConfig config, int round)
{
    private readonly CampaignState _state = campaign.Current;
    private const int FineTuneReferenceRows = 1000;
    private const int HitRepeats = 10;
    private readonly Objective _objective = new(config.Targets);

    public async Task<RoundOutcome?> RunAsync()
    {
        if (await campaign.StopRequestedAsync())
        {
            return null;
        }

        var generators = await PrepareGeneratorsAsync();
        // With remote workers, each worker builds its own validator from the batch; the host trains no predictors.
        var validator = campaign.Workers is null ? campaign.Grains.GetGrain<IValidatorGrain>(campaign.Id) : null;
        var validatorSpec = new ValidatorSpec(config.Constraints, config.Predictors, config.Seed);
        if (validator is not null)
        {
            await validator.ConfigureAsync(validatorSpec);
            await validator.RefitAsync(_state.Labels);
        }
        if (await campaign.StopRequestedAsync())
        {
            return null;
        }

        var (generatedCount, newFormulas, provenance) = await GenerateAsync(generators);
        if (await campaign.StopRequestedAsync())
        {
            return null;
        }

        var report = validator is not null
            ? await validator.ValidateAsync(new ValidationRequest(round, newFormulas))
            : await ValidateRemotelyAsync(campaign.Workers!, validatorSpec, newFormulas);
        var passed = report.Candidates.Where(c => c.Passed).ToList();
        var training = await campaign.Grains.GetGrain<IDatasetGrain>(config.TrainingDataset).LookupAsync(passed.Select(c => c.Formula).ToList());
        var known = training.Where(k => k.Known).Select(k => k.Formula).ToHashSet(StringComparer.Ordinal);
        var pool = passed.Where(c => !known.Contains(c.Formula)).ToList();
        var means = pool.Select(c => _objective.Value(Means(c))).ToArray();
        var stds = pool.Select(c => _objective.Std(Stds(c))).ToArray();
        var formulas = pool.Select(c => c.Formula).ToArray();

        var incumbent = _state.BestRevealedScore ?? (means.Length > 0 ? means.Max() : 0);
        var acquisition = Acquisition.Score(config.Acquisition.Kind, means, stds, incumbent, config.Acquisition.Kappa, config.Acquisition.Xi,
            CampaignRandom.For(config.Seed, round, CampaignStage.Acquire));
        var chosen = Acquisition.Top(acquisition, config.Budget.ExperimentsPerRound, formulas);
        var baselineScores = Acquisition.Score("random", means, stds, incumbent, 0, 0, CampaignRandom.For(config.Seed, round, CampaignStage.Baseline));
        var baseline = Acquisition.Top(baselineScores, config.Budget.ExperimentsPerRound, formulas);
        if (await campaign.StopRequestedAsync())
        {
            return null;
        }

        var truth = await RevealAsync(chosen.Concat(baseline).Distinct().Select(i => formulas[i]).ToList());
        var labels = new List<RevealedLabel>();
        var hits = new List<string>();
        var errors = new List<double>();
        double? best = _state.BestRevealedScore;
        var bestFormula = _state.BestRevealedFormula;
        var improved = false;
        foreach (var i in chosen)
        {
            if (!truth.TryGetValue(formulas[i], out var values))
            {
                continue;
            }

            labels.AddRange(config.Targets.Select(t => new RevealedLabel(formulas[i], t.Property, values[t.Property], round)));
            errors.Add(config.Targets.Average(t => Math.Abs(Means(pool[i])[t.Property] - values[t.Property])));
            if (_objective.IsHit(values))
            {
                hits.Add(formulas[i]);
            }

            var score = _objective.Value(values);
            if (best is null || score > best.Value)
            {
                (best, bestFormula, improved) = (score, formulas[i], true);
            }
        }

        var baselineHits = baseline.Count(i => truth.TryGetValue(formulas[i], out var v) && _objective.IsHit(v));
        var confirmations = await CountConfirmationsAsync(hits);
        var allLabels = _state.Labels.Concat(labels).ToList();
        if (validator is not null)
        {
            await validator.RefitAsync(allLabels);
        }
        if (await campaign.StopRequestedAsync())
        {
            return null;
        }

        var steps = await FineTuneAsync(generators, _state.Hits.Concat(hits).ToList(), allLabels);
        await MergeFamiliesAsync(pool, means, provenance, truth, hits);

        var chosenSet = chosen.Select(i => formulas[i]).ToHashSet(StringComparer.Ordinal);
        var baselineSet = baseline.Select(i => formulas[i]).ToHashSet(StringComparer.Ordinal);
        var poolIndex = formulas.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var records = report.Candidates.Select(c =>
        {
            var inPool = poolIndex.TryGetValue(c.Formula, out var k);
            var revealed = truth.TryGetValue(c.Formula, out var v) ? config.Targets.Select(t => v[t.Property]).ToList() : [];
            return new CandidateRecord(
                c.Formula, c.ChemicalSystem, string.Join('+', provenance[c.Formula]), c.Rejection, known.Contains(c.Formula),
                c.Passed ? config.Targets.Select(t => Means(c)[t.Property]).ToList() : [],
                c.Passed ? config.Targets.Select(t => Stds(c)[t.Property]).ToList() : [],
                inPool ? means[k] : null, inPool ? acquisition[k] : null,
                chosenSet.Contains(c.Formula), baselineSet.Contains(c.Formula), revealed,
                v is not null && _objective.IsHit(v));
        }).ToList();
        var csv = CandidateCsv.ToText(config.Targets.Select(t => t.Property).ToList(), records);
        await StoreCandidatesAsync(csv);

        var previous = _state.Rounds.LastOrDefault();
        var cumulativeHits = (previous?.CumulativeHits ?? 0) + hits.Count;
        var cumulativeBaseline = (previous?.CumulativeBaselineHits ?? 0) + baselineHits;
        var bestPredicted = means.Length == 0 ? -1 : Acquisition.Top(means, 1, formulas)[0];
        var metrics = new RoundMetrics(
            round,
            generatedCount,
            newFormulas.Count,
            Share(passed.Count, newFormulas.Count),
            Share(pool.Count, passed.Count),
            chosen.Length,
            chosen.Count(i => truth.ContainsKey(formulas[i])),
            hits.Count,
            confirmations,
            bestPredicted < 0 ? null : means[bestPredicted],
            bestPredicted < 0 ? null : formulas[bestPredicted],
            best,
            bestFormula,
            errors.Count == 0 ? null : errors.Average(),
            baseline.Length,
            baselineHits,
            cumulativeHits,
            cumulativeBaseline,
            cumulativeBaseline == 0 ? null : (double)cumulativeHits / cumulativeBaseline,
            improved);
        return new RoundOutcome(metrics, newFormulas, labels, hits, steps, csv);
    }

    private async Task<List<(GeneratorConfig Config, GeneratorStatus Status, int Step)>> PrepareGeneratorsAsync()
    {
        var prepared = new List<(GeneratorConfig, GeneratorStatus, int)>();
        foreach (var generator in config.Generators)
        {
            var status = await Generator(generator).PrepareAsync(Spec(generator));
            prepared.Add((generator, status, _state.GeneratorSteps.GetValueOrDefault(generator.Name, status.Step)));
        }

        return prepared;
    }

    private async Task<(int Generated, List<string> NewFormulas, Dictionary<string, SortedSet<string>> Provenance)> GenerateAsync(
        List<(GeneratorConfig Config, GeneratorStatus Status, int Step)> generators)
    {
        var order = new List<string>();
        var provenance = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var remote = campaign.Workers is { } workers
            ? await Task.WhenAll(generators.Select((generator, g) => workers.Workers.GetGrain<IGenerationWorkerGrain>(GeneratorId(generator.Config))
                .GenerateAsync(new GenerationBatch(campaign.Id, round, g, GeneratorId(generator.Config), Spec(generator.Config), Request(generator, g)))))
            : null;
        for (var g = 0; g < generators.Count; g++)
        {
            var (generator, _, _) = generators[g];
            var batch = remote?[g] ?? await Generator(generator).GenerateAsync(Request(generators[g], g));
            foreach (var formula in batch.Formulas)
            {
                if (!provenance.TryGetValue(formula, out var names))
                {
                    provenance[formula] = names = new SortedSet<string>(StringComparer.Ordinal);
                    order.Add(formula);
                }

                names.Add(generator.Name);
            }
        }

        var seen = _state.Seen.ToHashSet(StringComparer.Ordinal);
        var fresh = order.Where(f => !seen.Contains(f)).Take(config.Budget.CandidatesPerRound).ToList();
        return (order.Count, fresh, provenance);
    }

    private CandidateRequest Request((GeneratorConfig Config, GeneratorStatus Status, int Step) generator, int index)
    {
        var (generatorConfig, status, step) = generator;
        var target = status.Conditional ? config.Targets.FirstOrDefault(t => t.Property == status.TargetProperty) : null;
        return new CandidateRequest(
            generatorConfig.SamplesPerRound, CampaignRandom.Seed(config.Seed, round, CampaignStage.Generate, index), step,
            target is null ? null : Objective.ConditioningValue(target));
    }

    private GeneratorSpec Spec(GeneratorConfig generator) => new(
        generator.Kind, generator.Experiment?.GetRawText(), generator.TrainingSteps, generator.Checkpoint,
        DiscoveryCampaignGrain.ElementPool(config.Constraints), config.Constraints.RequiredElements,
        config.Constraints.MaxArity, generator.MaxCount);

    /// <summary>The round's candidates in slices of <see cref="CampaignWorkers.ValidationBatchSize"/>, validated on workers concurrently and joined in order.</summary>
    private async Task<ValidationReport> ValidateRemotelyAsync(CampaignWorkers workers, ValidatorSpec spec, List<string> formulas)
    {
        var labels = _state.Labels.ToList();
        var slices = formulas.Chunk(workers.ValidationBatchSize).ToList();
        var reports = await Task.WhenAll(slices.Select((slice, b) => workers.Workers.GetGrain<IValidationWorkerGrain>(campaign.Id)
            .ValidateAsync(new ValidationBatch(campaign.Id, round, b, spec, labels, new ValidationRequest(round, slice)))));
        return new ValidationReport(round, reports.SelectMany(r => r.Candidates).ToList());
    }

    /// <summary>Oracle values of every target for the formulas the oracle holds with all target properties.</summary>
    private async Task<Dictionary<string, Dictionary<string, double>>> RevealAsync(IReadOnlyList<string> formulas)
    {
        var found = await campaign.Grains.GetGrain<IDatasetGrain>(config.Oracle.Dataset).LookupAsync(formulas);
        var truth = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        for (var i = 0; i < formulas.Count; i++)
        {
            var values = new Dictionary<string, double>();
            foreach (var target in config.Targets)
            {
                if (found[i].Values.GetValueOrDefault(target.OracleProperty ?? target.Property) is { } value)
                {
                    values[target.Property] = value;
                }
            }

            if (found[i].Known && values.Count == config.Targets.Count)
            {
                truth[formulas[i]] = values;
            }
        }

        return truth;
    }

    private async Task<int> CountConfirmationsAsync(IReadOnlyList<string> hits)
    {
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dataset in config.Oracle.ConfirmationDatasets)
        {
            var found = await campaign.Grains.GetGrain<IDatasetGrain>(dataset).LookupAsync(hits);
            confirmed.UnionWith(found.Where(k => k.Known).Select(k => k.Formula));
        }

        return confirmed.Count;
    }

    /// <summary>
    /// Fine-tunes each generator toward the target: on the training database's compositions inside the target
    /// (property-filtered training, at most <see cref="FineTuneReferenceRows"/>) plus every hit so far repeated
    /// <see cref="HitRepeats"/> times. The reference rows keep a handful of hits from collapsing the generator onto them.
    /// </summary>
    private async Task<Dictionary<string, int>> FineTuneAsync(
        List<(GeneratorConfig Config, GeneratorStatus Status, int Step)> generators, List<string> hits, List<RevealedLabel> labels)
    {
        var steps = new Dictionary<string, int>();
        for (var g = 0; g < generators.Count; g++)
        {
            var (generator, status, step) = generators[g];
            steps[generator.Name] = step;
            if (generator.FineTuneSteps == 0 || hits.Count == 0)
            {
                continue;
            }

            var target = config.Targets.FirstOrDefault(t => t.Property == (status.Conditional ? status.TargetProperty : config.Targets[0].Property));
            if (target is null)
            {
                continue;
            }

            var reference = await campaign.Grains.GetGrain<IDatasetGrain>(config.TrainingDataset).SelectInRangeAsync(
                target.Property, target.Mode == "minimize" ? null : target.Min, target.Mode == "maximize" ? null : target.Max,
                FineTuneReferenceRows, CampaignRandom.Seed(config.Seed, round, CampaignStage.FineTune, 1000 + g));
            var values = labels.Where(l => l.Property == target.Property).ToDictionary(l => l.Formula, l => l.Value, StringComparer.Ordinal);
            var formulas = reference.Select(r => r.Formula).Concat(hits.SelectMany(h => Enumerable.Repeat(h, HitRepeats))).ToList();
            var targets = reference.Select(r => r.Values[target.Property]!.Value).Concat(hits.SelectMany(h => Enumerable.Repeat(values[h], HitRepeats))).ToList();
            var tuned = await Generator(generator).FineTuneAsync(new FineTuneRequest(
                step, formulas, targets, generator.FineTuneSteps, generator.FineTuneBatchSize,
                CampaignRandom.Seed(config.Seed, round, CampaignStage.FineTune, g)));
            steps[generator.Name] = tuned.Step;
        }

        return steps;
    }

    private async Task MergeFamiliesAsync(
        List<ValidatedCandidate> pool, double[] means, Dictionary<string, SortedSet<string>> provenance,
        Dictionary<string, Dictionary<string, double>> truth, List<string> hits)
    {
        var hitSet = hits.ToHashSet(StringComparer.Ordinal);
        var updates = pool
            .Select((c, i) => (Candidate: c, Score: means[i]))
            .GroupBy(p => p.Candidate.ChemicalSystem, StringComparer.Ordinal)
            .Select(group =>
            {
                var candidates = group.Select(p => new FamilyCandidate(
                    p.Candidate.Formula, p.Score, Means(p.Candidate), Stds(p.Candidate), provenance[p.Candidate.Formula].ToList(), round)).ToList();
                var confirmations = group
                    .Where(p => truth.ContainsKey(p.Candidate.Formula))
                    .SelectMany(p => truth[p.Candidate.Formula].Select(v => new Confirmation(
                        p.Candidate.Formula, v.Key, v.Value, config.Oracle.Dataset, round, hitSet.Contains(p.Candidate.Formula))))
                    .ToList();
                return campaign.Grains.GetGrain<ICandidateFamilyGrain>($"{campaign.Id}/{group.Key}")
                    .MergeAsync(new FamilyUpdate(round, candidates, confirmations));
            });
        await Task.WhenAll(updates);
    }

    private async Task StoreCandidatesAsync(string csv)
    {
        var path = CandidateCsv.Path(campaign.Id, round);
        try
        {
            await campaign.Blobs.PutAsync(path, CandidateCsv.Compress(csv), BlobCondition.IfNotExists);
        }
        catch (BlobConditionFailedException)
        {
            var stored = await campaign.Blobs.GetAsync(path);
            if (stored is null || CandidateCsv.Decompress(stored.Content) != csv)
            {
                throw new InvalidOperationException(
                    $"'{path}' from an interrupted run of round {round} differs from this run's candidates: the round is not deterministic");
            }
        }
    }

    private IGeneratorGrain Generator(GeneratorConfig generator) =>
        campaign.Grains.GetGrain<IGeneratorGrain>(GeneratorId(generator));

    private string GeneratorId(GeneratorConfig generator) => $"{campaign.Id}.{generator.Name}";

    private static Dictionary<string, double> Means(ValidatedCandidate c) => c.Predictions.ToDictionary(p => p.Property, p => p.Mean);

    private static Dictionary<string, double> Stds(ValidatedCandidate c) => c.Predictions.ToDictionary(p => p.Property, p => p.Std);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
