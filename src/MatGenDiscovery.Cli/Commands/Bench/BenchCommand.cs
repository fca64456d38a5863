using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Bench;

/// <summary><c>matgen bench …</c>: throughput measurements of the numeric engine.</summary>
public sealed class BenchCommand : Command
{
    public BenchCommand(CliConsole console)
        : base("bench", "Measure the throughput of the tensor engine and the training loop.")
    {
        Subcommands.Add(new BenchGemmCommand(console));
        Subcommands.Add(new BenchTrainStepCommand(console));
    }
}
