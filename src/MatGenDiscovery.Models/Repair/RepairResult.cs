using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Repair;

/// <summary>
/// One valency repair. Valence error = min over oxidation-state assignments of |Σ nᵢ sᵢ| / Σ nᵢ (net charge per atom);
/// null when an element has no oxidation state. <see cref="Steps"/> counts Metropolis–Hastings steps (0 when the input
/// was already neutral). <see cref="Neutral"/> is true when <see cref="Repaired"/> has valence error 0.
/// </summary>
public sealed record RepairResult(
    Composition Original,
    Composition Repaired,
    int Steps,
    double? ValenceErrorBefore,
    double? ValenceErrorAfter)
{
    public bool Neutral => ValenceErrorAfter == 0;

    public bool Changed => !Repaired.EqualsUnreduced(Original);
}
