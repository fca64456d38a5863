using System.Runtime.CompilerServices;
using System.Text;

namespace MatGenDiscovery.Tensors;

/// <summary>
/// A dense float32 tensor stored contiguously in row-major order, with optional reverse-mode autodiff.
/// Operations live in extension classes under <c>MatGenDiscovery.Tensors.Operations.*</c>; see README.md.
/// </summary>
public sealed class Tensor
{
    private readonly float[] _data;
    private readonly int[] _shape;

    internal Tensor(float[] data, int[] shape)
    {
        _data = data;
        _shape = shape;
    }

    /// <summary>Dimensions, outermost first. A scalar has an empty shape.</summary>
    public IReadOnlyList<int> Shape => _shape;

    public int Rank => _shape.Length;

    /// <summary>Number of elements (product of the shape).</summary>
    public int Length => _data.Length;

    /// <summary>
    /// For a leaf: whether <see cref="Backward"/> accumulates into <see cref="Grad"/>.
    /// For an operation result: whether any input required a gradient while recording.
    /// </summary>
    public bool RequiresGrad { get; set; }

    /// <summary>Accumulated gradient of a leaf tensor, same shape; null until the first backward pass.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The operation that produced this tensor, or null for a leaf.</summary>
    internal GradientNode? Node { get; set; }

    /// <summary>True for tensors created by the user rather than recorded operations.</summary>
    public bool IsLeaf => Node is null;

    internal float[] Data => _data;

    internal int[] ShapeArray => _shape;

    public Span<float> AsSpan() => _data;

    public ReadOnlySpan<float> AsReadOnlySpan() => _data;

    /// <summary>Size of <paramref name="axis"/>; negative axes count from the end.</summary>
    public int Size(int axis) => _shape[NormalizeAxis(axis)];

    public int[] ShapeToArray() => (int[])_shape.Clone();

