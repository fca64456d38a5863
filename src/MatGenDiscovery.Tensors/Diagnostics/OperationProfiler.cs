using System.Diagnostics;

namespace MatGenDiscovery.Tensors.Diagnostics;

/// <summary>
/// Opt-in per-operation timing and allocation counts. Operations open a <see cref="ProfilerScope"/> that costs one
/// static read while profiling is off. Times and bytes are exclusive: a nested operation's share (e.g. the matrix
/// products inside a backward) is charged to it, not to the enclosing one. Only the thread that starts profiling is
/// recorded; work that kernels hand to other threads is charged to the calling operation's wall-clock time.
/// </summary>
public static class OperationProfiler
{
    private static readonly Dictionary<string, Accumulator> Totals = new(StringComparer.Ordinal);
    private static readonly List<Frame> Stack = [];
    private static readonly Dictionary<string, string> BackwardNames = new(StringComparer.Ordinal);
    private static volatile bool s_enabled;
    private static int s_threadId;
    private static long s_startTimestamp;
    private static long s_startAllocated;

    public static bool IsEnabled => s_enabled;

    /// <summary>Clears previous counts and starts recording operations run on the calling thread.</summary>
    /// <exception cref="InvalidOperationException">Profiling is already running.</exception>
    public static void Start()
    {
        if (s_enabled)
        {
            throw new InvalidOperationException("OperationProfiler.Start: profiling is already running; call Stop first.");
        }

        Totals.Clear();
        Stack.Clear();
        s_threadId = Environment.CurrentManagedThreadId;
        s_startAllocated = GC.GetAllocatedBytesForCurrentThread();
        s_startTimestamp = Stopwatch.GetTimestamp();
        s_enabled = true;
    }

    /// <summary>Stops recording and returns the counts since <see cref="Start"/>, most expensive first.</summary>
    /// <exception cref="InvalidOperationException">Profiling is not running or is stopped from another thread.</exception>
    public static OperationProfile Stop()
    {
        if (!s_enabled || Environment.CurrentManagedThreadId != s_threadId)
        {
            throw new InvalidOperationException("OperationProfiler.Stop: profiling is not running on this thread.");
        }

        s_enabled = false;
        var elapsed = Stopwatch.GetElapsedTime(s_startTimestamp);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - s_startAllocated;
        var operations = Totals
            .Select(pair => new OperationStatistics(
                pair.Key, pair.Value.Calls, Stopwatch.GetElapsedTime(0, pair.Value.Ticks), pair.Value.Bytes))
            .OrderByDescending(statistics => statistics.Time)
            .ToList();
        return new OperationProfile(operations, elapsed, allocated);
    }

    /// <summary>
    /// Opens a scope charged to <paramref name="name"/> until disposed (<c>using var scope = Measure("Conv2d");</c>);
    /// a no-op unless profiling runs on this thread.
    /// </summary>
    public static ProfilerScope Measure(string name) =>
        s_enabled && Environment.CurrentManagedThreadId == s_threadId ? Open(name) : default;

    /// <summary>A scope for the backward function of the operation <paramref name="name"/>, charged to "name.Backward".</summary>
    internal static ProfilerScope MeasureBackward(string name)
    {
        if (!s_enabled || Environment.CurrentManagedThreadId != s_threadId)
        {
            return default;
        }

        if (!BackwardNames.TryGetValue(name, out var backwardName))
        {
            backwardName = name + ".Backward";
            BackwardNames[name] = backwardName;
        }

        return Open(backwardName);
    }

    private static ProfilerScope Open(string name)
    {
        Stack.Add(new Frame(name, Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread()));
        return new ProfilerScope(Stack.Count);
    }

    internal static void Close(int depth)
    {
        if (!s_enabled || Stack.Count != depth)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var frame = Stack[depth - 1];
        Stack.RemoveAt(depth - 1);
        var ticks = now - frame.StartTimestamp;
        var bytes = allocated - frame.StartAllocated;
        if (!Totals.TryGetValue(frame.Name, out var total))
        {
            total = new Accumulator();
            Totals[frame.Name] = total;
        }

        total.Calls++;
        total.Ticks += ticks - frame.ChildTicks;
        total.Bytes += bytes - frame.ChildBytes;
        if (depth >= 2)
        {
            var parent = Stack[depth - 2];
            Stack[depth - 2] = parent with { ChildTicks = parent.ChildTicks + ticks, ChildBytes = parent.ChildBytes + bytes };
        }
    }

    private record struct Frame(string Name, long StartTimestamp, long StartAllocated, long ChildTicks = 0, long ChildBytes = 0);

    private sealed class Accumulator
    {
        public int Calls;
        public long Ticks;
        public long Bytes;
    }
}
