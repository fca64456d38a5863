using System.Runtime.Intrinsics.X86;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>Single-precision general matrix multiply on row-major storage.</summary>
public static unsafe class Gemm
{
    /// <summary>Below this many floating-point operations the thread hand-off costs more than it saves.</summary>
    private const double ParallelFlopThreshold = 3e6;

    /// <summary>
    /// C[m×n] = alpha·op(A)·op(B) + beta·C, row-major, where op(A) is m×k and op(B) is k×n.
    /// A is stored m×k (lda ≥ k), or k×m (lda ≥ m) when <paramref name="transposeA"/>;
    /// B is stored k×n (ldb ≥ n), or n×k (ldb ≥ k) when <paramref name="transposeB"/>; ldc ≥ n.
    /// When beta is 0 the old contents of C are ignored (NaNs included); when alpha is 0 A and B are not read.
    /// Large products run on all cores.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="ArgumentException">A leading dimension is smaller than its row width, or a span is too short.</exception>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, float alpha = 1f, float beta = 0f)
    {
        Validate(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Execute(new GemmProblem(transposeA, transposeB, m, n, k, pa, lda, pb, ldb, pc, ldc, alpha, beta), allowParallel: true);
        }
    }

    /// <summary>Runs a validated problem with the best micro-kernel for this CPU.</summary>
    internal static void Execute(in GemmProblem problem, bool allowParallel)
    {
        if (Avx512F.IsSupported)
        {
            Execute<Avx512MicroKernel>(problem, allowParallel);
        }
        else if (Fma.IsSupported)
        {
            Execute<Avx2MicroKernel>(problem, allowParallel);
        }
        else
        {
            Execute<ScalarMicroKernel>(problem, allowParallel);
        }
    }

    /// <summary>Floats <see cref="PackA"/> writes for an m×k op(A).</summary>
    internal static long PackedALength(int m, int k) =>
        Avx512F.IsSupported ? GemmDriver<Avx512MicroKernel>.PackedALength(m, k)
        : Fma.IsSupported ? GemmDriver<Avx2MicroKernel>.PackedALength(m, k)
        : GemmDriver<ScalarMicroKernel>.PackedALength(m, k);

    /// <summary>
    /// Packs op(A) once for several products that share it (a convolution's weight across images); pass the result
    /// as <see cref="GemmProblem.PackedA"/> to <see cref="Execute(in GemmProblem, bool)"/>.
    /// </summary>
    internal static void PackA(in GemmProblem problem, float* destination)
    {
        if (Avx512F.IsSupported)
        {
            GemmDriver<Avx512MicroKernel>.PackA(problem, destination);
        }
        else if (Fma.IsSupported)
        {
            GemmDriver<Avx2MicroKernel>.PackA(problem, destination);
        }
        else
        {
            GemmDriver<ScalarMicroKernel>.PackA(problem, destination);
        }
    }

    internal static void Execute<TKernel>(in GemmProblem problem, bool allowParallel)
        where TKernel : struct, IGemmMicroKernel
    {
        if (problem.M == 0 || problem.N == 0)
        {
            return;
        }

        if (problem.K == 0 || problem.Alpha == 0f)
        {
            ScaleC(problem);
            return;
        }

        int threads = Environment.ProcessorCount;
        if (!allowParallel || threads == 1 || problem.Flops < ParallelFlopThreshold)
        {
            GemmDriver<TKernel>.Run(problem);
            return;
        }

        RunParallel<TKernel>(problem, threads);
    }

    /// <summary>
    /// Splits the larger of M and N so that the duplicated packing (each thread packs all of the other operand) is the smaller one.
    /// </summary>
    private static void RunParallel<TKernel>(GemmProblem problem, int threads)
        where TKernel : struct, IGemmMicroKernel
    {
        bool splitColumns = problem.N >= problem.M || problem.PackedA != null;
        int extent = splitColumns ? problem.N : problem.M;
        int granule = splitColumns ? TKernel.Nr : TKernel.Mr;
        int chunk = (extent + threads - 1) / threads;
        chunk = (chunk + granule - 1) / granule * granule;
        int parts = (extent + chunk - 1) / chunk;
        if (parts < 2)
        {
            GemmDriver<TKernel>.Run(problem);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            int start = part * chunk;
            int count = Math.Min(chunk, extent - start);
            GemmProblem slice = splitColumns ? problem.SliceColumns(start, count) : problem.SliceRows(start, count);
            GemmDriver<TKernel>.Run(slice);
        });
    }

    private static void ScaleC(in GemmProblem problem)
    {
        for (int i = 0; i < problem.M; i++)
        {
            Span<float> row = new(problem.C + (nint)i * problem.Ldc, problem.N);
            if (problem.Beta == 0f)
            {
                row.Clear();
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, problem.Beta, row);
            }
        }
    }

    internal static void Validate(
        bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        (int aRows, int aColumns) = transposeA ? (k, m) : (m, k);
        (int bRows, int bColumns) = transposeB ? (n, k) : (k, n);
        ValidateOperand("a", "lda", aRows, aColumns, aLength, lda);
        ValidateOperand("b", "ldb", bRows, bColumns, bLength, ldb);
        ValidateOperand("c", "ldc", m, n, cLength, ldc);
    }

    private static void ValidateOperand(string name, string strideName, int rows, int columns, int length, int stride)
    {
        if (stride < Math.Max(columns, 1))
        {
            throw new ArgumentException(
                $"Leading dimension {strideName} = {stride} is smaller than the {columns} columns of the stored {rows}×{columns} matrix '{name}' (and must be at least 1).",
                strideName);
        }

        long required = rows == 0 || columns == 0 ? 0 : (long)(rows - 1) * stride + columns;
        if (length < required)
        {
            throw new ArgumentException(
                $"Span '{name}' has {length} elements but a {rows}×{columns} matrix with leading dimension {stride} needs {required}.",
                name);
        }
    }
}
