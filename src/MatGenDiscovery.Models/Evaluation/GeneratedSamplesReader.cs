using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Reads a generated CSV: a header with a <c>formula</c> column and optional <c>target</c> (the requested property
/// value of a conditional model), <c>count</c> and <c>first_index</c> columns (see <see cref="GeneratedSamples"/>).
/// With a <c>count</c> column, a row with an empty formula holds the number of samples that decoded to nothing.
/// Rows whose formula or target does not parse are counted, not fatal; a malformed count or first index is.
/// </summary>
public static class GeneratedSamplesReader
{
    private const int MaxExamples = 10;

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is empty, has no <c>formula</c> column, or a count or first index is not a non-negative integer.
    /// </exception>
    public static GeneratedSamples Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"generated file '{path}' does not exist", path);
        }

        using var reader = CsvReader.Open(path);
        var header = reader.ReadRecord()
            ?? throw new InvalidDataException($"generated file '{path}' is empty; expected a header with a 'formula' column");
        var formulaColumn = Array.IndexOf(header.Fields, "formula");
        if (formulaColumn < 0)
        {
            throw new InvalidDataException(
                $"generated file '{path}' has no 'formula' column; header is '{string.Join(",", header.Fields)}'");
        }

        var targetColumn = Array.IndexOf(header.Fields, "target");
        var countColumn = Array.IndexOf(header.Fields, "count");
        var firstColumn = Array.IndexOf(header.Fields, "first_index");
        var compositions = new List<Composition>();
        var targets = new List<double?>();
        var counts = new List<int>();
        var firsts = new List<int>();
        var unparsable = 0;
        var undecoded = 0;
        var examples = new List<string>();
        foreach (var record in reader.ReadRecords())
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var formula = Cell(record, formulaColumn);
            var count = countColumn < 0 ? 1 : Integer(path, record, countColumn, "count", minimum: 1);
            if (countColumn >= 0 && string.IsNullOrWhiteSpace(formula))
            {
                undecoded += count;
                continue;
            }

            if (!FormulaParser.TryParse(formula, out var composition) || !TryTarget(record, targetColumn, out var target))
            {
                unparsable++;
                if (examples.Count < MaxExamples)
                {
                    examples.Add(formula);
                }

                continue;
            }

            compositions.Add(composition);
            targets.Add(target);
            counts.Add(count);
            firsts.Add(firstColumn < 0 ? compositions.Count - 1 : Integer(path, record, firstColumn, "first_index", minimum: 0));
        }

        return new GeneratedSamples(
            compositions, targets, unparsable, examples,
            countColumn < 0 ? null : counts, firstColumn < 0 ? null : firsts, undecoded);
    }

    private static string Cell(CsvRecord record, int column) =>
        column < record.Fields.Length ? record.Fields[column] : string.Empty;

    private static int Integer(string path, CsvRecord record, int column, string name, int minimum)
    {
        var text = Cell(record, column);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new InvalidDataException(
                $"generated file '{path}', line {record.LineNumber}: {name} '{text}' is not an integer ≥ {minimum}");
    }

    private static bool TryTarget(CsvRecord record, int column, out double? target)
    {
        target = null;
        if (column < 0 || string.IsNullOrWhiteSpace(Cell(record, column)))
        {
            return true;
        }

        if (double.TryParse(Cell(record, column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            target = value;
            return true;
        }

        return false;
    }
}
