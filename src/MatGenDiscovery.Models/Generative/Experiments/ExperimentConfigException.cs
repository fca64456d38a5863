namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>An experiment config that cannot be read or is inconsistent; the message names the file and the field.</summary>
public sealed class ExperimentConfigException(string message, Exception? inner = null) : ArgumentException(message, inner);
