using System.CommandLine;
using System.Text.Json;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Datasets.Loading;
using Spectre.Console;

namespace MatGenDiscovery.Cli.Commands.Datasets;

/// <summary><c>matgen datasets list [--json]</c>: name, file, rows, properties and description of each bundled table.</summary>
public sealed class DatasetsListCommand : Command
{
    public DatasetsListCommand(CliConsole console, DataDirectory data)
        : base("list", "List the bundled datasets with their files, row counts and property columns.")
    {
        var json = new Option<bool>("--json") { Description = "Write one JSON array instead of a table." };
        Options.Add(json);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () =>
            Run(console, data, new Settings(parseResult.GetValue(json)))));
    }

    public sealed record Settings(bool Json);

    internal static int Run(CliConsole console, DataDirectory data, Settings settings)
    {
        var entries = DatasetCatalog.All
            .Select(d => (Descriptor: d, Rows: DatasetLoader.CountRows(data.File(d.FileName))))
            .ToList();
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
            {
                name = e.Descriptor.Name,
                file = e.Descriptor.FileName,
                rows = e.Rows,
                formula_column = e.Descriptor.FormulaColumn,
                properties = e.Descriptor.PropertyColumns,
                description = e.Descriptor.Description,
            })));
            return CommandRunner.Success;
        }

        var table = new Table().AddColumns("name", "file", "rows", "properties", "description");
        table.Columns[2].RightAligned();
        foreach (var (descriptor, rows) in entries)
        {
            table.AddRow(
                Markup.Escape(descriptor.Name),
                Markup.Escape(descriptor.FileName),
                rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(descriptor.PropertyColumns.Count == 0 ? "-" : string.Join(", ", descriptor.PropertyColumns)),
                Markup.Escape(descriptor.Description));
        }

        console.Ansi.Write(table);
        return CommandRunner.Success;
    }
}
