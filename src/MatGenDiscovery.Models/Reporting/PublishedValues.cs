namespace MatGenDiscovery.Models.Reporting;

/// <summary>Published numbers drawn as reference lines and quoted beside ours (shares in [0, 1]).</summary>
public static class PublishedValues
{
    /// <summary>MatGAN (Dan et al. 2020): share of GAN-ICSD samples that are charge-neutral and electronegativity-balanced.</summary>
    public const double MatGanIcsdValidity = 0.845;

    /// <summary>MatGAN: validity share of exhaustive enumeration quoted against the generated share (<see cref="MatGanGeneratedValidShare"/>).</summary>
    public const double MatGanEnumerationValidShare = 0.0078;

    /// <summary>MatGAN: the generated validity share quoted against <see cref="MatGanEnumerationValidShare"/>.</summary>
    public const double MatGanGeneratedValidShare = 0.6224;
}
