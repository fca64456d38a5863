using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous micro-panel layouts the micro-kernels read,
/// zero-padding partial panels so edge tiles can run the full kernel.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs op(A)[rowStart.., depthStart..] (rows × depth) as panels of <paramref name="mr"/> rows, each laid out [depth][mr].
    /// </summary>
    public static void PackA(in GemmProblem problem, int rowStart, int rows, int depthStart, int depth, int mr, float* destination)
    {
        for (int panelStart = 0; panelStart < rows; panelStart += mr)
        {
            int panelRows = Math.Min(mr, rows - panelStart);
            int row0 = rowStart + panelStart;
            if (problem.TransposeA)
            {
                PackContiguous(problem.A + (nint)depthStart * problem.Lda + row0, problem.Lda, depth, panelRows, mr, destination);
            }
            else
            {
                PackStrided(problem.A + (nint)row0 * problem.Lda + depthStart, problem.Lda, depth, panelRows, mr, destination);
            }

            destination += (nint)mr * depth;
        }
    }

    /// <summary>
    /// Packs op(B)[depthStart.., columnStart..] (depth × columns) as panels of <paramref name="nr"/> columns, each laid out [depth][nr].
    /// </summary>
    public static void PackB(in GemmProblem problem, int depthStart, int depth, int columnStart, int columns, int nr, float* destination)
    {
        for (int panelStart = 0; panelStart < columns; panelStart += nr)
        {
            int panelColumns = Math.Min(nr, columns - panelStart);
            int column0 = columnStart + panelStart;
            if (problem.TransposeB)
            {
                PackStrided(problem.B + (nint)column0 * problem.Ldb + depthStart, problem.Ldb, depth, panelColumns, nr, destination);
            }
            else
            {
                PackContiguous(problem.B + (nint)depthStart * problem.Ldb + column0, problem.Ldb, depth, panelColumns, nr, destination);
            }

            destination += (nint)nr * depth;
        }
    }

    /// <summary>Source holds, for each depth step p, the panel's <paramref name="width"/> values contiguously at p·stride.</summary>
    private static void PackContiguous(float* source, int stride, int depth, int width, int panelWidth, float* destination)
    {
        for (int p = 0; p < depth; p++)
        {
            float* to = destination + (nint)p * panelWidth;
            new ReadOnlySpan<float>(source + (nint)p * stride, width).CopyTo(new Span<float>(to, width));
            if (width < panelWidth)
            {
                new Span<float>(to + width, panelWidth - width).Clear();
            }
        }
    }

    /// <summary>Source holds, for each panel lane j, the depth values contiguously at j·stride.</summary>
    private static void PackStrided(float* source, int stride, int depth, int width, int panelWidth, float* destination)
    {
        int j = 0;
        if (Avx.IsSupported)
        {
            for (; j + 8 <= width; j += 8)
            {
                int p = 0;
                for (; p + 8 <= depth; p += 8)
                {
                    Transpose8x8(source + (nint)j * stride + p, stride, destination + (nint)p * panelWidth + j, panelWidth);
                }

                CopyLanes(source, stride, p, depth, j, j + 8, panelWidth, destination);
            }
        }

        CopyLanes(source, stride, 0, depth, j, width, panelWidth, destination);
        for (j = width; j < panelWidth; j++)
        {
            for (int p = 0; p < depth; p++)
            {
                destination[(nint)p * panelWidth + j] = 0f;
            }
        }
    }

    private static void CopyLanes(float* source, int stride, int depthStart, int depthEnd, int laneStart, int laneEnd, int panelWidth, float* destination)
    {
        for (int j = laneStart; j < laneEnd; j++)
        {
            float* from = source + (nint)j * stride;
            for (int p = depthStart; p < depthEnd; p++)
            {
                destination[(nint)p * panelWidth + j] = from[p];
            }
        }
    }

    /// <summary>destination[q·destinationStride + r] = source[r·sourceStride + q] for r, q in [0, 8).</summary>
    private static void Transpose8x8(float* source, int sourceStride, float* destination, int destinationStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(source);
        Vector256<float> r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<float> r2 = Avx.LoadVector256(source + 2 * (nint)sourceStride);
        Vector256<float> r3 = Avx.LoadVector256(source + 3 * (nint)sourceStride);
        Vector256<float> r4 = Avx.LoadVector256(source + 4 * (nint)sourceStride);
        Vector256<float> r5 = Avx.LoadVector256(source + 5 * (nint)sourceStride);
        Vector256<float> r6 = Avx.LoadVector256(source + 6 * (nint)sourceStride);
        Vector256<float> r7 = Avx.LoadVector256(source + 7 * (nint)sourceStride);

        Vector256<float> t0 = Avx.UnpackLow(r0, r1);
        Vector256<float> t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3);
        Vector256<float> t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5);
        Vector256<float> t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7);
        Vector256<float> t7 = Avx.UnpackHigh(r6, r7);

        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44);
        Vector256<float> u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44);
        Vector256<float> u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44);
        Vector256<float> u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44);
        Vector256<float> u7 = Avx.Shuffle(t5, t7, 0xEE);

        Avx.Store(destination, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(destination + destinationStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(destination + 2 * (nint)destinationStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(destination + 3 * (nint)destinationStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(destination + 4 * (nint)destinationStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(destination + 5 * (nint)destinationStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(destination + 6 * (nint)destinationStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(destination + 7 * (nint)destinationStride, Avx.Permute2x128(u3, u7, 0x31));
    }
}
