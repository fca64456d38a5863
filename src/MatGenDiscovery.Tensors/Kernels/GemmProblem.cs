namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// Pinned operands of C[M×N] = Alpha·op(A)·op(B) + Beta·C (row-major). Slicing keeps the
/// transposition flags, so a slice is again a complete problem. When <see cref="PackedA"/> is set, op(A) was
/// already packed by <see cref="Gemm.PackA"/> for the whole problem and A itself is not read.
/// </summary>
internal readonly unsafe struct GemmProblem(
    bool transposeA, bool transposeB, int m, int n, int k,
    float* a, int lda, float* b, int ldb, float* c, int ldc, float alpha, float beta, float* packedA = null)
{
    public bool TransposeA { get; } = transposeA;

    public bool TransposeB { get; } = transposeB;

    public int M { get; } = m;

    public int N { get; } = n;

    public int K { get; } = k;

    public float* A { get; } = a;

    public int Lda { get; } = lda;

    public float* B { get; } = b;

    public int Ldb { get; } = ldb;

    public float* C { get; } = c;

    public int Ldc { get; } = ldc;

    public float Alpha { get; } = alpha;

    public float Beta { get; } = beta;

    public float* PackedA { get; } = packedA;

    public double Flops => 2.0 * M * N * K;

    /// <summary>Rows [start, start + count) of op(A) and C; not available once A is packed.</summary>
    public GemmProblem SliceRows(int start, int count) => PackedA != null
        ? throw new InvalidOperationException("A pre-packed A cannot be split by rows.")
        : new(
        TransposeA, TransposeB, count, N, K,
        TransposeA ? A + start : A + (nint)start * Lda, Lda, B, Ldb,
        C + (nint)start * Ldc, Ldc, Alpha, Beta);

    /// <summary>Columns [start, start + count) of op(B) and C.</summary>
    public GemmProblem SliceColumns(int start, int count) => new(
        TransposeA, TransposeB, M, count, K, A, Lda,
        TransposeB ? B + (nint)start * Ldb : B + start, Ldb,
        C + start, Ldc, Alpha, Beta, PackedA);
}
