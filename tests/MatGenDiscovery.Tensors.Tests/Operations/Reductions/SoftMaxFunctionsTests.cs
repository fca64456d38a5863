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
}
