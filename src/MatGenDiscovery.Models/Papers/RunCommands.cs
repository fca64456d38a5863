using System.Globalization;

namespace MatGenDiscovery.Models.Papers;

/// <summary>The <c>matgen</c> commands that produce a run in the layout the report reads (<c>RUNS/&lt;experiment&gt;/</c>).</summary>
public static class RunCommands
{
    /// <summary>File names inside a run folder, beside what <c>matgen train</c> writes.</summary>
    public const string GeneratedFile = "generated.csv";

    public const string EvaluationFile = "evaluation.json";

    /// <summary>Targets (eV/atom) requested from the conditional models, as in Sawada et al.'s Fig. 1A (three targets).</summary>
    public static readonly IReadOnlyList<double> ConditionalTargets = [-3.0, -2.0, -1.0];

    public static IReadOnlyList<string> Produce(string runsFolder, string family, bool conditional, int samples = 20000, string extraEvaluate = "")
    {
        var run = $"{runsFolder}/{family}";
        var commands = new List<string> { $"matgen train --config experiments/{family}.json --output {run}" };
        commands.Add(conditional
            ? $"matgen generate --checkpoint {run} --count {samples / ConditionalTargets.Count} --target {string.Join(" ", ConditionalTargets.Select(t => t.ToString(CultureInfo.InvariantCulture)))} --output {run}/{GeneratedFile}"
            : $"matgen generate --checkpoint {run} --count {samples} --output {run}/{GeneratedFile}");

        commands.Add($"matgen evaluate --generated {run}/{GeneratedFile} --config {run}/config.json --json {run}/{EvaluationFile}{extraEvaluate}");
        return commands;
    }
}
