using System.Globalization;
using System.Reflection;

namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>Parses the three bundled element CSVs (plain comma-separated, no quoting, empty cell = no value).</summary>
internal static class ElementTableLoader
{
    private const string ResourcePrefix = "MatGenDiscovery.Chemistry.Data.";
    private const string MagpiePrefix = "magpie_";
    private const string IonizationEnergies = "IonizationEnergies";

    // SMACT's element_data.txt stops at Z = 103; names of the later elements.
    private static readonly string[] HeavyElementNames =
    [
        "Rutherfordium", "Dubnium", "Seaborgium", "Bohrium", "Hassium", "Meitnerium", "Darmstadtium",
        "Roentgenium", "Copernicium", "Nihonium", "Flerovium", "Moscovium", "Livermorium", "Tennessine", "Oganesson",
    ];

    public static ElementTable LoadEmbedded()
    {
        using var elements = OpenResource("elements.csv");
        using var oxidationStates = OpenResource("oxidation_states.csv");
        using var pymatgen = OpenResource("pymatgen_element_data.csv");
        return Load(elements, oxidationStates, pymatgen);
    }

    public static ElementTable Load(TextReader elements, TextReader oxidationStates, TextReader pymatgen)
    {
        var (rows, magpieNames) = ReadElements(elements);
        var bySymbol = rows.ToDictionary(row => row.Symbol, StringComparer.Ordinal);
        ReadOxidationStates(oxidationStates, bySymbol);
        ReadPymatgen(pymatgen, bySymbol);
        return new ElementTable(rows, magpieNames);
    }

    private static StreamReader OpenResource(string fileName)
    {
        var stream = typeof(ElementTableLoader).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourcePrefix + fileName}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        return new StreamReader(stream);
    }

    private static (List<ElementRow> Rows, string[] MagpieNames) ReadElements(TextReader reader)
    {
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException("elements.csv: empty file"));
        var column = header.Select((name, index) => (name, index)).ToDictionary(pair => pair.name, pair => pair.index);
        var magpieColumns = header
            .Select((name, index) => (name, index))
            .Where(pair => pair.name.StartsWith(MagpiePrefix, StringComparison.Ordinal) && pair.name != MagpiePrefix + IonizationEnergies)
            .ToArray();
        var ionization = column[MagpiePrefix + IonizationEnergies];
        var rows = new List<ElementRow>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line);
            var z = int.Parse(cells[column["Z"]], CultureInfo.InvariantCulture);
            var name = cells[column["smact_Name"]];
            rows.Add(new ElementRow
            {
                AtomicNumber = z,
                Symbol = cells[column["symbol"]],
                Name = name.Length > 0 ? name : HeavyName(z, lineNumber),
                Mass = OptionalDouble(cells[column["smact_Mass"]], "elements.csv", lineNumber),
                PaulingElectronegativity = OptionalDouble(cells[column["smact_el_neg"]], "elements.csv", lineNumber),
                MagpieIonizationEnergies = cells[ionization]
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(value => double.Parse(value, CultureInfo.InvariantCulture))
                    .ToArray(),
                Magpie = magpieColumns.Select(pair => OptionalDouble(cells[pair.index], "elements.csv", lineNumber)).ToArray(),
                OxidationStates = OxidationStateSets.All.Select(_ => Array.Empty<int>()).ToArray(),
            });
        }

        return (rows, magpieColumns.Select(pair => pair.name[MagpiePrefix.Length..]).ToArray());
    }

    private static void ReadOxidationStates(TextReader reader, Dictionary<string, ElementRow> bySymbol)
    {
        reader.ReadLine();
        var lists = new Dictionary<(string Symbol, OxidationStateSet Set), List<int>>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line);
            if (!OxidationStateSets.TryFromSourceSet(cells[2], out var set))
            {
                continue;
            }

            var key = (cells[0], set);
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            list.Add(int.Parse(cells[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        foreach (var ((symbol, set), states) in lists)
        {
            if (!bySymbol.TryGetValue(symbol, out var row))
            {
                throw new InvalidDataException($"oxidation_states.csv: unknown element '{symbol}'");
            }

            row.OxidationStates[(int)set] = states.ToArray();
        }
    }

    private static void ReadPymatgen(TextReader reader, Dictionary<string, ElementRow> bySymbol)
    {
        reader.ReadLine();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line);
            if (!bySymbol.TryGetValue(cells[0], out var row))
            {
                throw new InvalidDataException($"pymatgen_element_data.csv line {lineNumber}: unknown element '{cells[0]}'");
            }

            row.PymatgenElectronegativity = OptionalDouble(cells[2], "pymatgen_element_data.csv", lineNumber);
            row.PymatgenCommonOxidationStates = IntegerList(cells[3]);
            row.PymatgenOxidationStates = IntegerList(cells[4]);
        }
    }

    private static string HeavyName(int atomicNumber, int lineNumber)
    {
        var index = atomicNumber - 104;
        return index >= 0 && index < HeavyElementNames.Length
            ? HeavyElementNames[index]
            : throw new InvalidDataException($"elements.csv line {lineNumber}: element Z = {atomicNumber} has no name");
    }

    private static string[] Split(string line) => line.Split(',');

    private static int[] IntegerList(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(value => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            .ToArray();

    private static double? OptionalDouble(string cell, string file, int lineNumber)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{file} line {lineNumber}: '{cell}' is not a number");
    }
}
