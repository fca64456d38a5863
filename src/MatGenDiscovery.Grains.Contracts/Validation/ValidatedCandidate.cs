namespace MatGenDiscovery.Grains.Contracts.Validation;

/// <param name="Formula">Reduced formula.</param>
/// <param name="Passed">Passed every rule; only passed candidates carry predictions.</param>
/// <param name="Rejection">The first rule failed (e.g. <c>not charge-neutral</c>, <c>contains forbidden Pb</c>); null if passed.</param>
/// <param name="Predictions">Per predictor property: mean and standard deviation.</param>
public sealed record ValidatedCandidate(string Formula, string ChemicalSystem, bool Passed, string? Rejection, IReadOnlyList<PropertyPrediction> Predictions);
