namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>Portable 4×4 micro-kernel for CPUs without AVX2/FMA.</summary>
internal unsafe struct ScalarMicroKernel : IGemmMicroKernel
{
    private const int TileRows = 4;
    private const int TileColumns = 4;

    public static int Mr => TileRows;

    public static int Nr => TileColumns;

    public static int Mc => 128;

    public static int Kc => 256;

    public static int Nc => 2048;

    public static void Run(int kc, float* packedA, float* packedB, float* c, int ldc, float alpha, float beta)
    {
        float* acc = stackalloc float[TileRows * TileColumns];
        for (int i = 0; i < TileRows * TileColumns; i++)
        {
            acc[i] = 0f;
        }

        for (int p = 0; p < kc; p++)
        {
            float* a = packedA + p * TileRows;
            float* b = packedB + p * TileColumns;
            for (int r = 0; r < TileRows; r++)
            {
                for (int j = 0; j < TileColumns; j++)
                {
                    acc[r * TileColumns + j] += a[r] * b[j];
                }
            }
        }

        for (int r = 0; r < TileRows; r++)
        {
            float* row = c + r * ldc;
            for (int j = 0; j < TileColumns; j++)
            {
                float value = alpha * acc[r * TileColumns + j];
                row[j] = beta == 0f ? value : value + beta * row[j];
            }
        }
    }
}
