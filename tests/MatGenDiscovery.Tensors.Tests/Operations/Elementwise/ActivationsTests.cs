using MatGenDiscovery.Tensors.Operations.Elementwise;

namespace MatGenDiscovery.Tensors.Tests.Operations.Elementwise;

public class ActivationsTests
{
    public static TheoryData<string> Names => ["Relu", "LeakyRelu", "Sigmoid", "Tanh", "Softplus"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Activation_MatchesScalarReference(string name)
    {
        var x = GradientChecker.AwayFromZero(new Random(1), 0.01f, 30f, 100);
        var (function, reference) = Resolve(name);

        var result = function(x).ToArray();

        for (var i = 0; i < x.Length; i++)
        {
            var expected = reference(x.AsReadOnlySpan()[i]);
            result[i].Should().BeApproximately(expected, 2e-6f * (1 + Math.Abs(expected)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Activation_GradientAndSecondOrder_MatchFiniteDifferences(string name)
    {
        var (function, _) = Resolve(name);
        var x = GradientChecker.AwayFromZero(new Random(2), 0.1f, 2f, 3, 4);

        GradientChecker.Check(t => function(t[0]), [x.Clone()], step: 1e-3f);
        GradientChecker.CheckSecondOrder(t => function(t[0]), [x.Clone()], step: 1e-3f);
    }

    [Fact]
    public void LeakyRelu_SecondOrderThroughProduct_MatchesFiniteDifferences()
    {
        var random = new Random(3);
        Tensor[] inputs = [GradientChecker.AwayFromZero(random, 0.1f, 2f, 4), Tensor.Uniform(random, 0.5f, 1.5f, 4)];

        GradientChecker.CheckSecondOrder(t => (t[0] * t[1]).LeakyRelu(0.2f) * t[1], inputs, step: 1e-3f);
    }

    [Fact]
    public void LeakyRelu_LargeTensorParallelPath_MatchesScalarReferenceForValuesAndGradient()
    {
        var x = Tensor.Randn(new Random(4), 200, 500);
        x.RequiresGrad = true;
        var seed = Tensor.Randn(new Random(5), 200, 500);

        var y = x.LeakyRelu(0.2f);
        y.Backward(seed);

        for (var i = 0; i < x.Length; i++)
        {
            var v = x.AsReadOnlySpan()[i];
            y.AsReadOnlySpan()[i].Should().Be(v > 0 ? v : 0.2f * v);
            x.Grad!.AsReadOnlySpan()[i].Should().Be(v > 0 ? seed.AsReadOnlySpan()[i] : 0.2f * seed.AsReadOnlySpan()[i]);
        }
    }

    [Fact]
    public void Softplus_ExtremeLogits_StaysFinite()
    {
        var result = Tensor.FromArray([-200f, 200f], 2).Softplus().ToArray();

        result[0].Should().BeApproximately(0f, 1e-30f);
        result[1].Should().Be(200f);
    }

    private static (Func<Tensor, Tensor> Function, Func<float, float> Reference) Resolve(string name) => name switch
    {
        "Relu" => (x => x.Relu(), v => MathF.Max(v, 0f)),
        "LeakyRelu" => (x => x.LeakyRelu(0.2f), v => v > 0 ? v : 0.2f * v),
        "Sigmoid" => (x => x.Sigmoid(), v => 1f / (1f + MathF.Exp(-v))),
        "Tanh" => (x => x.Tanh(), MathF.Tanh),
        _ => (x => x.Softplus(), v => (float)Math.Log(1 + Math.Exp(v))),
    };
}
