namespace MatGenDiscovery.Models.Embedding;

/// <summary>A point of a 2-D map (PCA scores or t-SNE coordinates; arbitrary units).</summary>
public readonly record struct EmbeddingPoint(double X, double Y);
