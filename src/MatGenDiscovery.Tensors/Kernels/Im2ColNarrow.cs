using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// AVX2 paths of <see cref="Im2Col"/> for MatGAN's narrow images (8 pixels wide): one masked load or gather per
/// patch-matrix row segment instead of a scalar loop with separate zero fills, so strided layers are as cheap as unit-stride ones.
/// </summary>
internal static unsafe class Im2ColNarrow
{
    /// <summary>Unfold needs output rows of exactly 4 or 8 pixels.</summary>
    public static bool CanUnfold(in ConvolutionGeometry g) => Avx2.IsSupported && (g.OutWidth == 8 || g.OutWidth == 4);

    /// <summary>Fold needs input rows of exactly 8 pixels (at most 8 output pixels per row).</summary>
    public static bool CanFold(in ConvolutionGeometry g) => Avx2.IsSupported && g.InWidth == 8 && g.OutWidth <= 8;

    public static void Unfold(float* image, float* columns, int columnStride, in ConvolutionGeometry g)
    {
        int inHeight = g.InHeight, inWidth = g.InWidth, outHeight = g.OutHeight, outWidth = g.OutWidth;
        int strideHeight = g.StrideHeight, padTop = g.PadTop, kernelHeight = g.KernelHeight, kernelWidth = g.KernelWidth;
        Vector256<int> lanes = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        bool unitStride = g.StrideWidth == 1, fullRow = inWidth == 8;
        for (int j = 0; j < kernelWidth; j++)
        {
            // Masked lanes are never read (the masked load and gather do not fault on them; a permuted full row is masked to zero). Lane x reads column x·stride − pad + j of the source row; lanes outside the image (or beyond outWidth) read nothing.
            Vector256<int> sourceColumn = lanes * g.StrideWidth + Vector256.Create(j - g.PadLeft);
            Vector256<float> mask = (Vector256.GreaterThanOrEqual(sourceColumn, Vector256<int>.Zero)
                & Vector256.LessThan(sourceColumn, Vector256.Create(inWidth))
                & Vector256.LessThan(lanes, Vector256.Create(outWidth))).AsSingle();
            Vector256<int> index = sourceColumn & mask.AsInt32();
            int shift = j - g.PadLeft;
            for (int c = 0; c < g.InChannels; c++)
            {
                float* plane = image + (nint)c * inHeight * inWidth;
                for (int i = 0; i < kernelHeight; i++)
                {
                    float* row = columns + (nint)((c * kernelHeight + i) * kernelWidth + j) * columnStride;
                    for (int y = 0; y < outHeight; y++)
                    {
                        int sourceY = y * strideHeight - padTop + i;
                        Vector256<float> values = sourceY < 0 || sourceY >= inHeight ? Vector256<float>.Zero
                            : fullRow ? Avx2.PermuteVar8x32(Avx.LoadVector256(plane + sourceY * 8), index) & mask
                            : unitStride ? Avx.MaskLoad(plane + sourceY * inWidth + shift, mask)
                            : Avx2.GatherMaskVector256(Vector256<float>.Zero, plane + sourceY * inWidth, index, mask, 4);
                        if (outWidth == 8)
                        {
                            Avx.Store(row + y * 8, values);
                        }
                        else
                        {
                            Sse.Store(row + y * 4, values.GetLower());
                        }
                    }
                }
            }
        }
    }

    /// <summary>Overwrites <paramref name="image"/> (rows of 8 pixels) with the sum of every patch entry that maps onto each pixel.</summary>
    public static void Fold(float* columns, int columnStride, float* image, in ConvolutionGeometry g)
    {
        int inHeight = g.InHeight, outHeight = g.OutHeight, outWidth = g.OutWidth, stride = g.StrideWidth;
        int strideHeight = g.StrideHeight, padTop = g.PadTop, kernelHeight = g.KernelHeight, kernelWidth = g.KernelWidth;
        new Span<float>(image, g.InChannels * inHeight * 8).Clear();
        for (int j = 0; j < kernelWidth; j++)
        {
            // Image lane t receives patch column x = (t + pad − j) / stride when that division is exact and x < outWidth.
            Vector256<int> x = Vector256<int>.Zero;
            Vector256<int> hit = Vector256<int>.Zero;
            for (int t = 0; t < 8; t++)
            {
                int o = t + g.PadLeft - j;
                bool valid = o >= 0 && o % stride == 0 && o / stride < outWidth;
                x = x.WithElement(t, valid ? o / stride : 0);
                hit = hit.WithElement(t, valid ? -1 : 0);
            }

            Vector256<float> mask = hit.AsSingle();
            for (int c = 0; c < g.InChannels; c++)
            {
                float* plane = image + (nint)c * inHeight * 8;
                for (int i = 0; i < kernelHeight; i++)
                {
                    float* row = columns + (nint)((c * kernelHeight + i) * kernelWidth + j) * columnStride;
                    for (int y = 0; y < outHeight; y++)
                    {
                        int targetY = y * strideHeight - padTop + i;
                        if (targetY < 0 || targetY >= inHeight)
                        {
                            continue;
                        }

                        float* target = plane + targetY * 8;
                        Vector256<float> values = outWidth == 8 ? Avx2.PermuteVar8x32(Avx.LoadVector256(row + y * 8), x) & mask
                            : outWidth == 4 ? Avx2.PermuteVar8x32(Sse.LoadVector128(row + y * 4).ToVector256(), x) & mask
                            : stride == 1 ? Avx.MaskLoad(row + y * outWidth + g.PadLeft - j, mask)
                            : Avx2.GatherMaskVector256(Vector256<float>.Zero, row + y * outWidth, x, mask, 4);
                        Avx.Store(target, Avx.LoadVector256(target) + values);
                    }
                }
            }
        }
    }
}
