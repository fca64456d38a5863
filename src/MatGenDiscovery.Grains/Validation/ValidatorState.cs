using MatGenDiscovery.Grains.Contracts.Validation;

namespace MatGenDiscovery.Grains.Validation;

public sealed class ValidatorState
{
    /// <summary>SHA-256 of the spec JSON; models are rebuilt from the spec on activation, so only its identity is stored.</summary>
    public string SpecHash { get; set; } = "";

    /// <summary>Training rows per predictor property.</summary>
    public Dictionary<string, int> PredictorRows { get; set; } = [];

    public List<RevealedLabel> Labels { get; set; } = [];
}
