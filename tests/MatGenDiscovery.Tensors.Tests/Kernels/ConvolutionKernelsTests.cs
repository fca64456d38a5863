using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Tensors.Tests.Kernels;

public class ConvolutionKernelsTests
{
    public static TheoryData<ConvolutionGeometry> RandomGeometries()
    {
        var random = new Random(2024);
        var data = new TheoryData<ConvolutionGeometry>
        {
            new(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1),
            new(2, 2, 5, 4, 3, 3, 2, 2, 1, 2, 0, 4, 4), // asymmetric padding given explicitly
            new(3, 2, 6, 6, 2, 2, 2, 2, 2, 0, 0, 3, 3),
        };
        for (int trial = 0; trial < 12; trial++)
        {
            int kh = random.Next(1, 6), kw = random.Next(1, 6);
            int sh = random.Next(1, 4), sw = random.Next(1, 4);
            data.Add(ConvolutionGeometry.Same(
                random.Next(1, 4), random.Next(1, 5), random.Next(1, 12), random.Next(1, 12), random.Next(1, 6), kh, kw, sh, sw));
        }

        return data;
    }

    public static TheoryData<string> MatGanShapeNames()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in MatGanShapes.All(1))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Geometries that reach each branch of the narrow (8-pixel-row) im2col paths.</summary>
    public static TheoryData<ConvolutionGeometry> NarrowGeometries() => new()
    {
        ConvolutionGeometry.Same(2, 3, 9, 8, 4, 5, 5, 1, 1), // full 8-wide rows, unit stride
        ConvolutionGeometry.Same(2, 3, 9, 8, 4, 5, 5, 2, 2), // full rows, 4 output pixels per row
        ConvolutionGeometry.Same(2, 2, 7, 8, 3, 3, 3, 3, 3), // full rows in, 3 output pixels per row
        ConvolutionGeometry.Same(2, 2, 7, 7, 3, 3, 3, 2, 2), // 7-wide rows, 4 output pixels: gather
        new(2, 2, 5, 10, 3, 3, 3, 1, 1, 1, 0, 5, 8), // 10-wide rows, 8 output pixels: masked load
        new(2, 2, 4, 8, 2, 1, 3, 1, 1, 0, 0, 4, 6), // 8-wide rows, 6 output pixels: masked fold
        new(1, 1, 3, 8, 1, 1, 1, 1, 1, 0, 2, 3, 8), // padding wider than the kernel
    };

    [Theory]
    [MemberData(nameof(NarrowGeometries))]
    public void AllKernels_NarrowGeometries_MatchDirectConvolution(ConvolutionGeometry g) => AssertMatchesReference(g, seed: g.GetHashCode());

    [Theory]
    [MemberData(nameof(RandomGeometries))]
    public void AllKernels_RandomGeometries_MatchDirectConvolution(ConvolutionGeometry g) => AssertMatchesReference(g, seed: g.GetHashCode());

    [Theory]
    [MemberData(nameof(MatGanShapeNames))]
    public void AllKernels_MatGanShapes_MatchDirectConvolution(string name)
    {
        ConvolutionGeometry g = MatGanShapes.All(2).Single(shape => shape.Name == name).Geometry;

        AssertMatchesReference(g, seed: name.Length);
    }

    [Theory]
    [MemberData(nameof(MatGanShapeNames))]
    public void AllKernels_MatGanShapesSingleImage_MatchDirectConvolution(string name)
    {
        ConvolutionGeometry g = MatGanShapes.All(1).Single(shape => shape.Name == name).Geometry;

        AssertMatchesReference(g, seed: name.Length + 1);
    }

    [Theory]
    [MemberData(nameof(MatGanShapeNames))]
    public void BackwardKernels_MatGanShapesLargeBatch_SatisfyAdjointIdentities(string name)
    {
        ConvolutionGeometry g = MatGanShapes.All(8).Single(shape => shape.Name == name).Geometry;
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0xffff);
        float[] x = TestData.Uniform(random, g.InputLength);
        float[] w = TestData.Uniform(random, g.WeightLength);
        float[] y = TestData.Uniform(random, g.OutputLength);
        float[] forward = new float[g.OutputLength];
        float[] gradInput = new float[g.InputLength];
        float[] gradWeight = new float[g.WeightLength];

        ConvolutionKernels.Forward(x, w, forward, g);
        ConvolutionKernels.BackwardInput(y, w, gradInput, g);
        ConvolutionKernels.BackwardWeight(x, y, gradWeight, g);

        double lhs = TestData.Dot(forward, y);
        double scale = 1e-4 * Math.Sqrt((double)g.OutputLength * g.PatchLength);
        TestData.Dot(x, gradInput).Should().BeApproximately(lhs, scale, "⟨conv(x, W), y⟩ = ⟨x, convᵀ(y, W)⟩");
        TestData.Dot(w, gradWeight).Should().BeApproximately(lhs, scale, "⟨conv(x, W), y⟩ = ⟨W, ∂W⟩");
    }

    [Fact]
    public void BackwardKernels_DestinationsHoldGarbage_AreOverwritten()
    {
        ConvolutionGeometry g = ConvolutionGeometry.Same(4, 3, 9, 7, 5, 3, 3, 2, 1);
        var random = new Random(3);
        float[] x = TestData.Uniform(random, g.InputLength);
        float[] w = TestData.Uniform(random, g.WeightLength);
        float[] y = TestData.Uniform(random, g.OutputLength);
        float[] output = Enumerable.Repeat(float.NaN, g.OutputLength).ToArray();
        float[] gradInput = Enumerable.Repeat(float.NaN, g.InputLength).ToArray();
        float[] gradWeight = Enumerable.Repeat(float.NaN, g.WeightLength).ToArray();

        ConvolutionKernels.Forward(x, w, output, g);
        ConvolutionKernels.BackwardInput(y, w, gradInput, g);
        ConvolutionKernels.BackwardWeight(x, y, gradWeight, g);

        output.Concat(gradInput).Concat(gradWeight).Should().OnlyContain(value => float.IsFinite(value));
    }

    [Fact]
    public void Forward_WrongOutputLength_Throws()
    {
        ConvolutionGeometry g = ConvolutionGeometry.Same(1, 1, 4, 4, 1, 3, 3, 1, 1);

        var act = () => ConvolutionKernels.Forward(new float[16], new float[9], new float[15], g);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("output");
    }

    [Fact]
    public void BackwardWeight_InvalidGeometry_Throws()
    {
        var g = new ConvolutionGeometry(1, 1, 4, 4, 1, 3, 3, 0, 1, 0, 0, 2, 2);

        var act = () => ConvolutionKernels.BackwardWeight(new float[16], new float[4], new float[9], g);

        act.Should().Throw<ArgumentException>().WithMessage("*strides must be positive*");
    }

    private static void AssertMatchesReference(ConvolutionGeometry g, int seed)
    {
        var random = new Random(seed);
        float[] x = TestData.Uniform(random, g.InputLength);
        float[] w = TestData.Uniform(random, g.WeightLength);
        float[] y = TestData.Uniform(random, g.OutputLength);
        float[] output = new float[g.OutputLength];
        float[] gradInput = new float[g.InputLength];
        float[] gradWeight = new float[g.WeightLength];

        ConvolutionKernels.Forward(x, w, output, g);
        ConvolutionKernels.BackwardInput(y, w, gradInput, g);
        ConvolutionKernels.BackwardWeight(x, y, gradWeight, g);

        AssertClose(output, ReferenceConvolution.Forward(x, w, g), $"Forward {g}");
        AssertClose(gradInput, ReferenceConvolution.BackwardInput(y, w, g), $"BackwardInput {g}");
        AssertClose(gradWeight, ReferenceConvolution.BackwardWeight(x, y, g), $"BackwardWeight {g}");
    }

    private static void AssertClose(float[] actual, float[] expected, string because)
    {
        actual.Should().HaveSameCount(expected);
        for (int i = 0; i < actual.Length; i++)
        {
            float tolerance = 2e-4f * Math.Max(1f, Math.Abs(expected[i]));
            if (Math.Abs(actual[i] - expected[i]) > tolerance)
            {
                actual[i].Should().BeApproximately(expected[i], tolerance, "element {0} of {1}", i, because);
            }
        }
    }
}
