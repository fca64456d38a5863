namespace MatGenDiscovery.Tensors.Diagnostics;

/// <summary>An open <see cref="OperationProfiler"/> measurement; the default value measures nothing.</summary>
public readonly struct ProfilerScope(int depth) : IDisposable
{
    public void Dispose()
    {
        if (depth != 0)
        {
            OperationProfiler.Close(depth);
        }
    }
}
