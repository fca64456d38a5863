using System.CommandLine;
using MatGenDiscovery.Cli.Infrastructure;

namespace MatGenDiscovery.Cli.Commands.Predictor;

/// <summary><c>matgen predictor …</c>: property predictors (GBDT on Magpie features, ElemNet-style MLP) with ensemble uncertainty.</summary>
public sealed class PredictorCommand : Command
{
    public PredictorCommand(CliConsole console, DataDirectory data)
        : base("predictor", "Train property predictors with ensemble uncertainty.")
    {
        Subcommands.Add(new PredictorTrainCommand(console, data));
    }
}
