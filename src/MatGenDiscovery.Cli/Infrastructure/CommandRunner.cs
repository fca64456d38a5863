using System.Text.Json;
using MatGenDiscovery.Chemistry;

namespace MatGenDiscovery.Cli.Infrastructure;

/// <summary>
/// Runs a command body and turns the failures a user can cause (bad files, bad formulas, bad options)
/// into one line on stderr and exit code 1. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class CommandRunner
{
    public const int Success = 0;
    public const int Failure = 1;

    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return Failure;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("error: cancelled");
            return Failure;
        }
    }

    /// <summary>
    /// Runs a synchronous body on the thread pool, so the invocation returns a running task at once: System.CommandLine's
    /// Ctrl+C / SIGTERM handler can only wait for a command it has a task for, and otherwise ends the process at once
    /// (before a training run writes its checkpoint).
    /// </summary>
    public static Task<int> RunAsync(CliConsole console, Func<int> body) =>
        RunAsync(console, () => Task.Run(body));

    private static bool IsUserError(Exception ex) => ex is
        CliException or
        ChemistryException or
        IOException or
        InvalidDataException or
        JsonException or
        UnauthorizedAccessException or
        ArgumentException or
        FormatException;
}
