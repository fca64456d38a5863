using System.Security.Cryptography;
using System.Text.Json;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Datasets;
using MatGenDiscovery.Grains.Storage;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Runtime;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Generators;

/// <summary>
/// Owns one generative model. The model in memory is the checkpoint of one step; a call for another step loads that
/// checkpoint from blob storage first, so results depend only on (checkpoint, request). Trained-from-scratch models
/// are also cached under a hash of their experiment, so a replay or a second campaign does not retrain them.
/// </summary>
public sealed class GeneratorGrain(IBlobStore blobs, DatasetProvider datasets) : Grain<GeneratorState>, IGeneratorGrain
{
    private ICandidateModel? _model;
    private int _step = -1;
    private GeneratorSpec? _spec;

    public async Task<GeneratorStatus> PrepareAsync(GeneratorSpec spec)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(spec, GrainJson.Options)));
        _spec = spec;
        if (State.SpecHash == hash && State.Checkpoints.Contains(State.InitialStep))
        {
            return Status(State.InitialStep);
        }

        if (spec.Kind == "random")
        {
            _model = RandomModel(spec);
            _step = 0;
        }
        else
        {
            (_model, _step) = await TrainOrLoadAsync(spec);
            await blobs.PutAsync(CheckpointPaths.For(GetPrimaryKeyString(), _step), _model.Save(_step));
        }

        State.SpecHash = hash;
        State.ModelKind = _model.ModelKind;
        State.Conditional = _model.IsConditional;
        State.TargetProperty = _model.TargetProperty;
        State.InitialStep = _step;
        State.Checkpoints = [_step];
        await WriteStateAsync();
        return Status(_step);
    }

    public async Task<CandidateBatch> GenerateAsync(CandidateRequest request)
    {
        var model = await ModelAtAsync(request.Step);
        var (unique, generated, decoded) = model.Generate(request.Count, request.Seed, request.Target);
        var conditioned = model.IsConditional && request.Target is not null;
        return new CandidateBatch(GetPrimaryKeyString(), request.Step, unique.Select(c => c.ReducedFormula).ToList(), generated, decoded, conditioned);
    }

    public async Task<GeneratorStatus> FineTuneAsync(FineTuneRequest request)
    {
        var model = await ModelAtAsync(request.FromStep);
        if (!model.IsTrainable || request.Steps == 0 || request.Formulas.Count == 0)
        {
            return Status(request.FromStep);
        }

        var compositions = request.Formulas.Select(Composition.Parse).ToList();
        var used = model.FineTune(compositions, request.Targets, request.FromStep, request.Steps, request.BatchSize, request.Seed);
        if (used == 0)
        {
            return Status(request.FromStep);
        }

        var step = request.FromStep + request.Steps;
        _step = step;
        await blobs.PutAsync(CheckpointPaths.For(GetPrimaryKeyString(), step), model.Save(step));
        if (!State.Checkpoints.Contains(step))
        {
            State.Checkpoints = State.Checkpoints.Append(step).Order().ToList();
            await WriteStateAsync();
        }

        return Status(step);
    }

    public Task<GeneratorStatus> GetStatusAsync() => Task.FromResult(Status(_step < 0 ? State.InitialStep : _step));

    private GeneratorStatus Status(int step) =>
        new(GetPrimaryKeyString(), State.ModelKind, State.Conditional, State.TargetProperty, step, State.Checkpoints);

    private async Task<ICandidateModel> ModelAtAsync(int step)
    {
        if (_model is not null && (_step == step || !_model.IsTrainable))
        {
            return _model;
        }

        if (State.ModelKind == "random")
        {
            var spec = _spec ?? throw new InvalidOperationException($"generator {GrainId} is not prepared: call PrepareAsync first");
            _model = RandomModel(spec);
            _step = 0;
            return _model;
        }

        var path = CheckpointPaths.For(GetPrimaryKeyString(), step);
        var blob = await blobs.GetAsync(path)
            ?? throw new InvalidOperationException($"generator {GrainId} has no checkpoint at step {step} ('{path}'); prepare it first");
        (_model, _) = GenerativeCandidateModel.Load(blob.Content.ToArray(), path);
        _step = step;
        return _model;
    }

    private async Task<(ICandidateModel Model, int Step)> TrainOrLoadAsync(GeneratorSpec spec)
    {
        if (spec.Checkpoint is { } checkpoint)
        {
            var (loaded, step) = GenerativeCandidateModel.Load(checkpoint);
            return (loaded, step);
        }

        var json = spec.ExperimentJson ?? throw new ArgumentException($"generator {GrainId}: a model generator needs an experiment or a checkpoint");
        var config = ExperimentConfigSerializer.Parse(json, $"generator {GetPrimaryKeyString()}");
        if (spec.TrainingSteps is { } steps)
        {
            config = config with { Training = config.Training with { Steps = steps } };
        }

        var cache = CheckpointPaths.Pretrained(ExperimentConfigSerializer.Hash(config), config.Training.Steps);
        if (await blobs.GetAsync(cache) is { } cached)
        {
            return GenerativeCandidateModel.Load(cached.Content.ToArray(), cache);
        }

        var trained = GenerativeCandidateModel.Train(config, datasets.Get(config.Data.Dataset).Dataset);
        await blobs.PutAsync(cache, trained.Save(config.Training.Steps));
        return (trained, config.Training.Steps);
    }

    private static RandomCompositionModel RandomModel(GeneratorSpec spec) =>
        new(spec.Elements.Select(ElementTable.Default.Get).ToList(), spec.RequiredElements.Select(ElementTable.Default.Get).ToList(), spec.MaxArity, spec.MaxCount);
}
