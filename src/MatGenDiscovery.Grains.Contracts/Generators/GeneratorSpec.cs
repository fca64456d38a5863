namespace MatGenDiscovery.Grains.Contracts.Generators;

/// <summary>
/// What a generator grain needs to build its model: the kind (<c>model</c> or <c>random</c>), the experiment config
/// JSON and optional step override (model kind), an optional starting checkpoint path, and for <c>random</c> the
/// element pool, the elements every sample contains, the largest arity and the largest count.
/// </summary>
public sealed record GeneratorSpec(
    string Kind,
    string? ExperimentJson,
    int? TrainingSteps,
    string? Checkpoint,
    IReadOnlyList<string> Elements,
    IReadOnlyList<string> RequiredElements,
    int MaxArity,
    int MaxCount);
