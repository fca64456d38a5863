using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>6×16 AVX2/FMA micro-kernel: 12 ymm accumulators, one broadcast of A and two loads of B per step of k.</summary>
internal unsafe struct Avx2MicroKernel : IGemmMicroKernel
{
    public static int Mr => 6;

    public static int Nr => 16;

    public static int Mc => 120;

    public static int Kc => 256;

    public static int Nc => 2048;

    public static bool IsSupported => Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* packedA, float* packedB, float* c, int ldc, float alpha, float beta)
    {
        Vector256<float> c00 = Vector256<float>.Zero; Vector256<float> c01 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero; Vector256<float> c11 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero; Vector256<float> c21 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero; Vector256<float> c31 = Vector256<float>.Zero;
        Vector256<float> c40 = Vector256<float>.Zero; Vector256<float> c41 = Vector256<float>.Zero;
        Vector256<float> c50 = Vector256<float>.Zero; Vector256<float> c51 = Vector256<float>.Zero;

        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadVector256(packedB + 0);
            Vector256<float> b1 = Avx.LoadVector256(packedB + 8);
            Vector256<float> a;
            a = Vector256.Create(packedA[0]);
            c00 = Fma.MultiplyAdd(a, b0, c00);
            c01 = Fma.MultiplyAdd(a, b1, c01);
            a = Vector256.Create(packedA[1]);
            c10 = Fma.MultiplyAdd(a, b0, c10);
            c11 = Fma.MultiplyAdd(a, b1, c11);
            a = Vector256.Create(packedA[2]);
            c20 = Fma.MultiplyAdd(a, b0, c20);
            c21 = Fma.MultiplyAdd(a, b1, c21);
            a = Vector256.Create(packedA[3]);
            c30 = Fma.MultiplyAdd(a, b0, c30);
            c31 = Fma.MultiplyAdd(a, b1, c31);
            a = Vector256.Create(packedA[4]);
            c40 = Fma.MultiplyAdd(a, b0, c40);
            c41 = Fma.MultiplyAdd(a, b1, c41);
            a = Vector256.Create(packedA[5]);
            c50 = Fma.MultiplyAdd(a, b0, c50);
            c51 = Fma.MultiplyAdd(a, b1, c51);
            packedA += 6;
            packedB += 16;
        }

        Vector256<float> alphaVector = Vector256.Create(alpha);
        if (beta == 0f)
        {
            Avx.Store(c + 0 * ldc + 0, Avx.Multiply(alphaVector, c00));
            Avx.Store(c + 0 * ldc + 8, Avx.Multiply(alphaVector, c01));
            Avx.Store(c + 1 * ldc + 0, Avx.Multiply(alphaVector, c10));
            Avx.Store(c + 1 * ldc + 8, Avx.Multiply(alphaVector, c11));
            Avx.Store(c + 2 * ldc + 0, Avx.Multiply(alphaVector, c20));
            Avx.Store(c + 2 * ldc + 8, Avx.Multiply(alphaVector, c21));
            Avx.Store(c + 3 * ldc + 0, Avx.Multiply(alphaVector, c30));
            Avx.Store(c + 3 * ldc + 8, Avx.Multiply(alphaVector, c31));
            Avx.Store(c + 4 * ldc + 0, Avx.Multiply(alphaVector, c40));
            Avx.Store(c + 4 * ldc + 8, Avx.Multiply(alphaVector, c41));
            Avx.Store(c + 5 * ldc + 0, Avx.Multiply(alphaVector, c50));
            Avx.Store(c + 5 * ldc + 8, Avx.Multiply(alphaVector, c51));
            return;
        }

        Vector256<float> betaVector = Vector256.Create(beta);
        Store(c + 0 * ldc + 0, c00, alphaVector, betaVector);
        Store(c + 0 * ldc + 8, c01, alphaVector, betaVector);
        Store(c + 1 * ldc + 0, c10, alphaVector, betaVector);
        Store(c + 1 * ldc + 8, c11, alphaVector, betaVector);
        Store(c + 2 * ldc + 0, c20, alphaVector, betaVector);
        Store(c + 2 * ldc + 8, c21, alphaVector, betaVector);
        Store(c + 3 * ldc + 0, c30, alphaVector, betaVector);
        Store(c + 3 * ldc + 8, c31, alphaVector, betaVector);
        Store(c + 4 * ldc + 0, c40, alphaVector, betaVector);
        Store(c + 4 * ldc + 8, c41, alphaVector, betaVector);
        Store(c + 5 * ldc + 0, c50, alphaVector, betaVector);
        Store(c + 5 * ldc + 8, c51, alphaVector, betaVector);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* destination, Vector256<float> accumulator, Vector256<float> alpha, Vector256<float> beta) =>
        Avx.Store(destination, Fma.MultiplyAdd(alpha, accumulator, Avx.Multiply(beta, Avx.LoadVector256(destination))));
}
