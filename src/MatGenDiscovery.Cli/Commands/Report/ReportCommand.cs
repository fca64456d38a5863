using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Report;

/// <summary><c>matgen report …</c>: reports built from stored experiment runs.</summary>
public sealed class ReportCommand : Command
{
    public ReportCommand(CliConsole console, DataDirectory data)
        : base("report", "Build reports from stored experiment runs.")
    {
        Subcommands.Add(new ReportPapersCommand(console, data));
    }
}
