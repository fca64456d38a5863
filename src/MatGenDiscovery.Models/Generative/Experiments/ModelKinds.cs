namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>The names accepted in <see cref="ModelConfig.Kind"/> and <see cref="ModelConfig.Network"/>.</summary>
public static class ModelKinds
{
    public const string MatGan = "matgan";
    public const string Autoencoder = "autoencoder";
    public const string CondGan = "condgan";
    public const string CondVae = "condvae";

    public const string MatGanMpNetwork = "matgan-mp";
    public const string MatGanOqmdNetwork = "matgan-oqmd";
    public const string MlpNetwork = "mlp";

    public static IReadOnlyList<string> All { get; } = [MatGan, Autoencoder, CondGan, CondVae];

    public static IReadOnlyList<string> Networks { get; } = [MatGanMpNetwork, MatGanOqmdNetwork, MlpNetwork];

    /// <summary>True for the models on MatGAN's 85 × 8 count matrix.</summary>
    public static bool UsesCountMatrix(string kind) => kind is MatGan or Autoencoder;

    /// <summary>True for the models conditioned on a property.</summary>
    public static bool IsConditional(string kind) => kind is CondGan or CondVae;
}
