namespace MatGenDiscovery.Cli.Infrastructure;

/// <summary>A user-facing failure: printed as one line on stderr, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
