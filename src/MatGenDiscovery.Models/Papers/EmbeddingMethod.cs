namespace MatGenDiscovery.Models.Papers;

/// <summary>How compositions are mapped to 2-D for MatGAN's Fig. 3 and Fig. 7.</summary>
public enum EmbeddingMethod
{
    /// <summary>Exact t-SNE on a seeded subsample.</summary>
    TSne,

    /// <summary>The first two principal components (fast, linear).</summary>
    Pca,
}
