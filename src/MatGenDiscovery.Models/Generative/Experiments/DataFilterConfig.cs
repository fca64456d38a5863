namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>Row filter applied before the split (MatGAN's GAN-Bandgap and GAN-ICSD-Filter training sets).</summary>
public sealed record DataFilterConfig
{
    public IReadOnlyList<PropertyRange> Properties { get; init; } = [];

    /// <summary>Keep only SMACT-valid (smact14, charge-neutral and electronegativity-balanced) compositions.</summary>
    public bool ValidOnly { get; init; }

    /// <summary>Largest number of distinct elements kept.</summary>
    public int? MaxArity { get; init; }
}
