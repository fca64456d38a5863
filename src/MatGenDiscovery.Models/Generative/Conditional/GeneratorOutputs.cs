using MatGenDiscovery.NeuralNetworks.Architectures;

namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>
/// The generator's last activation (<c>model.generator_output</c>): for CondGAN and the CondVAE's decoder over the
/// bag of atoms, for MatGAN's <c>mlp</c> network over the 85 × 8 count matrix.
/// </summary>
public static class GeneratorOutputs
{
    /// <summary>Element-wise sigmoid (Sawada et al., Dan et al.): each output in (0, 1), rows not normalised.</summary>
    public const string Sigmoid = "sigmoid";

    /// <summary>
    /// Softmax over the bag: each row a composition whose fractions sum to 1 (CondGAN: per-element scaled like the
    /// data). The CondVAE's default, trained with cross-entropy.
    /// </summary>
    public const string Softmax = "softmax";

    /// <summary>
    /// Sparsemax over the bag (Martins &amp; Astudillo 2016): each row a composition whose fractions sum to 1 with exact
    /// zeros, so a ternary is three non-zero outputs. The CondVAE trains it with the sparsemax loss.
    /// </summary>
    public const string Sparsemax = "sparsemax";

    /// <summary>
    /// MatGAN (<c>mlp</c>): per element row, sparsemax over "absent" and the 8 counts, the absent share dropped, so an
    /// absent element's row is exactly 0 as in the one-hot data (beyond the paper).
    /// </summary>
    public const string RowSparsemax = "row-sparsemax";

    public static IReadOnlyList<string> ForCondGan { get; } = [Sigmoid, Softmax, Sparsemax];

    public static IReadOnlyList<string> ForCondVae { get; } = [Softmax, Sparsemax];

    public static IReadOnlyList<string> ForMatGan { get; } = [Sigmoid, RowSparsemax];

    /// <exception cref="ArgumentException">Not one of <see cref="ForMatGan"/>.</exception>
    public static MatGanGeneratorOutput ParseMatGan(string value) => value switch
    {
        Sigmoid => MatGanGeneratorOutput.Sigmoid,
        RowSparsemax => MatGanGeneratorOutput.RowSparsemax,
        _ => throw new ArgumentException(
            $"unknown MatGAN generator output '{value}'; expected one of {string.Join(", ", ForMatGan)}", nameof(value)),
    };
}
