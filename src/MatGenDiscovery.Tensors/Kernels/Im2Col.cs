using System.Runtime.Intrinsics;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// Unfolds one image [InChannels, InHeight, InWidth] into the patch matrix
/// columns[(c·KernelHeight + i)·KernelWidth + j, y·OutWidth + x] = image[c, y·StrideHeight − PadTop + i, x·StrideWidth − PadLeft + j]
/// (zero outside the image), and folds such a matrix back by summation. The matrix rows are
/// <c>columnStride</c> apart, so the patch matrices of several images can sit side by side.
/// </summary>
internal static unsafe class Im2Col
{
    public static void Unfold(float* image, float* columns, int columnStride, in ConvolutionGeometry g)
    {
        if (Im2ColNarrow.CanUnfold(g))
        {
            Im2ColNarrow.Unfold(image, columns, columnStride, g);
            return;
        }

        int inHeight = g.InHeight, inWidth = g.InWidth, outHeight = g.OutHeight, outWidth = g.OutWidth;
        int strideHeight = g.StrideHeight, strideWidth = g.StrideWidth, padTop = g.PadTop, padLeft = g.PadLeft;
        int kernelHeight = g.KernelHeight, kernelWidth = g.KernelWidth;
        for (int c = 0; c < g.InChannels; c++)
        {
            float* plane = image + (nint)c * inHeight * inWidth;
            for (int i = 0; i < kernelHeight; i++)
            {
                for (int j = 0; j < kernelWidth; j++)
                {
                    float* row = columns + (nint)((c * kernelHeight + i) * kernelWidth + j) * columnStride;
                    (int xStart, int xEnd) = ValidRange(j, padLeft, strideWidth, inWidth, outWidth);
                    for (int y = 0; y < outHeight; y++)
                    {
                        float* destination = row + y * outWidth;
                        int sourceY = y * strideHeight - padTop + i;
                        if (sourceY < 0 || sourceY >= inHeight || xStart >= xEnd)
                        {
                            Clear(destination, 0, outWidth);
                            continue;
                        }

                        float* source = plane + sourceY * inWidth + j - padLeft;
                        Clear(destination, 0, xStart);
                        if (strideWidth == 1)
                        {
                            Copy(source, destination, xStart, xEnd);
                        }
                        else
                        {
                            for (int x = xStart; x < xEnd; x++)
                            {
                                destination[x] = source[x * strideWidth];
                            }
                        }

                        Clear(destination, xEnd, outWidth);
                    }
                }
            }
        }
    }

    /// <summary>Overwrites <paramref name="image"/> with the sum of every patch entry that maps onto each pixel.</summary>
    public static void Fold(float* columns, int columnStride, float* image, in ConvolutionGeometry g)
    {
        if (Im2ColNarrow.CanFold(g))
        {
            Im2ColNarrow.Fold(columns, columnStride, image, g);
            return;
        }

        int inHeight = g.InHeight, inWidth = g.InWidth, outHeight = g.OutHeight, outWidth = g.OutWidth;
        int strideHeight = g.StrideHeight, strideWidth = g.StrideWidth, padTop = g.PadTop, padLeft = g.PadLeft;
        int kernelHeight = g.KernelHeight, kernelWidth = g.KernelWidth;
        new Span<float>(image, g.InChannels * inHeight * inWidth).Clear();
        for (int c = 0; c < g.InChannels; c++)
        {
            float* plane = image + (nint)c * inHeight * inWidth;
            for (int i = 0; i < kernelHeight; i++)
            {
                for (int j = 0; j < kernelWidth; j++)
                {
                    float* row = columns + (nint)((c * kernelHeight + i) * kernelWidth + j) * columnStride;
                    (int xStart, int xEnd) = ValidRange(j, padLeft, strideWidth, inWidth, outWidth);
                    for (int y = 0; y < outHeight; y++)
                    {
                        int targetY = y * strideHeight - padTop + i;
                        if (targetY < 0 || targetY >= inHeight)
                        {
                            continue;
                        }

                        float* source = row + y * outWidth;
                        float* target = plane + targetY * inWidth + j - padLeft;
                        if (strideWidth == 1)
                        {
                            Accumulate(source, target, xStart, xEnd);
                        }
                        else
                        {
                            for (int x = xStart; x < xEnd; x++)
                            {
                                target[x * strideWidth] += source[x];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void Clear(float* destination, int start, int end)
    {
        for (int x = start; x < end; x++)
        {
            destination[x] = 0f;
        }
    }

    /// <summary>destination[x] = source[x] for x in [start, end); one vector covers a whole row of MatGAN's 8-wide images.</summary>
    private static void Copy(float* source, float* destination, int start, int end)
    {
        int x = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x + 8 <= end; x += 8)
            {
                Vector256.Store(Vector256.Load(source + x), destination + x);
            }
        }

        for (; x < end; x++)
        {
            destination[x] = source[x];
        }
    }

    private static void Accumulate(float* source, float* target, int start, int end)
    {
        int x = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x + 8 <= end; x += 8)
            {
                Vector256.Store(Vector256.Load(target + x) + Vector256.Load(source + x), target + x);
            }
        }

        for (; x < end; x++)
        {
            target[x] += source[x];
        }
    }

    /// <summary>Output columns x whose input column x·stride − pad + offset lies inside [0, inSize).</summary>
    private static (int Start, int End) ValidRange(int offset, int pad, int stride, int inSize, int outSize)
    {
        int first = pad - offset;
        int start = first <= 0 ? 0 : (first + stride - 1) / stride;
        int last = inSize - 1 + pad - offset;
        int end = last < 0 ? 0 : Math.Min(outSize, last / stride + 1);
        return (Math.Min(start, outSize), end);
    }
}
