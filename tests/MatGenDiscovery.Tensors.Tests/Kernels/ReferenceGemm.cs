namespace MatGenDiscovery.Tensors.Tests.Kernels;

/// <summary>Textbook triple loop in double precision, used as the oracle for the packed GEMM.</summary>
internal static class ReferenceGemm
{
    /// <summary>Returns the expected C and, per element, Σ|alpha·a·b| + |beta·c| to scale the tolerance.</summary>
    public static (double[] Expected, double[] Magnitude) Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float alpha, float beta)
    {
        var expected = new double[c.Length];
        var magnitude = new double[c.Length];
        for (int index = 0; index < c.Length; index++)
        {
            expected[index] = c[index];
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                double absSum = 0;
                for (int p = 0; p < k; p++)
                {
                    double product = (double)(transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j]);
                    sum += product;
                    absSum += Math.Abs(product);
                }

                double old = beta == 0f ? 0 : beta * (double)c[i * ldc + j];
                expected[i * ldc + j] = alpha * sum + old;
                magnitude[i * ldc + j] = Math.Abs(alpha) * absSum + Math.Abs(old);
            }
        }

        return (expected, magnitude);
    }
}
