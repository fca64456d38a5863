using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Chemistry.Validity;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Cli.Commands.Validate;

/// <summary>
/// <c>matgen validate --input FILE --output OUT.csv</c>: SMACT charge neutrality and electronegativity balance of each
/// formula. FILE is a CSV (plain or gzip) whose header has a <c>formula</c> column, or one formula per line; blank lines
/// are skipped. OUT.csv keeps input order: <c>formula,reduced_formula,charge_neutral,electronegativity_balanced,error</c>;
/// a formula that cannot be parsed keeps its row with empty validity cells and the reason in <c>error</c>.
/// </summary>
public sealed class ValidateCommand : Command
{
    private const int ChunkSize = 1 << 14;
    private const string Header = "formula,reduced_formula,charge_neutral,electronegativity_balanced,error";

    public ValidateCommand(CliConsole console)
        : base("validate", "Check SMACT charge neutrality and the Pauling electronegativity test for each formula in a file.")
    {
        var input = new Option<string>("--input") { Description = "Formulas: a CSV with a 'formula' column, or one formula per line.", Required = true };
        var output = new Option<string>("--output") { Description = "Output CSV: formula, reduced_formula, charge_neutral, electronegativity_balanced, error.", Required = true };
        var oxidationStates = new Option<string>("--oxidation-states")
        {
            Description = "Oxidation-state set: smact14 (default), icsd16, icsd24 or pymatgen (SMACT's pymatgen_sp).",
            DefaultValueFactory = _ => "smact14",
        };
        var alloys = new Option<bool>("--alloys") { Description = "Count compositions made only of SMACT metals as valid (SMACT's include_alloys)." };
        var unreduced = new Option<bool>("--unreduced") { Description = "Judge the counts as written instead of the reduced formula (Ti2O4 then fails)." };
        Options.Add(input);
        Options.Add(output);
        Options.Add(oxidationStates);
        Options.Add(alloys);
        Options.Add(unreduced);
        SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(console, () => RunAsync(
            console,
            new Settings(
                parseResult.GetValue(input)!,
                parseResult.GetValue(output)!,
                parseResult.GetValue(oxidationStates)!,
                parseResult.GetValue(alloys),
                parseResult.GetValue(unreduced)),
            cancellationToken)));
    }

    public sealed record Settings(string Input, string Output, string OxidationStates, bool Alloys, bool Unreduced);

    /// <remarks>
    /// Three overlapping stages: the next chunk is read while the current one is parsed and checked on every core,
    /// and the previous one is written. Chunks are written in input order.
    /// </remarks>
    internal static async Task<int> RunAsync(CliConsole console, Settings settings, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var validator = new SmactValidator(new ValidityOptions
        {
            OxidationStates = ParseOxidationStates(settings.OxidationStates),
            IncludeAlloys = settings.Alloys,
            Unreduced = settings.Unreduced,
        });
        if (!File.Exists(settings.Input))
        {
            throw new FileNotFoundException($"input file '{settings.Input}' does not exist", settings.Input);
        }

        var tally = new ValidationTally();
        await AtomicFile.WriteAsync(settings.Output, async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            await writer.WriteLineAsync(Header);
            using var chunks = FormulaSource.ReadChunks(settings.Input, ChunkSize).GetEnumerator();
            var next = Task.Run(() => chunks.MoveNext() ? chunks.Current : null, cancellationToken);
            var written = Task.CompletedTask;
            try
            {
                while (await next is { } chunk)
                {
                    next = Task.Run(() => chunks.MoveNext() ? chunks.Current : null, cancellationToken);
                    var rows = new ValidationRow[chunk.Count];
                    Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = Check(validator, chunk[i]));
                    await written;
                    written = Task.Run(() => WriteRows(writer, chunk, rows, tally), cancellationToken);
                }

                await written;
            }
            finally
            {
                // On failure, let the read-ahead and the pending write finish before the reader and writer are disposed.
                await Task.WhenAll(next, written).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        console.Out.WriteLine(tally.Summary(settings.Output, watch.Elapsed));
        return CommandRunner.Success;
    }

    private static OxidationStateSet ParseOxidationStates(string name)
    {
        if (!OxidationStateSets.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new CliException(
                $"unknown --oxidation-states value '{name}'; expected one of {string.Join(", ", OxidationStateSets.Names)}");
        }

        return OxidationStateSets.Parse(name);
    }

    private static ValidationRow Check(SmactValidator validator, string formula)
    {
        if (!FormulaParser.TryParse(formula, validator.Table, out var composition, out var error))
        {
            return new ValidationRow(null, default, error!.Message);
        }

        return new ValidationRow(composition.ReducedFormula, validator.Check(composition), null);
    }

    private static void WriteRows(TextWriter writer, List<string> formulas, ValidationRow[] rows, ValidationTally tally)
    {
        for (var i = 0; i < formulas.Count; i++)
        {
            tally.Add(rows[i]);
            WriteRow(writer, formulas[i], rows[i]);
        }
    }

    private static void WriteRow(TextWriter writer, string formula, ValidationRow row)
    {
        writer.Write(CsvField(formula));
        writer.Write(',');
        if (row.Error is null)
        {
            writer.Write(CsvField(row.ReducedFormula!));
            writer.Write(row.Validity.ChargeNeutral ? ",true" : ",false");
            writer.Write(row.Validity.ElectronegativityBalanced ? ",true," : ",false,");
        }
        else
        {
            writer.Write(",,,");
            writer.Write(CsvField(row.Error));
        }

        writer.Write('\n');
    }

    internal static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    private readonly record struct ValidationRow(string? ReducedFormula, ValidityResult Validity, string? Error);

    private sealed class ValidationTally
    {
        private long _total;
        private long _neutral;
        private long _balanced;
        private long _unparsable;

        public void Add(ValidationRow row)
        {
            _total++;
            _unparsable += row.Error is null ? 0 : 1;
            _neutral += row.Validity.ChargeNeutral ? 1 : 0;
            _balanced += row.Validity.ElectronegativityBalanced ? 1 : 0;
        }

        public string Summary(string output, TimeSpan elapsed) =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"validated {_total} formulas: {_neutral} charge-neutral ({Percent(_neutral)}), {_balanced} electronegativity-balanced ({Percent(_balanced)}), {_unparsable} unparsable; wrote {output} in {elapsed.TotalSeconds:F2} s");

        private string Percent(long count) =>
            (_total == 0 ? 0 : 100.0 * count / _total).ToString("F2", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Streams formulas in input order, in chunks, from a <c>formula</c>-column CSV or a one-per-line file.</summary>
    private static class FormulaSource
    {
        public static IEnumerable<List<string>> ReadChunks(string path, int chunkSize)
        {
            using var reader = CsvReader.Open(path);
            var first = reader.ReadRecord();
            if (first is null)
            {
                yield break;
            }

            var column = Array.IndexOf(first.Fields, "formula");
            var chunk = new List<string>(chunkSize);
            if (column < 0 && !first.Fields.All(string.IsNullOrWhiteSpace))
            {
                chunk.Add(Line(first));
            }

            foreach (var record in reader.ReadRecords())
            {
                if (record.Fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                chunk.Add(column < 0 ? Line(record) : Cell(record, column));
                if (chunk.Count == chunkSize)
                {
                    yield return chunk;
                    chunk = new List<string>(chunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }

        private static string Line(CsvRecord record) =>
            record.Fields.Length == 1 ? record.Fields[0] : string.Join(",", record.Fields);

        // A row too short for the formula column becomes an empty formula: it keeps its place and reports the error.
        private static string Cell(CsvRecord record, int column) =>
            column < record.Fields.Length ? record.Fields[column] : string.Empty;
    }
}
