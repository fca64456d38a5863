using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Reads a generated CSV: a header with a <c>formula</c> column and optional <c>target</c> (the requested property
/// value of a conditional model), <c>count</c> and <c>first_index</c> columns (see <see cref="GeneratedSamples"/>).
/// With a <c>count</c> column, a row with an empty formula holds the number of samples that decoded to nothing.
/// Rows whose formula or target does not parse are counted, not fatal; a malformed count or first index is, and so is
/// a first index that repeats another row's or lies beyond the samples the file counts (a sample is the first of one
/// row at most), as in parts joined without shifting their indices.
/// </summary>
public static class GeneratedSamplesReader
{
    private const int MaxExamples = 10;

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is empty, has no <c>formula</c> column, a count or first index is not a non-negative integer, or the
    /// first indices repeat or exceed the samples counted.
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
        var samples = 0L;
        var firstLines = new Dictionary<int, int>();
        var last = (Index: -1, Line: 0);
        foreach (var record in reader.ReadRecords())
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var formula = Cell(record, formulaColumn);
            var count = countColumn < 0 ? 1 : Integer(path, record, countColumn, "count", minimum: 1);
            samples += count;
            if (countColumn >= 0 && string.IsNullOrWhiteSpace(formula))
            {
                undecoded += count;
                if (firstColumn >= 0)
                {
                    Claim(path, record, Integer(path, record, firstColumn, "first_index", minimum: 0), firstLines, ref last);
                }

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
            firsts.Add(firstColumn < 0 ? compositions.Count - 1 : Claim(path, record, Integer(path, record, firstColumn, "first_index", minimum: 0), firstLines, ref last));
        }

        if (firstColumn >= 0 && last.Index >= samples)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"generated file '{path}', line {last.Line}: first_index {last.Index} is beyond the {samples} samples the file counts"));
        }

        return new GeneratedSamples(
            compositions, targets, unparsable, examples,
            countColumn < 0 ? null : counts, firstColumn < 0 ? null : firsts, undecoded);
    }

    /// <summary>Records that <paramref name="index"/> is the first sample of this line's row; keeps the largest seen.</summary>
    private static int Claim(string path, CsvRecord record, int index, Dictionary<int, int> firstLines, ref (int Index, int Line) last)
    {
        if (!firstLines.TryAdd(index, record.LineNumber))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"generated file '{path}', line {record.LineNumber}: first_index {index} repeats line {firstLines[index]}'s; a sample is the first of one row at most (were parts joined without shifting their indices? matgen generate --target takes several values)"));
        }

        if (index > last.Index)
        {
            last = (index, record.LineNumber);
        }

        return index;
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
