namespace MatGenDiscovery.Grains.Contracts.Validation;

/// <param name="Mean">Ensemble mean plus the label correction, in the property's units.</param>
/// <param name="Std">Ensemble standard deviation (≥ 0).</param>
public sealed record PropertyPrediction(string Property, double Mean, double Std);
