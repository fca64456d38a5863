namespace MatGenDiscovery.Models.Generative.Conditional;

/// <summary>The CondGAN generator's last activation (<c>model.generator_output</c>).</summary>
public static class GeneratorOutputs
{
    /// <summary>Per-element sigmoid (Sawada et al.): each output in (0, 1), rows not normalised.</summary>
    public const string Sigmoid = "sigmoid";

    /// <summary>Softmax over the bag: each row a composition whose fractions sum to 1, per-element scaled like the data.</summary>
    public const string Softmax = "softmax";

    /// <summary>
    /// Sparsemax over the bag (Martins &amp; Astudillo 2016): each row a composition whose fractions sum to 1 with
    /// exact zeros, so a ternary is three non-zero outputs.
    /// </summary>
    public const string Sparsemax = "sparsemax";

    public static IReadOnlyList<string> All { get; } = [Sigmoid, Softmax, Sparsemax];
}
