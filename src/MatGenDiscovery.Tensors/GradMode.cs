namespace MatGenDiscovery.Tensors;

/// <summary>Thread-static switch deciding whether operations record gradient nodes.</summary>
public static class GradMode
{
    [ThreadStatic]
    private static int t_disabledDepth;

    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Stops recording until the returned scope is disposed; scopes nest.</summary>
    public static Scope Disable()
    {
        t_disabledDepth++;
        return new Scope(true);
    }

    /// <summary>Re-enables recording inside a no-grad region until disposed (used for create-graph backward).</summary>
    internal static Scope Enable()
    {
        var saved = t_disabledDepth;
        t_disabledDepth = 0;
        return new Scope(false, saved);
    }

    public readonly struct Scope : IDisposable
    {
        private readonly bool _isDisable;
        private readonly int _savedDepth;

        internal Scope(bool isDisable, int savedDepth = 0)
        {
            _isDisable = isDisable;
            _savedDepth = savedDepth;
        }

        public void Dispose()
        {
            if (_isDisable)
            {
                t_disabledDepth--;
            }
            else
            {
                t_disabledDepth = _savedDepth;
            }
        }
    }
}
