using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Cli.Commands.Predict;

/// <summary>
/// Formulas of an input file as <c>validate</c> reads them: a CSV (plain or gzip) whose header has a <c>formula</c>
/// column gives that column; otherwise every non-blank line is a formula. Blank lines are skipped.
/// </summary>
internal static class FormulaFile
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static List<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"input file '{path}' does not exist", path);
        }

        using var reader = CsvReader.Open(path);
        var first = reader.ReadRecord();
        var formulas = new List<string>();
        if (first is null)
        {
            return formulas;
        }

        var column = Array.IndexOf(first.Fields, "formula");
        if (column < 0 && !IsBlank(first))
        {
            formulas.Add(Line(first));
        }

        foreach (var record in reader.ReadRecords())
        {
            if (!IsBlank(record))
            {
                formulas.Add(column < 0 ? Line(record) : column < record.Fields.Length ? record.Fields[column] : string.Empty);
            }
        }

        return formulas;
    }

    private static bool IsBlank(CsvRecord record) => record.Fields.All(string.IsNullOrWhiteSpace);

    private static string Line(CsvRecord record) => record.Fields.Length == 1 ? record.Fields[0] : string.Join(",", record.Fields);
}