    /// <summary>The value of a one-element tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        if (_data.Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a one-element tensor, but shape is {FormatShape(_shape)}.");
        }

        return _data[0];
    }

    /// <summary>A new leaf sharing this tensor's storage, outside any graph.</summary>
    public Tensor Detach() => new(_data, _shape);

    /// <summary>A new leaf with a copy of the storage, outside any graph.</summary>
    public Tensor Clone() => new((float[])_data.Clone(), (int[])_shape.Clone());

    public float[] ToArray() => (float[])_data.Clone();

    [IndexerName("Element")]
    public float this[params int[] index]
    {
        get => _data[FlatIndex(index)];
        set => _data[FlatIndex(index)] = value;
    }

    public static Tensor Zeros(params int[] shape) => new(new float[ElementCount(shape)], CopyShape(shape));

    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    public static Tensor Full(float value, params int[] shape)
    {
        var data = GC.AllocateUninitializedArray<float>(ElementCount(shape));
        Array.Fill(data, value);
        return new Tensor(data, CopyShape(shape));
    }

    public static Tensor Scalar(float value) => new([value], []);

    /// <summary>Wraps <paramref name="data"/> without copying.</summary>
    /// <exception cref="ArgumentException">The data length differs from the product of <paramref name="shape"/>.</exception>
    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        var count = ElementCount(shape);
        if (data.Length != count)
        {
            throw new ArgumentException(
                $"Data has {data.Length} elements but shape {FormatShape(shape)} needs {count}.", nameof(data));
        }

        return new Tensor(data, CopyShape(shape));
    }

    /// <summary>Standard normal samples (Box–Muller on <paramref name="random"/>); same seed, same bits.</summary>
    public static Tensor Randn(Random random, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var data = GC.AllocateUninitializedArray<float>(ElementCount(shape));
        for (var i = 0; i < data.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            data[i] = (float)(radius * Math.Cos(2.0 * Math.PI * u2));
            if (i + 1 < data.Length)
            {
                data[i + 1] = (float)(radius * Math.Sin(2.0 * Math.PI * u2));
            }
        }

        return new Tensor(data, CopyShape(shape));
    }

    /// <summary>Samples uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Random random, float low, float high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(high >= low))
        {
            throw new ArgumentException($"Uniform needs low <= high, got low={low}, high={high}.", nameof(high));
        }

        var data = GC.AllocateUninitializedArray<float>(ElementCount(shape));
        var width = (double)high - low;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(low + width * random.NextDouble());
        }

        return new Tensor(data, CopyShape(shape));
    }

    /// <summary>
    /// Back-propagates from this tensor (a scalar unless <paramref name="gradOutput"/> is given) and
    /// accumulates into <see cref="Grad"/> of every reachable leaf with <see cref="RequiresGrad"/>.
    /// </summary>
    public void Backward(Tensor? gradOutput = null) => Autograd.Backward(this, gradOutput);

    /// <summary>Disables graph recording on this thread until the returned scope is disposed.</summary>
    public static GradMode.Scope NoGrad() => GradMode.Disable();

    public static Tensor operator +(Tensor a, Tensor b) => Operations.Elementwise.Arithmetic.Add(a, b);

    public static Tensor operator +(Tensor a, float b) => Operations.Elementwise.Arithmetic.Add(a, b);

    public static Tensor operator +(float a, Tensor b) => Operations.Elementwise.Arithmetic.Add(b, a);

    public static Tensor operator -(Tensor a, Tensor b) => Operations.Elementwise.Arithmetic.Subtract(a, b);

    public static Tensor operator -(Tensor a, float b) => Operations.Elementwise.Arithmetic.Add(a, -b);

    public static Tensor operator -(float a, Tensor b) => Operations.Elementwise.Arithmetic.Add(Operations.Elementwise.Arithmetic.Negate(b), a);

    public static Tensor operator -(Tensor a) => Operations.Elementwise.Arithmetic.Negate(a);

    public static Tensor operator *(Tensor a, Tensor b) => Operations.Elementwise.Arithmetic.Multiply(a, b);

    public static Tensor operator *(Tensor a, float b) => Operations.Elementwise.Arithmetic.Multiply(a, b);

    public static Tensor operator *(float a, Tensor b) => Operations.Elementwise.Arithmetic.Multiply(b, a);

    public static Tensor operator /(Tensor a, Tensor b) => Operations.Elementwise.Arithmetic.Divide(a, b);

    public static Tensor operator /(Tensor a, float b) => Operations.Elementwise.Arithmetic.Multiply(a, 1f / b);

    public static Tensor operator /(float a, Tensor b) => Operations.Elementwise.Arithmetic.Reciprocal(b, a);

    public override string ToString()
    {
        var builder = new StringBuilder("Tensor").Append(FormatShape(_shape)).Append(" [");
        var shown = Math.Min(_data.Length, 8);
        for (var i = 0; i < shown; i++)
        {
            builder.Append(i == 0 ? "" : ", ").Append(_data[i].ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append(_data.Length > shown ? ", ...]" : "]").ToString();
    }

    internal int NormalizeAxis(int axis)
    {
        var normalized = axis < 0 ? axis + _shape.Length : axis;
        if ((uint)normalized >= (uint)_shape.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(axis), $"Axis {axis} is out of range for a tensor of shape {FormatShape(_shape)}.");
        }

        return normalized;
    }

    internal static string FormatShape(ReadOnlySpan<int> shape)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < shape.Length; i++)
        {
            builder.Append(i == 0 ? "" : ", ").Append(shape[i]);
        }

        return builder.Append(']').ToString();
    }

    /// <exception cref="ArgumentException">A dimension is negative or the element count overflows.</exception>
    internal static int ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has a negative dimension.", nameof(shape));
            }

            count *= dimension;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has too many elements.", nameof(shape));
            }
        }

        return (int)count;
    }

    private static int[] CopyShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return (int[])shape.Clone();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FlatIndex(int[] index)
    {
        if (index.Length != _shape.Length)
        {
            throw new ArgumentException(
                $"Index has {index.Length} components but the tensor has rank {_shape.Length}.", nameof(index));
        }

        var flat = 0;
        for (var i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
            {
                throw new IndexOutOfRangeException(
                    $"Index {index[i]} on axis {i} is out of range for shape {FormatShape(_shape)}.");
            }

            flat = flat * _shape[i] + index[i];
        }

        return flat;
    }
}
