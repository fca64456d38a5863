using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Datasets.Loading;
using MatGenDiscovery.Datasets.Statistics;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Datasets;

/// <summary><c>matgen datasets stats NAME [--json]</c>: composition and property statistics of one bundled table.</summary>
public sealed class DatasetsStatsCommand : Command
{
    public DatasetsStatsCommand(CliConsole console, DataDirectory data)
        : base("stats", "Compute statistics of one bundled dataset: unique formulas, arity, max count, property ranges, SMACT validity.")
    {
        var name = new Argument<string>("name") { Description = $"Dataset name: {string.Join(", ", DatasetCatalog.Names)}." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object instead of tables." };
        var oxidationStates = new Option<string>("--oxidation-states")
        {
            Description = $"Oxidation-state set of the validity shares: {string.Join(", ", OxidationStateSets.Names)}.",
            DefaultValueFactory = _ => "smact14",
        };
        Arguments.Add(name);
        Options.Add(json);
        Options.Add(oxidationStates);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () => Run(console, data, new Settings(
            parseResult.GetValue(name)!, parseResult.GetValue(json), parseResult.GetValue(oxidationStates)!))));
    }

    public sealed record Settings(string Name, bool Json, string OxidationStates);

    internal static int Run(CliConsole console, DataDirectory data, Settings settings)
    {
        var descriptor = DatasetCatalog.Get(settings.Name);
        var validator = new SmactValidator(new ValidityOptions { OxidationStates = OxidationStateSets.Parse(settings.OxidationStates) });
        var dataset = DatasetLoader.LoadFile(
            data.File(descriptor.FileName), descriptor.Name, descriptor.FormulaColumn, descriptor.PropertyColumns);
        var stats = DatasetStatisticsCalculator.Compute(dataset, validator);
        if (settings.Json)
        {
            console.Out.WriteLine(ToJson(stats, dataset));
        }
        else
        {
            WriteTables(console.Ansi, stats, dataset);
        }

        return CommandRunner.Success;
    }

    private static string ToJson(DatasetStatistics stats, Dataset dataset) => JsonSerializer.Serialize(new
    {
        name = stats.Name,
        rows = stats.Rows,
        unique_formulas = stats.UniqueFormulas,
        elements = stats.Elements.Count,
        element_symbols = stats.Elements,
        arity_histogram = stats.ArityHistogram.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
        max_count = stats.MaxCount,
        max_count_formula = stats.MaxCountFormula,
        non_integral_formulas = stats.NonIntegralFormulas,
        properties = stats.Properties.ToDictionary(p => p.Key, p => new { count = p.Value.Count, min = p.Value.Min, max = p.Value.Max, median = p.Value.Median }),
        validity = stats.Validity is null ? null : new
        {
            oxidation_states = stats.Validity.OxidationStateSet,
            charge_neutral = stats.Validity.ChargeNeutral,
            electronegativity_balanced = stats.Validity.ElectronegativityBalanced,
        },
        errors = stats.Errors,
        error_examples = dataset.Errors.Take(5).Select(e => e.ToString()),
    });

    private static void WriteTables(IAnsiConsole ansi, DatasetStatistics stats, Dataset dataset)
    {
        var unique = (double)Math.Max(stats.UniqueFormulas, 1);
        var summary = new Table().AddColumns("statistic", "value");
        summary.AddRow("dataset", Markup.Escape(stats.Name));
        summary.AddRow("rows", Number(stats.Rows));
        summary.AddRow("unique reduced formulas", Number(stats.UniqueFormulas));
        summary.AddRow("elements", Number(stats.Elements.Count));
        summary.AddRow("max count", Markup.Escape($"{stats.MaxCount} ({stats.MaxCountFormula ?? "-"})"));
        summary.AddRow("non-integral formulas", Number(stats.NonIntegralFormulas));
        if (stats.Validity is { } validity)
        {
            summary.AddRow($"charge neutral ({validity.OxidationStateSet})", Percent(validity.ChargeNeutral));
            summary.AddRow($"electronegativity balanced ({validity.OxidationStateSet})", Percent(validity.ElectronegativityBalanced));
        }

        summary.AddRow("row errors", Number(stats.Errors));
        ansi.Write(summary);

        var arity = new Table().AddColumns("arity", "formulas", "share");
        foreach (var (elements, count) in stats.ArityHistogram)
        {
            arity.AddRow(elements.ToString(CultureInfo.InvariantCulture), Number(count), Percent(count / unique));
        }

        ansi.Write(arity);
        if (stats.Properties.Count > 0)
        {
            var properties = new Table().AddColumns("property", "count", "min", "max", "median");
            foreach (var (name, p) in stats.Properties)
            {
                properties.AddRow(Markup.Escape(name), Number(p.Count), Value(p.Min), Value(p.Max), Value(p.Median));
            }

            ansi.Write(properties);
        }

        foreach (var error in dataset.Errors.Take(5))
        {
            ansi.MarkupLine($"[yellow]{Markup.Escape(error.ToString())}[/]");
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Value(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "-";
}
