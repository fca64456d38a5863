using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Reads a generated CSV: a header with a <c>formula</c> column and an optional <c>target</c> column (the requested
/// property value of a conditional model). Rows whose formula does not parse are counted, not fatal; an unparsable
/// target is treated the same way.
/// </summary>
public static class GeneratedSamplesReader
{
    private const int MaxExamples = 10;

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty or has no <c>formula</c> column.</exception>
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
        var compositions = new List<Composition>();
        var targets = new List<double?>();
        var unparsable = 0;
        var examples = new List<string>();
        foreach (var record in reader.ReadRecords())
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var formula = Cell(record, formulaColumn);
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
        }

        return new GeneratedSamples(compositions, targets, unparsable, examples);
    }

    private static string Cell(CsvRecord record, int column) =>
        column < record.Fields.Length ? record.Fields[column] : string.Empty;

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
