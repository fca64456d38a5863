using MatGenDiscovery.Models.Generative.Autoencoder;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Every metric of one evaluation. <see cref="Conditional"/> is null for unconditional samples (no targets);
/// <see cref="Repair"/> is null unless a repair was requested; <see cref="Decodability"/> is null unless an autoencoder
/// checked the generated compositions (it is added after <see cref="EvaluationSuite.Evaluate"/>, which takes no model,
/// and is absent from reports written before it existed). Shares are fractions in [0, 1].
/// </summary>
public sealed record EvaluationReport(
    EvaluationInputs Inputs,
    IReadOnlyList<ValidityCell> Validity,
    IReadOnlyList<UniquenessPoint> Uniqueness,
    NoveltyResult Novelty,
    RecoveryResult Recovery,
    IReadOnlyList<ArityShare> Arity,
    IReadOnlyList<EnrichmentResult> Enrichment,
    ConditionalResult? Conditional,
    IReadOnlyList<ConfirmationResult> Confirmation,
    RepairSummary? Repair,
    GeneratedDecodability? Decodability = null);
