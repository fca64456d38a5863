using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Families;

/// <summary><c>matgen families top</c>: candidate families (chemical systems) found by campaigns.</summary>
public sealed class FamiliesCommand : Command
{
    public FamiliesCommand(CliConsole console, DataDirectory data)
        : base("families", "Inspect the candidate families (chemical systems) of a campaign.")
    {
        Subcommands.Add(new FamiliesTopCommand(console, data));
    }
}
