namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>The values accepted in <see cref="Experiments.ModelConfig.FractionScaling"/>.</summary>
public static class FractionScalings
{
    /// <summary>Each element's fraction divided by its training-set maximum, x′ⱼ = xⱼ / maxⱼ (Sawada's CompGAN).</summary>
    public const string PerElement = "per-element";
}
