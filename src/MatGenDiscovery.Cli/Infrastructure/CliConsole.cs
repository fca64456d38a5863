using Spectre.Console;

namespace MatGenDiscovery.Cli.Infrastructure;

/// <summary>
/// Where commands write. <see cref="Ansi"/> renders tables and progress for people;
/// <see cref="Out"/> takes raw lines (JSON, CSV paths, summaries) that must never be wrapped or styled;
/// <see cref="Error"/> takes one-line error messages. Tests inject string writers.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(IAnsiConsole ansi, TextWriter output, TextWriter error)
    {
        Ansi = ansi;
        Out = output;
        Error = error;
    }

    public IAnsiConsole Ansi { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when progress bars may be drawn (an interactive terminal, not a test or a pipe).</summary>
    public bool IsInteractive => Ansi.Profile.Capabilities.Interactive;

    /// <summary>
    /// The process's console. When standard output is not a terminal (a pipe, a log file, CI), Spectre would wrap
    /// tables at 80 columns; use <c>COLUMNS</c> if set, otherwise 160.
    /// </summary>
    public static CliConsole FromProcess()
    {
        var ansi = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            ansi.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0
                ? columns
                : RedirectedWidth;
        }

        return new CliConsole(ansi, Console.Out, Console.Error);
    }

    private const int RedirectedWidth = 160;

    public static CliConsole ForWriters(TextWriter output, TextWriter error, int width = 160)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ansi.Profile.Width = width;
        return new CliConsole(ansi, output, error);
    }
}
