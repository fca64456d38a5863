namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// Single-threaded, cache-blocked GEMM in the BLIS loop order: columns of B in blocks of Nc,
/// depth in blocks of Kc (B block packed into L3/L2), rows of A in blocks of Mc (A block packed into L2),
/// then Nr×Mr micro-tiles whose B micro-panel stays in L1.
/// </summary>
internal static unsafe class GemmDriver<TKernel>
    where TKernel : struct, IGemmMicroKernel
{
    /// <summary>Requires M, N, K &gt; 0 and Alpha != 0 (the caller handles the degenerate cases).</summary>
    public static void Run(in GemmProblem problem)
    {
        int mr = TKernel.Mr;
        int nr = TKernel.Nr;
        int kcMax = Math.Min(TKernel.Kc, problem.K);
        int mcMax = Math.Min(TKernel.Mc, RoundUp(problem.M, mr));
        int ncMax = Math.Min(TKernel.Nc, RoundUp(problem.N, nr));
        bool prepacked = problem.PackedA != null;
        float* packedA = prepacked ? null : KernelWorkspace.Get(WorkspaceSlot.PackedA, (long)mcMax * kcMax);
        nint paddedM = RoundUp(problem.M, mr);
        float* packedB = KernelWorkspace.Get(WorkspaceSlot.PackedB, (long)ncMax * kcMax);
        float* edgeTile = stackalloc float[mr * nr];

        for (int jc = 0; jc < problem.N; jc += ncMax)
        {
            int nc = Math.Min(ncMax, problem.N - jc);
            for (int pc = 0; pc < problem.K; pc += kcMax)
            {
                int kc = Math.Min(kcMax, problem.K - pc);
                float beta = pc == 0 ? problem.Beta : 1f;
                GemmPacking.PackB(problem, pc, kc, jc, nc, nr, packedB);
                for (int ic = 0; ic < problem.M; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, problem.M - ic);
                    float* blockA = prepacked ? problem.PackedA + pc * paddedM + (nint)ic * kc : packedA;
                    if (!prepacked)
                    {
                        GemmPacking.PackA(problem, ic, mc, pc, kc, mr, packedA);
                    }

                    float* c = problem.C + (nint)ic * problem.Ldc + jc;
                    RunMacroTile(mc, nc, kc, blockA, packedB, c, problem.Ldc, problem.Alpha, beta, edgeTile);
                }
            }
        }
    }

    /// <summary>Floats needed by <see cref="PackA"/>: M rounded up to whole panels, times K.</summary>
    public static long PackedALength(int m, int k) => (long)RoundUp(m, TKernel.Mr) * k;

    /// <summary>
    /// Packs all of op(A) in the order <see cref="Run"/> consumes it: depth blocks of Kc one after another, each holding
    /// every row panel [kc][Mr], so the block at depth pc starts at pc·RoundUp(M, Mr).
    /// </summary>
    public static void PackA(in GemmProblem problem, float* destination)
    {
        int kcMax = Math.Min(TKernel.Kc, problem.K);
        nint paddedM = RoundUp(problem.M, TKernel.Mr);
        for (int pc = 0; pc < problem.K; pc += kcMax)
        {
            GemmPacking.PackA(problem, 0, problem.M, pc, Math.Min(kcMax, problem.K - pc), TKernel.Mr, destination + pc * paddedM);
        }
    }

    private static void RunMacroTile(int mc, int nc, int kc, float* packedA, float* packedB, float* c, int ldc, float alpha, float beta, float* edgeTile)
    {
        int mr = TKernel.Mr;
        int nr = TKernel.Nr;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int columns = Math.Min(nr, nc - jr);
            float* panelB = packedB + (nint)jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                float* panelA = packedA + (nint)ir * kc;
                float* tile = c + (nint)ir * ldc + jr;
                if (rows == mr && columns == nr)
                {
                    TKernel.Run(kc, panelA, panelB, tile, ldc, alpha, beta);
                }
                else
                {
                    TKernel.Run(kc, panelA, panelB, edgeTile, nr, alpha, 0f);
                    MergeEdgeTile(edgeTile, nr, tile, ldc, rows, columns, beta);
                }
            }
        }
    }

    private static void MergeEdgeTile(float* source, int sourceStride, float* c, int ldc, int rows, int columns, float beta)
    {
        for (int r = 0; r < rows; r++)
        {
            float* from = source + r * sourceStride;
            float* to = c + (nint)r * ldc;
            for (int j = 0; j < columns; j++)
            {
                to[j] = beta == 0f ? from[j] : from[j] + beta * to[j];
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
