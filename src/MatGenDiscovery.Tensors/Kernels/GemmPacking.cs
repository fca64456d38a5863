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
            float* from = source + (nint)p * stride;
            float* to = destination + (nint)p * panelWidth;
            int j = 0;
            for (; j < width; j++)
            {
                to[j] = from[j];
            }

            for (; j < panelWidth; j++)
            {
                to[j] = 0f;
            }
        }
    }

    /// <summary>Source holds, for each panel lane j, the depth values contiguously at j·stride.</summary>
    private static void PackStrided(float* source, int stride, int depth, int width, int panelWidth, float* destination)
    {
        for (int j = 0; j < width; j++)
        {
            float* from = source + (nint)j * stride;
            float* to = destination + j;
            for (int p = 0; p < depth; p++)
            {
                to[(nint)p * panelWidth] = from[p];
            }
        }

        for (int j = width; j < panelWidth; j++)
        {
            for (int p = 0; p < depth; p++)
            {
                destination[(nint)p * panelWidth + j] = 0f;
            }
        }
    }
}
