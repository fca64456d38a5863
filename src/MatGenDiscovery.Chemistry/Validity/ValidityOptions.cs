using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Validity;

/// <summary>How <see cref="SmactValidator"/> judges compositions.</summary>
public sealed record ValidityOptions
{
    /// <summary>Which oxidation-state lists to draw states from; SMACT 2014 by default.</summary>
    public OxidationStateSet OxidationStates { get; init; } = OxidationStateSet.Smact14;

    /// <summary>SMACT's <c>include_alloys</c>: a composition of SMACT metals only is valid. Off by default here (on in SMACT).</summary>
    public bool IncludeAlloys { get; init; }

    /// <summary>
    /// Judge the counts as given instead of reduced. SMACT's <c>neutral_ratios</c> only accepts ratios whose gcd is 1,
    /// so an unreduced composition with a common factor (<c>Ti2O4</c>) is never charge-neutral in this mode.
    /// </summary>
    public bool Unreduced { get; init; }
}
