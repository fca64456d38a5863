namespace MatGenDiscovery.Models.Embedding;

/// <summary>
/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (exact to rounding, O(d³) per sweep;
/// meant for covariance matrices of a few hundred dimensions at most).
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues in descending order and the matching unit eigenvectors (<c>vectors[k]</c> has length d). Each
    /// eigenvector's sign is fixed so that its largest-magnitude entry is positive, which makes the result unique
    /// for distinct eigenvalues.
    /// </summary>
    /// <param name="matrix">Row-major d×d symmetric matrix; not modified.</param>
    public static (double[] Values, double[][] Vectors) Decompose(double[] matrix, int dimension)
    {
        if (matrix.Length != dimension * dimension)
        {
            throw new ArgumentException($"matrix has {matrix.Length} entries, expected {dimension}×{dimension}", nameof(matrix));
        }

        var a = (double[])matrix.Clone();
        var v = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            v[i * dimension + i] = 1;
        }

        for (var sweep = 0; sweep < MaxSweeps && OffDiagonal(a, dimension) > 1e-22 * Math.Max(1, Diagonal(a, dimension)); sweep++)
        {
            for (var p = 0; p < dimension - 1; p++)
            {
                for (var q = p + 1; q < dimension; q++)
                {
                    Rotate(a, v, dimension, p, q);
                }
            }
        }

        var order = Enumerable.Range(0, dimension).OrderByDescending(i => a[i * dimension + i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => a[i * dimension + i]).ToArray();
        var vectors = order.Select(i => Column(v, dimension, i)).ToArray();
        return (values, vectors);
    }

    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[p * n + q];
        if (apq == 0)
        {
            return;
        }

        var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var akp = a[k * n + p];
            var akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[p * n + k];
            var aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }

        for (var k = 0; k < n; k++)
        {
            var vkp = v[k * n + p];
            var vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    private static double[] Column(double[] v, int n, int column)
    {
        var vector = new double[n];
        var largest = 0.0;
        for (var k = 0; k < n; k++)
        {
            vector[k] = v[k * n + column];
            if (Math.Abs(vector[k]) > Math.Abs(largest))
            {
                largest = vector[k];
            }
        }

        if (largest < 0)
        {
            for (var k = 0; k < n; k++)
            {
                vector[k] = -vector[k];
            }
        }

        return vector;
    }

    private static double OffDiagonal(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    sum += a[i * n + j] * a[i * n + j];
                }
            }
        }

        return sum;
    }

    private static double Diagonal(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += a[i * n + i] * a[i * n + i];
        }

        return sum;
    }
}
