using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Tensors.Tests.Kernels;

public unsafe class GemmTests
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 7, 15, 16, 17, 31, 33, 64, 65, 100, 129];

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int s in Sizes)
        {
            data.Add(s, s, s);
            data.Add(s, 17, 33);
            data.Add(33, s, 7);
            data.Add(7, 31, s);
        }

        return data;
    }

    public static TheoryData<int, int, int> BlockingShapes() => new()
    {
        { 300, 20, 10 },   // several row blocks (Mc)
        { 20, 40, 600 },   // several depth blocks (Kc), beta applied only once
        { 13, 2100, 5 },   // several column blocks (Nc)
        { 200, 200, 200 }, // parallel, split by columns
        { 400, 40, 200 },  // parallel, split by rows
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_AllTransposeCombinations_MatchesTripleLoop(int m, int n, int k)
    {
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                AssertMatchesReference(transposeA, transposeB, m, n, k, alpha: 1f, beta: 0f, padding: 0, seed: m * 7919 + n * 31 + k);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BlockingShapes))]
    public void Multiply_ShapesSpanningSeveralBlocks_MatchesTripleLoop(int m, int n, int k)
    {
        AssertMatchesReference(false, false, m, n, k, alpha: 1f, beta: 0f, padding: 0, seed: 1);
        AssertMatchesReference(true, true, m, n, k, alpha: -0.5f, beta: 0.25f, padding: 3, seed: 2);
    }

    [Theory]
    [InlineData(1.5f, 0.5f)]
    [InlineData(-2f, 1f)]
    [InlineData(1f, -3f)]
    [InlineData(0f, 2f)]
    public void Multiply_AlphaBeta_ScalesProductAndOldC(float alpha, float beta)
    {
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                AssertMatchesReference(transposeA, transposeB, 37, 45, 29, alpha, beta, padding: 0, seed: 5);
                AssertMatchesReference(transposeA, transposeB, 3, 70, 300, alpha, beta, padding: 0, seed: 6);
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Multiply_LeadingDimensionsWiderThanRows_LeavesGapsUntouchedAndMatches(bool transposeA, bool transposeB)
    {
        AssertMatchesReference(transposeA, transposeB, 19, 35, 23, alpha: 0.75f, beta: 0.5f, padding: 5, seed: 9);
    }

    [Theory]
    [InlineData(29, 41, 13)]
    [InlineData(64, 128, 512)]
    public void Multiply_BetaZeroWithNaNFilledC_IgnoresOldContents(int m, int n, int k)
    {
        var random = new Random(11);
        float[] a = TestData.Uniform(random, m * k);
        float[] b = TestData.Uniform(random, k * n);
        float[] c = Enumerable.Repeat(float.NaN, m * n).ToArray();
        (double[] expected, double[] magnitude) = ReferenceGemm.Multiply(false, false, m, n, k, a, k, b, n, new float[m * n], n, 1f, 0f);

        Gemm.Multiply(false, false, m, n, k, a, k, b, n, c, n, alpha: 1f, beta: 0f);

        c.Should().OnlyContain(value => float.IsFinite(value));
        AssertClose(c, expected, magnitude, "beta = 0 over NaN");
    }

    [Fact]
    public void Multiply_ZeroDepthWithBetaZero_ClearsC()
    {
        float[] c = [float.NaN, 3f, 4f, 5f];

        Gemm.Multiply(false, false, 2, 2, 0, [], 1, [], 2, c, 2, alpha: 1f, beta: 0f);

        c.Should().Equal(0f, 0f, 0f, 0f);
    }

    [Fact]
    public void Multiply_TooShortDestination_Throws()
    {
        var act = () => Gemm.Multiply(false, false, 4, 4, 4, new float[16], 4, new float[16], 4, new float[15], 4);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("c");
    }

    [Fact]
    public void Multiply_TooShortTransposedInput_Throws()
    {
        var act = () => Gemm.Multiply(true, false, 3, 4, 5, new float[14], 3, new float[20], 4, new float[12], 4);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("a");
    }

    [Fact]
    public void Multiply_LeadingDimensionSmallerThanWidth_Throws()
    {
        var act = () => Gemm.Multiply(false, true, 4, 4, 4, new float[16], 4, new float[16], 3, new float[16], 4);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ldb");
    }

    [Fact]
    public void Multiply_NegativeDimension_Throws()
    {
        var act = () => Gemm.Multiply(false, false, -1, 4, 4, new float[16], 4, new float[16], 4, new float[16], 4);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("m");
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(7, 17, 31)]
    [InlineData(65, 33, 129)]
    [InlineData(150, 70, 300)]
    public void Execute_Avx2AndScalarMicroKernels_MatchTripleLoop(int m, int n, int k)
    {
        if (Avx2MicroKernel.IsSupported)
        {
            AssertKernelMatches<Avx2MicroKernel>(m, n, k);
        }

        AssertKernelMatches<ScalarMicroKernel>(m, n, k);
    }

    [Theory]
    [InlineData(false, 13, 40, 9)]
    [InlineData(true, 37, 70, 600)]
    [InlineData(false, 130, 300, 300)]
    public void Execute_PrepackedA_MatchesTripleLoop(bool transposeA, int m, int n, int k)
    {
        var random = new Random(m * n + k);
        int lda = transposeA ? m : k;
        float[] a = TestData.Uniform(random, m * k);
        float[] b = TestData.Uniform(random, k * n);
        float[] c = TestData.Uniform(random, m * n);
        float[] packed = new float[Gemm.PackedALength(m, k)];
        (double[] expected, double[] magnitude) = ReferenceGemm.Multiply(transposeA, false, m, n, k, a, lda, b, n, c, n, 1.5f, 0.5f);
        fixed (float* pa = a, pb = b, pc = c, pp = packed)
        {
            Gemm.PackA(new GemmProblem(transposeA, false, m, 0, k, pa, lda, null, 1, null, 1, 1f, 0f), pp);
            a.AsSpan().Fill(float.NaN);
            Gemm.Execute(new GemmProblem(transposeA, false, m, n, k, null, lda, pb, n, pc, n, 1.5f, 0.5f, pp), allowParallel: true);
        }

        AssertClose(c, expected, magnitude, $"prepacked tA={transposeA} m={m} n={n} k={k}");
    }

    private static void AssertKernelMatches<TKernel>(int m, int n, int k)
        where TKernel : struct, IGemmMicroKernel
    {
        var random = new Random(m + 100 * n + 10000 * k);
        float[] a = TestData.Uniform(random, m * k);
        float[] b = TestData.Uniform(random, k * n);
        float[] c = TestData.Uniform(random, m * n);
        (double[] expected, double[] magnitude) = ReferenceGemm.Multiply(true, false, m, n, k, a, m, b, n, c, n, 0.5f, 2f);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Gemm.Execute<TKernel>(new GemmProblem(true, false, m, n, k, pa, Math.Max(m, 1), pb, Math.Max(n, 1), pc, Math.Max(n, 1), 0.5f, 2f), allowParallel: true);
        }

        AssertClose(c, expected, magnitude, typeof(TKernel).Name);
    }

    private static void AssertMatchesReference(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float beta, int padding, int seed)
    {
        var random = new Random(seed);
        (int aRows, int aColumns) = transposeA ? (k, m) : (m, k);
        (int bRows, int bColumns) = transposeB ? (n, k) : (k, n);
        int lda = aColumns + padding, ldb = bColumns + padding, ldc = n + padding;
        lda = Math.Max(lda, 1);
        ldb = Math.Max(ldb, 1);
        ldc = Math.Max(ldc, 1);
        float[] a = TestData.Uniform(random, aRows * lda);
        float[] b = TestData.Uniform(random, bRows * ldb);
        float[] c = TestData.Uniform(random, m * ldc);
        float[] original = (float[])c.Clone();
        (double[] expected, double[] magnitude) = ReferenceGemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, alpha, beta);

        Gemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, alpha, beta);

        string because = $"tA={transposeA} tB={transposeB} m={m} n={n} k={k} alpha={alpha} beta={beta} pad={padding}";
        AssertClose(c, expected, magnitude, because);
        for (int i = 0; i < m; i++)
        {
            for (int j = n; j < ldc; j++)
            {
                c[i * ldc + j].Should().Be(original[i * ldc + j], "the gap beyond n columns must stay untouched ({0})", because);
            }
        }
    }

    private static void AssertClose(float[] actual, double[] expected, double[] magnitude, string because)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            double tolerance = 1e-5 * magnitude[i] + 1e-6;
            if (Math.Abs(actual[i] - expected[i]) > tolerance)
            {
                actual[i].Should().BeApproximately((float)expected[i], (float)tolerance, "element {0} ({1})", i, because);
            }
        }
    }
}
