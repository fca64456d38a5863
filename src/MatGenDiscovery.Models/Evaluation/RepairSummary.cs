namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Valency repair of <see cref="Count"/> generated samples, in the spirit of Sawada et al.'s Table 5: mean valence
/// error (net charge per atom, minimised over oxidation-state assignments; samples with an element without states are
/// left out of the means) and charge-neutral share before and after repair, mean Metropolis–Hastings steps, and for
/// conditional samples the nearest-training-composition MAE and distance before and after. <see cref="CannotBeNeutral"/>
/// counts samples no counts of their elements can make neutral (see <see cref="Repair.ValencyRepair.CanBeNeutral"/>).
/// </summary>
public sealed record RepairSummary(
    int Count,
    int Scored,
    int CannotBeNeutral,
    double MeanValenceErrorBefore,
    double MeanValenceErrorAfter,
    double NeutralShareBefore,
    double NeutralShareAfter,
    double MeanSteps,
    ConditionalResult? ConditionalBefore,
    ConditionalResult? ConditionalAfter,
    IReadOnlyList<RepairExample> Examples);
