namespace MatGenDiscovery.Models.Evaluation;

/// <summary>The nearest indexed composition: its index in the indexed list and the Euclidean distance between fraction vectors.</summary>
public readonly record struct NearestComposition(int Index, double Distance);
