using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Datasets;

/// <summary><c>matgen datasets list|stats</c>: the bundled composition tables.</summary>
public sealed class DatasetsCommand : Command
{
    public DatasetsCommand(CliConsole console, DataDirectory data)
        : base("datasets", "List the bundled composition datasets and compute their statistics.")
    {
        Subcommands.Add(new DatasetsListCommand(console, data));
        Subcommands.Add(new DatasetsStatsCommand(console, data));
    }
}
