using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Repair;

/// <summary>Settings of <see cref="ValencyRepair"/>; the defaults repair typical generated compositions in milliseconds.</summary>
public sealed record ValencyRepairOptions
{
    public OxidationStateSet OxidationStates { get; init; } = OxidationStateSet.Smact14;

    /// <summary>Search every combination of oxidation states (true) or only Sawada's index-aligned ones (false).</summary>
    public bool EveryCombination { get; init; } = true;

    /// <summary>Number of parallel Metropolis–Hastings chains, all started at the input fractions.</summary>
    public int Chains { get; init; } = 16;

    /// <summary>Most steps per chain before giving up on reaching the neutral tolerance.</summary>
    public int MaxSteps { get; init; } = 2000;

    /// <summary>Standard deviation of the Gaussian random-walk proposal on each atomic fraction.</summary>
    public double StepSize { get; init; } = 0.02;

    /// <summary>
    /// β in π(x)^β = max_s exp(−β (v_s·x)²); Sawada et al. use β = 1. Larger values make the walk greedier.
    /// </summary>
    public double InverseTemperature { get; init; } = 1;

    /// <summary>A chain stops once min_s |v_s·x| (charge per atom) falls below this.</summary>
    public double NeutralTolerance { get; init; } = 0.01;

    /// <summary>Largest total number of atoms of the integer formula the result is snapped to.</summary>
    public int MaxAtoms { get; init; } = 24;

    /// <exception cref="ArgumentOutOfRangeException">A count or size is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Chains, 1, nameof(Chains));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSteps, nameof(MaxSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAtoms, 2, nameof(MaxAtoms));
        if (!(StepSize > 0) || !(InverseTemperature > 0) || !(NeutralTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(StepSize), $"step size ({StepSize}) and inverse temperature ({InverseTemperature}) must be positive and the tolerance ({NeutralTolerance}) non-negative");
        }
    }
}
