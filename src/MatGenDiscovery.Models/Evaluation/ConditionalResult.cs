namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Sawada et al.'s metrics for a conditional model over <see cref="Count"/> generated samples with a requested target
/// y*: with y_nn the property of the nearest training composition, <see cref="Mae"/> = mean |y* − y_nn| and
/// <see cref="Rmse"/> = √mean (y* − y_nn)² (in the property's units), and <see cref="MeanDistance"/> the mean
/// Euclidean distance to that nearest composition (fraction vectors, see <see cref="NearestCompositionIndex"/>).
/// </summary>
public sealed record ConditionalResult(int Count, double Mae, double Rmse, double MeanDistance);
