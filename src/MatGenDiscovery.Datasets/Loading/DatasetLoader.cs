using System.Globalization;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Datasets.Catalog;
using MatGenDiscovery.Datasets.Csv;

namespace MatGenDiscovery.Datasets.Loading;

/// <summary>
/// Reads a composition table (plain or gzip CSV): each formula through the chemistry <see cref="FormulaParser"/>,
/// each property cell as a nullable double (empty → null). A bad row is recorded as a <see cref="DatasetRowError"/>
/// and skipped; only a missing file or a header without the required columns throws.
/// </summary>
public static class DatasetLoader
{
    private const int ParallelBatch = 4096;

    /// <summary>Loads a catalogued dataset from the folder holding the bundled data.</summary>
    /// <exception cref="UnknownDatasetException">The name is not in <see cref="DatasetCatalog"/>.</exception>
    /// <exception cref="FileNotFoundException">The file is not in the folder.</exception>
    /// <exception cref="InvalidDataException">The header lacks the formula or a property column.</exception>
    public static Dataset Load(string dataFolder, string name) => Load(dataFolder, DatasetCatalog.Get(name));

    /// <inheritdoc cref="Load(string, string)"/>
    public static Dataset Load(string dataFolder, DatasetDescriptor descriptor) =>
        LoadFile(Path.Combine(dataFolder, descriptor.FileName), descriptor.Name, descriptor.FormulaColumn, descriptor.PropertyColumns);

    /// <summary>Loads any CSV with a formula column and the given numeric property columns.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty or its header lacks a required column.</exception>
    public static Dataset LoadFile(string path, string name, string formulaColumn, IReadOnlyList<string> propertyColumns)
    {
        using var reader = CsvReader.Open(path);
        var header = reader.ReadRecord() ?? throw new InvalidDataException($"'{path}' is empty: expected a header line");
        var formulaIndex = ColumnIndex(header, formulaColumn, path);
        var propertyIndices = propertyColumns.Select(column => ColumnIndex(header, column, path)).ToArray();
        var width = header.Fields.Length;

        var rows = new List<DatasetRow>();
        var errors = new List<DatasetRowError>();
        var batch = new List<CsvRecord>(ParallelBatch);
        var pending = Task.CompletedTask;
        foreach (var record in reader.ReadRecords())
        {
            batch.Add(record);
            if (batch.Count == ParallelBatch)
            {
                // Parse this batch on the pool while the reader decompresses and splits the next one.
                pending.GetAwaiter().GetResult();
                var full = batch;
                pending = Task.Run(() => Parse(full, width, formulaIndex, propertyIndices, propertyColumns, rows, errors));
                batch = new List<CsvRecord>(ParallelBatch);
            }
        }

        pending.GetAwaiter().GetResult();
        Parse(batch, width, formulaIndex, propertyIndices, propertyColumns, rows, errors);
        return new Dataset(name, propertyColumns.ToArray(), rows, errors);
    }

    /// <summary>Number of records after the header, without parsing formulas.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static int CountRows(string path)
    {
        using var reader = CsvReader.Open(path);
        var count = -1;
        while (reader.ReadRecord() is not null)
        {
            count++;
        }

        return Math.Max(count, 0);
    }

    /// <summary>Parses a batch of records on the thread pool (formula parsing dominates) and appends them in file order.</summary>
    private static void Parse(
        List<CsvRecord> batch, int width, int formulaIndex, int[] propertyIndices, IReadOnlyList<string> propertyColumns,
        List<DatasetRow> rows, List<DatasetRowError> errors)
    {
        var results = new (DatasetRow? Row, DatasetRowError? Error)[batch.Count];
        Parallel.For(0, batch.Count, i => results[i] = ParseRecord(batch[i], width, formulaIndex, propertyIndices, propertyColumns));
        foreach (var (row, error) in results)
        {
            if (row is not null)
            {
                rows.Add(row);
            }
            else
            {
                errors.Add(error!);
            }
        }
    }

    private static (DatasetRow? Row, DatasetRowError? Error) ParseRecord(
        CsvRecord record, int width, int formulaIndex, int[] propertyIndices, IReadOnlyList<string> propertyColumns)
    {
        var line = record.LineNumber;
        var fields = record.Fields;
        if (fields.Length != width)
        {
            return (null, new DatasetRowError(line, $"expected {width} fields, found {fields.Length}"));
        }

        var formula = fields[formulaIndex];
        if (!FormulaParser.TryParse(formula, ElementTable.Default, out var composition, out var parseError))
        {
            return (null, new DatasetRowError(line, parseError!.Message));
        }

        var properties = new double?[propertyIndices.Length];
        for (var p = 0; p < propertyIndices.Length; p++)
        {
            var cell = fields[propertyIndices[p]];
            if (cell.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                return (null, new DatasetRowError(line, $"column '{propertyColumns[p]}': '{cell}' is not a finite number"));
            }

            properties[p] = value;
        }

        return (new DatasetRow(line, formula, composition, properties), null);
    }

    private static int ColumnIndex(CsvRecord header, string column, string path)
    {
        var index = Array.IndexOf(header.Fields, column);
        return index >= 0
            ? index
            : throw new InvalidDataException(
                $"'{path}' has no column '{column}'; its header is: {string.Join(",", header.Fields)}");
    }
}
