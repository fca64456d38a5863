namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>
/// How CondGAN's real/fake score sees the target y′ (<c>model.critic_conditioning</c>). Unset, the score is
/// unconditional as published (Sawada et al. 2019) and only the property head judges the target.
/// </summary>
public static class CriticConditionings
{
    /// <summary>Projection discriminator (Miyato &amp; Koyama 2018): D(x, y′) = ψ(φ(x)) + ⟨embed(y′), φ(x)⟩.</summary>
    public const string Projection = "projection";

    /// <summary>y′ appended to the critic's input: D([x ‖ y′]).</summary>
    public const string Concat = "concat";

    public static IReadOnlyList<string> All { get; } = [Projection, Concat];
}
