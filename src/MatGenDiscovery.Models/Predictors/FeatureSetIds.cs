using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Models.Predictors;

/// <summary>Identifiers of the feature sets saved models record; a model refuses to load for another one.</summary>
public static class FeatureSetIds
{
    /// <summary>The 145 matminer Magpie features of <see cref="Featurization.MagpieFeaturizer"/>.</summary>
    public const string Magpie = "magpie-145-v1";

    /// <summary>Magpie followed by the atomic fractions of H … Pu (<see cref="Gbdt.GbdtFeatureSet.MagpieFractions"/>).</summary>
    public const string MagpieFractions = "magpie-fractions-239-v1";

    /// <summary>Atomic fractions over an explicit element list, e.g. <c>fractions-86-v1</c>.</summary>
    public static string Fractions(IReadOnlyList<Element> elements) => $"fractions-{elements.Count}-v1";

    /// <summary>Those fractions followed by the 145 standardised Magpie features (<see cref="Mlp.MlpInputEncoder"/>).</summary>
    public static string FractionsMagpie(IReadOnlyList<Element> elements) => $"fractions-{elements.Count}-magpie-145-v1";
}
