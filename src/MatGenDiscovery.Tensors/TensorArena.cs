namespace MatGenDiscovery.Tensors;

/// <summary>
/// Recycles the storage of operation results between repetitions of the same computation (training steps), so a
/// step stops allocating fresh large-object-heap memory, whose page faults and full collections cost more than the
/// arithmetic of memory-bound operations. While a scope from <see cref="Activate"/> is open on a thread, results of
/// tensor operations on that thread take their storage from the arena; disposing the scope hands all of it back for
/// the next scope. Tensors created by the public factories (<see cref="Tensor.Zeros"/>, <see cref="Tensor.FromArray"/>,
/// <see cref="Tensor.Clone"/>, …) and leaf gradients never use the arena.
/// </summary>
/// <remarks>
/// Contract: no operation result computed inside a scope may be read after the scope ends (read scalars with
/// <see cref="Tensor.Item"/> before disposing). Storage is kept by the arena until it is garbage-collected, so it
/// retains about as much memory as one scope allocates. Not thread-safe; one open scope per thread.
/// </remarks>
public sealed class TensorArena
{
    /// <summary>Smaller results come from the ordinary heap, where short-lived small arrays are cheap.</summary>
    private const int MinimumLength = 1024;

    [ThreadStatic]
    private static TensorArena? t_active;

    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly List<float[]> _rented = [];

    /// <summary>Floats the arena holds, rented or free.</summary>
    public long RetainedFloats { get; private set; }

    internal static bool IsActive => t_active is not null;

    /// <summary>Routes operation results on this thread to the arena until the returned scope is disposed.</summary>
    /// <exception cref="InvalidOperationException">A scope (of any arena) is already open on this thread.</exception>
    public Scope Activate()
    {
        if (t_active is not null)
        {
            throw new InvalidOperationException("TensorArena.Activate: a tensor arena scope is already open on this thread; scopes do not nest.");
        }

        t_active = this;
        return new Scope(this);
    }

    /// <summary>Storage of <paramref name="length"/> floats with unspecified contents for an operation result.</summary>
    internal static float[] Allocate(int length) =>
        t_active is { } arena && length >= MinimumLength ? arena.Rent(length) : GC.AllocateUninitializedArray<float>(length);

    private float[] Rent(int length)
    {
        if (!_free.TryGetValue(length, out var stack) || !stack.TryPop(out var array))
        {
            array = GC.AllocateUninitializedArray<float>(length);
            RetainedFloats += length;
        }

        _rented.Add(array);
        return array;
    }

    private void Release()
    {
        foreach (var array in _rented)
        {
            if (!_free.TryGetValue(array.Length, out var stack))
            {
                stack = new Stack<float[]>();
                _free[array.Length] = stack;
            }

            stack.Push(array);
        }

        _rented.Clear();
        t_active = null;
    }

    /// <summary>Ends routing and returns every array rented in the scope to the arena.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly TensorArena? _arena;

        internal Scope(TensorArena arena) => _arena = arena;

        public void Dispose()
        {
            if (_arena is not null && ReferenceEquals(t_active, _arena))
            {
                _arena.Release();
            }
        }
    }
}
