namespace MatGenDiscovery.Models.Papers;

/// <summary>Experiment families (names under <c>experiments/</c> without <c>-quick</c>) that feed the MatGAN section.</summary>
internal static class MatGanFamilies
{
    public static readonly IReadOnlyList<string> Gans = ["matgan-mp", "matgan-icsd-filter", "matgan-bandgap"];

    public const string IcsdFilter = "matgan-icsd-filter";

    public const string Bandgap = "matgan-bandgap";

    public const string Autoencoder = "autoencoder-mp";
}
