namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Every metric of one evaluation. <see cref="Conditional"/> is null for unconditional samples (no targets);
/// <see cref="Repair"/> is null unless a repair was requested. Shares are fractions in [0, 1].
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
    RepairSummary? Repair);
