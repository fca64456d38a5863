namespace MatGenDiscovery.Tensors;

/// <summary>
/// Computes input gradients from the output gradient. Writes <paramref name="gradInputs"/>[i] only where
/// <paramref name="needsGrad"/>[i]; must use differentiable tensor operations so the result can be recorded.
/// </summary>
internal delegate void BackwardFunction(Tensor gradOutput, ReadOnlySpan<bool> needsGrad, Span<Tensor?> gradInputs);

/// <summary>One recorded operation: its inputs and how to push a gradient back to them.</summary>
internal sealed class GradientNode(string name, Tensor[] inputs, BackwardFunction backward)
{
    public string Name { get; } = name;

    public Tensor[] Inputs { get; } = inputs;

    public BackwardFunction Backward { get; } = backward;
}
