using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests.Operations.Reductions;

public class SoftMaxFunctionsTests
{
    [Fact]
    public void Softmax_RowsSumToOneAndMatchDefinition()
    {
        var x = Tensor.FromArray([1, 2, 3, 1000, 1000, 1000], 2, 3);

        var result = x.Softmax(1);

        var denominator = 1 + Math.E + Math.E * Math.E;
        result[0, 0].Should().BeApproximately((float)(1 / denominator), 1e-6f);
        result[0, 2].Should().BeApproximately((float)(Math.E * Math.E / denominator), 1e-6f);
        result[1, 1].Should().BeApproximately(1f / 3f, 1e-6f);
    }

    [Fact]
    public void LogSoftmax_EqualsLogOfSoftmax()
    {
        var x = Tensor.Randn(new Random(1), 3, 5);

        var log = x.LogSoftmax(-1).ToArray();
        var soft = x.Softmax(-1).ToArray();

        for (var i = 0; i < log.Length; i++)
        {
            log[i].Should().BeApproximately(MathF.Log(soft[i]), 1e-5f);
        }
    }

    [Fact]
    public void SoftmaxAndLogSoftmax_GradientsAndSecondOrder_MatchFiniteDifferences()
    {
        var x = Tensor.Randn(new Random(2), 2, 4);

        GradientChecker.Check(t => t[0].Softmax(1), [x.Clone()], step: 1e-3f);
        GradientChecker.Check(t => t[0].LogSoftmax(0), [x.Clone()], step: 1e-3f);
        GradientChecker.CheckSecondOrder(t => t[0].LogSoftmax(1), [x.Clone()], step: 1e-3f);
    }

    [Fact]
    public void Sparsemax_ProjectsRowsOntoTheSimplexWithExactZeros()
    {
        // Row 0: τ = (2 + 1.5 − 1)/2 = 1.25 → (0.75, 0.25, 0); row 1: equal entries share the mass; row 2: one dominant entry.
        var x = Tensor.FromArray([2f, 1.5f, 0.1f, 0.3f, 0.3f, 0.3f, 5f, 0f, -1f], 3, 3);

        var result = x.Sparsemax().ToArray();

        result.Should().Equal([0.75f, 0.25f, 0f, 1f / 3, 1f / 3, 1f / 3, 1f, 0f, 0f], (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void Sparsemax_Gradient_MatchesFiniteDifferencesAwayFromSupportChanges()
    {
        var x = Tensor.FromArray([0.9f, 0.4f, -0.6f, 0.1f, 0.2f, 0.25f, -0.3f, 0.05f], 2, 4);

        GradientChecker.Check(t => t[0].Sparsemax() * Tensor.FromArray([1f, -2f, 3f, 0.5f, 2f, 1f, -1f, 4f], 2, 4), [x.Clone()], step: 1e-3f);
    }
}
