using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Datasets.Csv;
using MatGenDiscovery.Models.Featurization;

namespace MatGenDiscovery.Cli.Commands.Featurize;

/// <summary>
/// <c>matgen featurize --input FILE --output OUT.csv</c>: the 145 Magpie features of each formula. FILE is either
/// a CSV (plain or gzip) with a <c>formula</c> column, or one formula per line. OUT.csv has <c>formula</c>, the 145
/// features (shortest round-trip invariant numbers, <c>NaN</c> where matminer gives NaN) and <c>error</c>; a formula
/// that cannot be parsed keeps its row with empty features and the reason in <c>error</c>.
/// </summary>
public sealed class FeaturizeCommand : Command
{
    private const int Chunk = 8192;

    public FeaturizeCommand(CliConsole console)
        : base("featurize", "Compute the 145 Magpie features (matminer's magpie preset) of each formula in a file.")
    {
        var input = new Option<string>("--input") { Description = "Formulas: a CSV with a 'formula' column, or one formula per line.", Required = true };
        var output = new Option<string>("--output") { Description = "Output CSV: formula, 145 feature columns, error.", Required = true };
        Options.Add(input);
        Options.Add(output);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () =>
            Run(console, new Settings(parseResult.GetValue(input)!, parseResult.GetValue(output)!))));
    }

    public sealed record Settings(string Input, string Output);

    internal static int Run(CliConsole console, Settings settings)
    {
        var watch = Stopwatch.StartNew();
        var formulas = ReadFormulas(settings.Input);
        var featurizer = MagpieFeaturizer.CreateDefault();
        var errors = 0;
        AtomicFile.Write(settings.Output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.WriteLine("formula," + string.Join(",", MagpieFeatureNames.All.Select(Csv)) + ",error");
            var features = new double[Chunk * MagpieFeatureNames.Count];
            var messages = new string?[Chunk];
            for (var start = 0; start < formulas.Count; start += Chunk)
            {
                var count = Math.Min(Chunk, formulas.Count - start);
                Parallel.For(0, count, i => messages[i] = Featurize(
                    featurizer, formulas[start + i], features.AsSpan(i * MagpieFeatureNames.Count, MagpieFeatureNames.Count)));
                for (var i = 0; i < count; i++)
                {
                    errors += messages[i] is null ? 0 : 1;
                    WriteRow(writer, formulas[start + i], features.AsSpan(i * MagpieFeatureNames.Count, MagpieFeatureNames.Count), messages[i]);
                }
            }
        });
        console.Out.WriteLine(
            $"featurized {formulas.Count - errors} of {formulas.Count} formulas ({errors} errors) into {settings.Output} " +
            $"with {MagpieFeatureNames.Count} Magpie features in {watch.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        return CommandRunner.Success;
    }

    /// <summary>A CSV whose header has a <c>formula</c> column gives that column; otherwise every non-blank line is a formula.</summary>
    private static List<string> ReadFormulas(string path)
    {
        using var reader = CsvReader.Open(path);
        var first = reader.ReadRecord();
        if (first is null)
        {
            return [];
        }

        var column = Array.IndexOf(first.Fields, "formula");
        if (column < 0)
        {
            var lines = new List<string> { Line(first) };
            lines.AddRange(reader.ReadRecords().Select(Line));
            return lines.Where(line => line.Length > 0).ToList();
        }

        return reader.ReadRecords()
            .Select(record => column < record.Fields.Length
                ? record.Fields[column]
                : throw new InvalidDataException($"'{path}' line {record.LineNumber}: no value in the 'formula' column"))
            .ToList();
    }

    private static string Line(CsvRecord record) => string.Join(",", record.Fields).Trim();

    private static string? Featurize(MagpieFeaturizer featurizer, string formula, Span<double> destination)
    {
        if (!FormulaParser.TryParse(formula, ElementTable.Default, out var composition, out var error))
        {
            return error!.Message;
        }

        featurizer.Featurize(composition, destination);
        return null;
    }

    private static void WriteRow(StreamWriter writer, string formula, ReadOnlySpan<double> features, string? error)
    {
        Span<char> buffer = stackalloc char[32];
        writer.Write(Csv(formula));
        for (var i = 0; i < features.Length; i++)
        {
            writer.Write(',');
            if (error is null)
            {
                features[i].TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
            }
        }

        writer.Write(',');
        if (error is not null)
        {
            writer.Write(Csv(error));
        }

        writer.WriteLine();
    }

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
