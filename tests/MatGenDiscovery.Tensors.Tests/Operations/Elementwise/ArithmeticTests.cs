using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests.Operations.Elementwise;

public class ArithmeticTests
{
    public static TheoryData<int[], int[]> BroadcastShapes => new()
    {
        { [2, 3], [2, 3] },
        { [2, 3], [3] },
        { [3], [2, 3] },
        { [2, 3], [2, 1] },
        { [2, 1], [1, 3] },
        { [2, 3, 2, 2], [1, 3, 1, 1] },
        { [1, 3, 1, 1], [2, 3, 2, 2] },
        { [2, 3, 4], [3, 1] },
        { [2, 3], [] },
        { [], [2, 3] },
        { [2, 1, 4], [1, 3, 1] },
    };

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void BinaryOperations_Broadcast_MatchScalarReference(int[] shapeA, int[] shapeB)
    {
        var random = new Random(1);
        var a = Tensor.Uniform(random, 0.5f, 2f, shapeA);
        var b = Tensor.Uniform(random, 0.5f, 2f, shapeB);

        Check(a + b, a, b, (x, y) => x + y);
        Check(a - b, a, b, (x, y) => x - y);
        Check(a * b, a, b, (x, y) => x * y);
        Check(a / b, a, b, (x, y) => x / y);
    }

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void BinaryOperations_Broadcast_GradientsMatchFiniteDifferences(int[] shapeA, int[] shapeB)
    {
        var random = new Random(2);
        Tensor[] inputs = [Tensor.Uniform(random, 0.5f, 2f, shapeA), Tensor.Uniform(random, 0.5f, 2f, shapeB)];

        GradientChecker.Check(x => x[0] + x[1], inputs);
        GradientChecker.Check(x => x[0] - x[1], inputs);
        GradientChecker.Check(x => x[0] * x[1], inputs);
        GradientChecker.Check(x => x[0] / x[1], inputs);
    }

    [Fact]
    public void MultiplyAndDivide_SecondOrder_MatchFiniteDifferences()
    {
        var random = new Random(3);
        Tensor[] inputs = [Tensor.Uniform(random, 0.5f, 2f, 2, 3), Tensor.Uniform(random, 0.5f, 2f, 3)];

        GradientChecker.CheckSecondOrder(x => x[0] * x[1] * x[1], inputs);
        GradientChecker.CheckSecondOrder(x => x[0] / x[1], inputs);
    }

    [Theory]
    [InlineData(new[] { 16, 8, 5, 3 }, new[] { 1, 8, 1, 1 })]
    [InlineData(new[] { 64, 300 }, new[] { 300 })]
    [InlineData(new[] { 4, 6, 7 }, new[] { 6, 1 })]
    [InlineData(new[] { 5, 9 }, new int[0])]
    public void Multiply_BroadcastOperandGradient_DirectSumsMatchRecordedProductSum(int[] shapeFull, int[] shapeSmall)
    {
        var random = new Random(11);
        var full = Tensor.Uniform(random, -1f, 1f, shapeFull);
        var small = Tensor.Uniform(random, -1f, 1f, shapeSmall);
        var weights = Tensor.Uniform(random, -1f, 1f, shapeFull);
        full.RequiresGrad = true;
        small.RequiresGrad = true;
        var loss = (full * small * weights).Sum();

        var direct = Autograd.Grad(loss, [full, small]);
        var recorded = Autograd.Grad(loss, [full, small], createGraph: true);

        direct[1].Shape.Should().Equal(shapeSmall);
        direct[1].ToArray().Should().Equal(recorded[1].ToArray(), (x, y) => Math.Abs(x - y) <= 1e-4f * (1f + Math.Abs(y)));
        direct[0].ToArray().Should().Equal(recorded[0].ToArray());
        var expected = (full.Detach() * weights).SumToShape(shapeSmall).ToArray();
        direct[1].ToArray().Should().Equal(expected, (x, y) => Math.Abs(x - y) <= 1e-4f * (1f + Math.Abs(y)));
    }

    [Fact]
    public void ScalarOperations_ValuesAndGradients()
    {
        var x = Tensor.FromArray([1f, 2f, 4f], 3);

        (x + 1f).ToArray().Should().Equal(2f, 3f, 5f);
        (3f - x).ToArray().Should().Equal(2f, 1f, -1f);
        (x * 2f).ToArray().Should().Equal(2f, 4f, 8f);
        (x / 2f).ToArray().Should().Equal(0.5f, 1f, 2f);
        (4f / x).ToArray().Should().Equal(4f, 2f, 1f);
        (-x).ToArray().Should().Equal(-1f, -2f, -4f);
        GradientChecker.Check(t => 3f - t[0] * 2f + 1f, [x.Clone()]);
        GradientChecker.Check(t => 4f / t[0], [x.Clone()]);
    }

    [Fact]
    public void Add_MismatchedShapes_ThrowsNamingBothShapes()
    {
        var act = () => Tensor.Zeros(2, 3) + Tensor.Zeros(4);

        act.Should().Throw<ArgumentException>().WithMessage("*[2, 3]*[4]*");
    }

    [Fact]
    public void Multiply_LargeTensors_MatchesScalarReference()
    {
        var random = new Random(4);
        var a = Tensor.Randn(random, 300, 400);
        var b = Tensor.Randn(random, 300, 400);

        Check(a * b, a, b, (x, y) => x * y);
    }

    private static void Check(Tensor result, Tensor a, Tensor b, Func<float, float, float> reference)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        result.Rank.Should().Be(rank);
        var index = new int[rank];
        for (var flat = 0; flat < result.Length; flat++)
        {
            var remainder = flat;
            for (var axis = rank - 1; axis >= 0; axis--)
            {
                index[axis] = remainder % result.Shape[axis];
                remainder /= result.Shape[axis];
            }

            var expected = reference(Element(a, index), Element(b, index));
            result.AsReadOnlySpan()[flat].Should().BeApproximately(expected, 1e-5f * (1 + Math.Abs(expected)));
        }
    }

    private static float Element(Tensor x, int[] broadcastIndex)
    {
        var offset = broadcastIndex.Length - x.Rank;
        var flat = 0;
        for (var axis = 0; axis < x.Rank; axis++)
        {
            var size = x.Shape[axis];
            flat = flat * size + (size == 1 ? 0 : broadcastIndex[axis + offset]);
        }

        return x.AsReadOnlySpan()[flat];
    }
}
