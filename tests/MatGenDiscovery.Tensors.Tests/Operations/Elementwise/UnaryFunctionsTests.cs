using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;

namespace MatGenDiscovery.Tensors.Tests.Operations.Elementwise;

public class UnaryFunctionsTests
{
    public static TheoryData<string> Functions => ["Exp", "Log", "Sqrt", "Square", "Pow", "Abs", "Clamp", "Reciprocal"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_MatchesMathF(string name)
    {
        var x = Tensor.Uniform(new Random(1), 0.2f, 3f, 40);
        var (function, reference) = Resolve(name);

        var result = function(x).ToArray();

        for (var i = 0; i < x.Length; i++)
        {
            var expected = reference(x.AsReadOnlySpan()[i]);
            result[i].Should().BeApproximately(expected, 1e-5f * (1 + Math.Abs(expected)));
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_GradientAndSecondOrder_MatchFiniteDifferences(string name)
    {
        var (function, _) = Resolve(name);
        var sign = name is "Abs" ? -1f : 1f;
        var x = Tensor.Uniform(new Random(2), 0.3f, 2f, 2, 3) * sign;

        GradientChecker.Check(t => function(t[0]), [x.Detach()], step: 1e-3f);
        GradientChecker.CheckSecondOrder(t => function(t[0]), [x.Detach()], step: 1e-3f);
    }

    [Fact]
    public void Clamp_MinAboveMax_Throws()
    {
        var act = () => Tensor.Zeros(1).Clamp(2f, 1f);

        act.Should().Throw<ArgumentException>().WithMessage("*min=2*max=1*");
    }

    [Fact]
    public void Clamp_OutsideRange_BlocksGradient()
    {
        var x = Tensor.FromArray([-2f, 0.5f, 3f], 3);
        x.RequiresGrad = true;

        x.Clamp(0f, 1f).Sum().Backward();

        x.Grad!.ToArray().Should().Equal(0f, 1f, 0f);
    }

    private static (Func<Tensor, Tensor> Function, Func<float, float> Reference) Resolve(string name) => name switch
    {
        "Exp" => (x => x.Exp(), MathF.Exp),
        "Log" => (x => x.Log(), MathF.Log),
        "Sqrt" => (x => x.Sqrt(), MathF.Sqrt),
        "Square" => (x => x.Square(), v => v * v),
        "Pow" => (x => x.Pow(1.7f), v => MathF.Pow(v, 1.7f)),
        "Abs" => (x => x.Abs(), MathF.Abs),
        "Clamp" => (x => x.Clamp(0.25f, 1.5f), v => Math.Clamp(v, 0.25f, 1.5f)),
        _ => (x => x.Reciprocal(2f), v => 2f / v),
    };
}
