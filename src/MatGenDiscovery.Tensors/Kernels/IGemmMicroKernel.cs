namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// A register-tiled block of the GEMM: C[Mr×Nr] = alpha·Ap·Bp + beta·C, where Ap is a packed
/// micro-panel laid out [kc][Mr] and Bp a packed micro-panel laid out [kc][Nr].
/// When beta is 0, C is written without being read.
/// </summary>
internal unsafe interface IGemmMicroKernel
{
    static abstract int Mr { get; }

    static abstract int Nr { get; }

    /// <summary>Cache blocking: rows of A packed at once (a multiple of Mr).</summary>
    static abstract int Mc { get; }

    /// <summary>Cache blocking: depth of one packed panel.</summary>
    static abstract int Kc { get; }

    /// <summary>Cache blocking: columns of B packed at once (a multiple of Nr).</summary>
    static abstract int Nc { get; }

    static abstract void Run(int kc, float* packedA, float* packedB, float* c, int ldc, float alpha, float beta);
}
