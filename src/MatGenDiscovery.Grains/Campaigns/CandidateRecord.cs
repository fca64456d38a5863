namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// One new candidate of a round as written to <c>candidates/&lt;campaign&gt;/&lt;round&gt;.csv.gz</c>.
/// Predictions and true values are keyed by the target properties in config order.
/// </summary>
/// <param name="Generators">Generators that proposed it this round, sorted, joined by <c>+</c>.</param>
/// <param name="Rejection">Failed rule; null if it passed.</param>
/// <param name="KnownInTraining">Present in the generators' training database (not novel; never sent to the oracle).</param>
/// <param name="Score">Objective by predictor mean; null unless passed.</param>
/// <param name="Chosen">Sent to the oracle by the campaign's acquisition.</param>
/// <param name="BaselineChosen">Chosen by the random-acquisition baseline.</param>
/// <param name="Revealed">True values from the oracle (empty if not chosen by either, or not in the oracle).</param>
public sealed record CandidateRecord(
    string Formula,
    string ChemicalSystem,
    string Generators,
    string? Rejection,
    bool KnownInTraining,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> Stds,
    double? Score,
    double? Acquisition,
    bool Chosen,
    bool BaselineChosen,
    IReadOnlyList<double> Revealed,
    bool Hit);
