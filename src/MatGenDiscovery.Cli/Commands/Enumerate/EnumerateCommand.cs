using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Enumeration;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Cli.Infrastructure;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Enumerate;

/// <summary>
/// <c>matgen enumerate --arity N --max-count M</c>: the exhaustive baseline — every reduced composition of N distinct
/// elements with counts 1..M — and how many pass SMACT's charge-neutrality and electronegativity tests.
/// </summary>
public sealed class EnumerateCommand : Command
{
    public EnumerateCommand(CliConsole console)
        : base("enumerate", "Enumerate every composition of N elements with counts 1..M and count the SMACT-valid ones.")
    {
        var arity = new Option<int>("--arity") { Description = "Number of distinct elements per composition (N ≥ 1).", Required = true };
        var maxCount = new Option<int>("--max-count") { Description = "Largest count of any element (M ≥ 1); counts run 1..M with gcd 1.", Required = true };
        var oxidationStates = new Option<string>("--oxidation-states")
        {
            Description = "Oxidation-state set: smact14 (default), icsd16, icsd24 or pymatgen (SMACT's pymatgen_sp).",
            DefaultValueFactory = _ => "smact14",
        };
        var elements = new Option<string>("--elements")
        {
            Description = "Element set: matgan85 (MatGAN's 85 elements, default) or all (every element with a state in the chosen set).",
            DefaultValueFactory = _ => "matgan85",
        };
        var alloys = new Option<bool>("--alloys") { Description = "Count compositions made only of SMACT metals as valid (SMACT's include_alloys)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line instead of a table." };
        Options.Add(arity);
        Options.Add(maxCount);
        Options.Add(oxidationStates);
        Options.Add(elements);
        Options.Add(alloys);
        Options.Add(json);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => Run(
            console,
            new Settings(
                parseResult.GetValue(arity),
                parseResult.GetValue(maxCount),
                parseResult.GetValue(oxidationStates)!,
                parseResult.GetValue(elements)!,
                parseResult.GetValue(alloys),
                parseResult.GetValue(json)),
            cancellationToken)));
    }

    public sealed record Settings(int Arity, int MaxCount, string OxidationStates, string Elements, bool Alloys, bool Json);

    internal static int Run(CliConsole console, Settings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Arity < 1)
        {
            throw new CliException($"--arity must be at least 1, got {settings.Arity}");
        }

        if (settings.MaxCount < 1)
        {
            throw new CliException($"--max-count must be at least 1, got {settings.MaxCount}");
        }

        if (!OxidationStateSets.Names.Contains(settings.OxidationStates, StringComparer.OrdinalIgnoreCase))
        {
            throw new CliException(
                $"unknown --oxidation-states value '{settings.OxidationStates}'; expected one of {string.Join(", ", OxidationStateSets.Names)}");
        }

        var set = OxidationStateSets.Parse(settings.OxidationStates);
        var elements = settings.Elements.ToLowerInvariant() switch
        {
            "matgan85" => ElementSets.MatGan85,
            "all" => CompositionEnumerator.ElementsWithOxidationStates(set),
            _ => throw new CliException($"unknown --elements value '{settings.Elements}'; expected matgan85 or all"),
        };
        if (settings.Arity > elements.Count)
        {
            throw new CliException($"--arity {settings.Arity} exceeds the {elements.Count} elements of set '{settings.Elements}'");
        }

        var validator = new SmactValidator(new ValidityOptions { OxidationStates = set, IncludeAlloys = settings.Alloys });
        var summary = new CompositionEnumerator(validator, elements)
            .Count(settings.Arity, settings.MaxCount, cancellationToken: cancellationToken);
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                arity = summary.Arity,
                max_count = summary.MaxCount,
                compositions = summary.Compositions,
                charge_neutral = summary.ChargeNeutral,
                electronegativity_balanced = summary.ElectronegativityBalanced,
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
            }));
        }
        else
        {
            console.Ansi.Write(Table(summary, settings));
        }

        return CommandRunner.Success;
    }

    private static Table Table(EnumerationSummary summary, Settings settings)
    {
        var table = new Table().AddColumn("enumeration").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("arity", summary.Arity.ToString(CultureInfo.InvariantCulture));
        table.AddRow("max count", summary.MaxCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("elements", $"{settings.Elements} ({summary.ElementCount})");
        table.AddRow("oxidation states", settings.OxidationStates + (settings.Alloys ? " + alloys" : string.Empty));
        table.AddRow("compositions", Number(summary.Compositions));
        table.AddRow("charge-neutral", $"{Number(summary.ChargeNeutral)} ({Percent(summary.ChargeNeutralShare)})");
        table.AddRow("electronegativity-balanced", $"{Number(summary.ElectronegativityBalanced)} ({Percent(summary.ElectronegativityBalancedShare)})");
        table.AddRow("seconds", summary.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        return table;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (100 * share).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
