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
        for (int c = 0; c < g.InChannels; c++)
        {
            float* plane = image + (nint)c * g.InHeight * g.InWidth;
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++)
                {
                    float* row = columns + (nint)((c * g.KernelHeight + i) * g.KernelWidth + j) * columnStride;
                    (int xStart, int xEnd) = ValidRange(j, g.PadLeft, g.StrideWidth, g.InWidth, g.OutWidth);
                    for (int y = 0; y < g.OutHeight; y++)
                    {
                        float* destination = row + y * g.OutWidth;
                        int sourceY = y * g.StrideHeight - g.PadTop + i;
                        if (sourceY < 0 || sourceY >= g.InHeight)
                        {
                            new Span<float>(destination, g.OutWidth).Clear();
                            continue;
                        }

                        float* source = plane + sourceY * g.InWidth + j - g.PadLeft;
                        for (int x = 0; x < xStart; x++)
                        {
                            destination[x] = 0f;
                        }

                        for (int x = xStart; x < xEnd; x++)
                        {
                            destination[x] = source[x * g.StrideWidth];
                        }

                        for (int x = Math.Max(xEnd, xStart); x < g.OutWidth; x++)
                        {
                            destination[x] = 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Overwrites <paramref name="image"/> with the sum of every patch entry that maps onto each pixel.</summary>
    public static void Fold(float* columns, int columnStride, float* image, in ConvolutionGeometry g)
    {
        new Span<float>(image, g.InChannels * g.InHeight * g.InWidth).Clear();
        for (int c = 0; c < g.InChannels; c++)
        {
            float* plane = image + (nint)c * g.InHeight * g.InWidth;
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++)
                {
                    float* row = columns + (nint)((c * g.KernelHeight + i) * g.KernelWidth + j) * columnStride;
                    (int xStart, int xEnd) = ValidRange(j, g.PadLeft, g.StrideWidth, g.InWidth, g.OutWidth);
                    for (int y = 0; y < g.OutHeight; y++)
                    {
                        int targetY = y * g.StrideHeight - g.PadTop + i;
                        if (targetY < 0 || targetY >= g.InHeight)
                        {
                            continue;
                        }

                        float* source = row + y * g.OutWidth;
                        float* target = plane + targetY * g.InWidth + j - g.PadLeft;
                        for (int x = xStart; x < xEnd; x++)
                        {
                            target[x * g.StrideWidth] += source[x];
                        }
                    }
                }
            }
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
