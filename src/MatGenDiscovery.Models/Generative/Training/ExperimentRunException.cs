namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>An output folder that cannot take this run (another experiment's folder, nothing to resume, ...).</summary>
public sealed class ExperimentRunException(string message) : InvalidOperationException(message);
