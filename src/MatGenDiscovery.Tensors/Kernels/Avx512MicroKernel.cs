using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// 8×32 AVX-512 micro-kernel: 16 zmm accumulators, eight broadcasts of A and two loads of B per step of k.
/// Eight rows divide every channel count and batch size the models use, so few row tiles are partial.
/// </summary>
internal unsafe struct Avx512MicroKernel : IGemmMicroKernel
{
    public static int Mr => 8;

    public static int Nr => 32;

    public static int Mc => 128;

    public static int Kc => 256;

    public static int Nc => 2048;

    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* packedA, float* packedB, float* c, int ldc, float alpha, float beta)
    {
        Vector512<float> c00 = Vector512<float>.Zero; Vector512<float> c01 = Vector512<float>.Zero;
        Vector512<float> c10 = Vector512<float>.Zero; Vector512<float> c11 = Vector512<float>.Zero;
        Vector512<float> c20 = Vector512<float>.Zero; Vector512<float> c21 = Vector512<float>.Zero;
        Vector512<float> c30 = Vector512<float>.Zero; Vector512<float> c31 = Vector512<float>.Zero;
        Vector512<float> c40 = Vector512<float>.Zero; Vector512<float> c41 = Vector512<float>.Zero;
        Vector512<float> c50 = Vector512<float>.Zero; Vector512<float> c51 = Vector512<float>.Zero;
        Vector512<float> c60 = Vector512<float>.Zero; Vector512<float> c61 = Vector512<float>.Zero;
        Vector512<float> c70 = Vector512<float>.Zero; Vector512<float> c71 = Vector512<float>.Zero;

        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Avx512F.LoadVector512(packedB + 0);
            Vector512<float> b1 = Avx512F.LoadVector512(packedB + 16);
            Vector512<float> a;
            a = Vector512.Create(packedA[0]);
            c00 = Avx512F.FusedMultiplyAdd(a, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(packedA[1]);
            c10 = Avx512F.FusedMultiplyAdd(a, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(packedA[2]);
            c20 = Avx512F.FusedMultiplyAdd(a, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(packedA[3]);
            c30 = Avx512F.FusedMultiplyAdd(a, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a, b1, c31);
            a = Vector512.Create(packedA[4]);
            c40 = Avx512F.FusedMultiplyAdd(a, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(a, b1, c41);
            a = Vector512.Create(packedA[5]);
            c50 = Avx512F.FusedMultiplyAdd(a, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(a, b1, c51);
            a = Vector512.Create(packedA[6]);
            c60 = Avx512F.FusedMultiplyAdd(a, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(a, b1, c61);
            a = Vector512.Create(packedA[7]);
            c70 = Avx512F.FusedMultiplyAdd(a, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(a, b1, c71);
            packedA += 8;
            packedB += 32;
        }

        Vector512<float> alphaVector = Vector512.Create(alpha);
        if (beta == 0f)
        {
            Avx512F.Store(c + 0 * ldc + 0, Avx512F.Multiply(alphaVector, c00));
            Avx512F.Store(c + 0 * ldc + 16, Avx512F.Multiply(alphaVector, c01));
            Avx512F.Store(c + 1 * ldc + 0, Avx512F.Multiply(alphaVector, c10));
            Avx512F.Store(c + 1 * ldc + 16, Avx512F.Multiply(alphaVector, c11));
            Avx512F.Store(c + 2 * ldc + 0, Avx512F.Multiply(alphaVector, c20));
            Avx512F.Store(c + 2 * ldc + 16, Avx512F.Multiply(alphaVector, c21));
            Avx512F.Store(c + 3 * ldc + 0, Avx512F.Multiply(alphaVector, c30));
            Avx512F.Store(c + 3 * ldc + 16, Avx512F.Multiply(alphaVector, c31));
            Avx512F.Store(c + 4 * ldc + 0, Avx512F.Multiply(alphaVector, c40));
            Avx512F.Store(c + 4 * ldc + 16, Avx512F.Multiply(alphaVector, c41));
            Avx512F.Store(c + 5 * ldc + 0, Avx512F.Multiply(alphaVector, c50));
            Avx512F.Store(c + 5 * ldc + 16, Avx512F.Multiply(alphaVector, c51));
            Avx512F.Store(c + 6 * ldc + 0, Avx512F.Multiply(alphaVector, c60));
            Avx512F.Store(c + 6 * ldc + 16, Avx512F.Multiply(alphaVector, c61));
            Avx512F.Store(c + 7 * ldc + 0, Avx512F.Multiply(alphaVector, c70));
            Avx512F.Store(c + 7 * ldc + 16, Avx512F.Multiply(alphaVector, c71));
            return;
        }

        Vector512<float> betaVector = Vector512.Create(beta);
        Store(c + 0 * ldc + 0, c00, alphaVector, betaVector);
        Store(c + 0 * ldc + 16, c01, alphaVector, betaVector);
        Store(c + 1 * ldc + 0, c10, alphaVector, betaVector);
        Store(c + 1 * ldc + 16, c11, alphaVector, betaVector);
        Store(c + 2 * ldc + 0, c20, alphaVector, betaVector);
        Store(c + 2 * ldc + 16, c21, alphaVector, betaVector);
        Store(c + 3 * ldc + 0, c30, alphaVector, betaVector);
        Store(c + 3 * ldc + 16, c31, alphaVector, betaVector);
        Store(c + 4 * ldc + 0, c40, alphaVector, betaVector);
        Store(c + 4 * ldc + 16, c41, alphaVector, betaVector);
        Store(c + 5 * ldc + 0, c50, alphaVector, betaVector);
        Store(c + 5 * ldc + 16, c51, alphaVector, betaVector);
        Store(c + 6 * ldc + 0, c60, alphaVector, betaVector);
        Store(c + 6 * ldc + 16, c61, alphaVector, betaVector);
        Store(c + 7 * ldc + 0, c70, alphaVector, betaVector);
        Store(c + 7 * ldc + 16, c71, alphaVector, betaVector);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* destination, Vector512<float> accumulator, Vector512<float> alpha, Vector512<float> beta) =>
        Avx512F.Store(destination, Avx512F.FusedMultiplyAdd(alpha, accumulator, Avx512F.Multiply(beta, Avx512F.LoadVector512(destination))));
}
