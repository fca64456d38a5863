namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// Numbers printed in the two papers that the report quotes beside ours (shares in [0, 1], energies in eV/atom).
/// Only values stated in the papers are listed; a figure without one shows no annotation.
/// </summary>
public static class PaperNumbers
{
    public const string MatGan = "Dan et al., npj Comput. Mater. 6, 84 (2020)";

    public const string Sawada = "Sawada et al., arXiv:1910.11499 (2019)";

    /// <summary>GAN-ICSD-Filter samples that are charge-neutral and electronegativity-balanced.</summary>
    public const double MatGanIcsdFilterValidity = 0.845;

    /// <summary>Charge-neutral and electronegativity-balanced share of exhaustive enumeration, against <see cref="MatGanGeneratedValidShare"/>.</summary>
    public const double MatGanEnumerationValidShare = 0.0078;

    public const double MatGanGeneratedValidShare = 0.6224;

    /// <summary>The enrichment the paper quotes: 62.24% / 0.78% ≈ 80; the paper rounds it to 77×.</summary>
    public const double MatGanEnrichment = 77;

    /// <summary>GAN-ICSD: share of 2 million samples absent from the training set.</summary>
    public const double MatGanIcsdNovelty = 0.9253;

    /// <summary>Autoencoder decodable share on OQMD, training and test sets.</summary>
    public const double MatGanDecodableTraining = 0.9631;

    public const double MatGanDecodableTest = 0.9550;

    /// <summary>CondGAN(x^bp): MAE between the requested and the nearest training composition's formation energy.</summary>
    public const double SawadaCondGanBpMaeEvPerAtom = 0.37;
}
