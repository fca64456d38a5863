namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>
/// A property predictor with uncertainty: a bootstrap ensemble of gradient-boosted trees on Magpie features, trained
/// on <see cref="Dataset"/>; mean and standard deviation across members are the prediction and its uncertainty.
/// </summary>
public sealed record PredictorConfig
{
    public required string Property { get; init; }

    /// <summary>Catalogued dataset with the property column.</summary>
    public required string Dataset { get; init; }

    /// <summary>Train on at most this many rows (a seeded subset).</summary>
    public int MaxTrainingRows { get; init; } = 5000;

    public int EnsembleSize { get; init; } = 4;

    public int Trees { get; init; } = 100;

    /// <summary>Length scale of the kernel correction fitted to revealed labels, in root-mean-square standardised feature units.</summary>
    public double CorrectionLengthScale { get; init; } = 0.5;
}
