namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>A saved model's format version or feature-set id differs from what the caller expects.</summary>
public sealed class IncompatibleModelException : Exception
{
    public IncompatibleModelException(string filePath, string expected, string actual, string message)
        : base(message)
    {
        FilePath = filePath;
        Expected = expected;
        Actual = actual;
    }

    public string FilePath { get; }

    public string Expected { get; }

    public string Actual { get; }
}
