using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Grains;

/// <summary><c>matgen grains query TYPE KEY</c>: persisted grain state.</summary>
public sealed class GrainsCommand : Command
{
    public GrainsCommand(CliConsole console, DataDirectory data)
        : base("grains", "Inspect persisted grain state in a store.")
    {
        Subcommands.Add(new GrainsQueryCommand(console, data));
    }
}
