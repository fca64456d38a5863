namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>What one round did. Shares are in [0, 1]; scores are the campaign objective (higher is better).</summary>
/// <param name="Generated">Distinct compositions the generators returned this round.</param>
/// <param name="NewCandidates">Of those, compositions the campaign had not seen in earlier rounds.</param>
/// <param name="ValidityShare">Share of new candidates passing the chemistry rules (and decodability, if configured).</param>
/// <param name="NoveltyShare">Share of valid new candidates absent from the generators' training database.</param>
/// <param name="Experiments">Candidates chosen by acquisition and sent to the oracle.</param>
/// <param name="Revealed">Chosen candidates the oracle database holds (their true values are now labels).</param>
/// <param name="Hits">Revealed candidates whose true values satisfy every target.</param>
/// <param name="CrossDatabaseConfirmations">Hits also present in a confirmation database (e.g. ICSD, experimental gaps).</param>
/// <param name="BestPredictedScore">Best objective by predictor mean among this round's valid candidates.</param>
/// <param name="BestRevealedScore">Best objective by true (oracle) value over all rounds so far; null if nothing revealed yet.</param>
/// <param name="PredictorMae">Mean absolute error of the predictor (as it was when choosing) on this round's revealed labels, averaged over target properties; null if nothing revealed.</param>
/// <param name="BaselineExperiments">Candidates the random-acquisition baseline chose from the same pool.</param>
/// <param name="BaselineHits">Hits of the baseline's choices this round.</param>
/// <param name="CumulativeHits">Hits over all rounds so far.</param>
/// <param name="CumulativeBaselineHits">Baseline hits over all rounds so far.</param>
/// <param name="DiscoveryRate">Cumulative hits ÷ cumulative baseline hits (null while the baseline has none).</param>
/// <param name="Improved">Whether the best revealed score improved this round (drives patience).</param>
public sealed record RoundMetrics(
    int Round,
    int Generated,
    int NewCandidates,
    double ValidityShare,
    double NoveltyShare,
    int Experiments,
    int Revealed,
    int Hits,
    int CrossDatabaseConfirmations,
    double? BestPredictedScore,
    string? BestPredictedFormula,
    double? BestRevealedScore,
    string? BestRevealedFormula,
    double? PredictorMae,
    int BaselineExperiments,
    int BaselineHits,
    int CumulativeHits,
    int CumulativeBaselineHits,
    double? DiscoveryRate,
    bool Improved);
