using System.Text.Json;

namespace MatGenDiscovery.NeuralNetworks.Checkpoints;

/// <summary>Parses and validates a safetensors JSON header against the size of the data section.</summary>
internal static class SafeTensorsHeaderParser
{
    internal sealed record Entry(string Name, SafeTensorsDType DType, int[] Shape, int ElementCount, long Begin, long End);

    public static (List<Entry> Entries, IReadOnlyDictionary<string, string> Metadata) Parse(
        string path, ReadOnlySpan<byte> header, long dataLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException ex)
        {
            throw CheckpointError.Invalid(path, $"header is not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw CheckpointError.Invalid(path, $"header must be a JSON object, got {document.RootElement.ValueKind}.");
            }

            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw CheckpointError.Invalid(path, $"header names '{property.Name}' twice.");
                }

                if (property.Name == SafeTensorsFile.MetadataKey)
                {
                    ReadMetadata(path, property.Value, metadata);
                }
                else
                {
                    entries.Add(ReadEntry(path, property.Name, property.Value));
                }
            }

            CheckOffsets(path, entries, dataLength);
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(string path, JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw CheckpointError.Invalid(path, "__metadata__ must be an object of strings.");
        }

        foreach (var item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw CheckpointError.Invalid(path, $"__metadata__ value '{item.Name}' must be a string, got {item.Value.ValueKind}.");
            }

            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static Entry ReadEntry(string path, string name, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw CheckpointError.Invalid(path, $"tensor '{name}' must be described by an object.");
        }

        var dtypeText = Member(path, name, element, "dtype", JsonValueKind.String).GetString();
        var dtype = dtypeText switch
        {
            "F32" => SafeTensorsDType.F32,
            "F64" => SafeTensorsDType.F64,
            "I64" => SafeTensorsDType.I64,
            _ => throw CheckpointError.Invalid(path, $"tensor '{name}' has unsupported dtype '{dtypeText}' (supported: F32, F64, I64)."),
        };
        var shape = Member(path, name, element, "shape", JsonValueKind.Array).EnumerateArray()
            .Select(d => d.TryGetInt32(out var value) && value >= 0
                ? value
                : throw CheckpointError.Invalid(path, $"tensor '{name}' has shape entry {d.GetRawText()}, not a non-negative 32-bit integer."))
            .ToArray();
        var offsets = Member(path, name, element, "data_offsets", JsonValueKind.Array).EnumerateArray()
            .Select(o => o.TryGetInt64(out var value) && value >= 0
                ? value
                : throw CheckpointError.Invalid(path, $"tensor '{name}' has data offset {o.GetRawText()}, not a non-negative integer."))
            .ToArray();
        if (offsets.Length != 2 || offsets[1] < offsets[0])
        {
            throw CheckpointError.Invalid(path, $"tensor '{name}' data_offsets must be [begin, end] with begin <= end, got [{string.Join(", ", offsets)}].");
        }

        var count = 1L;
        foreach (var dimension in shape)
        {
            count *= dimension;
            if (count > Array.MaxLength)
            {
                throw CheckpointError.Invalid(path, $"tensor '{name}' shape [{string.Join(", ", shape)}] has too many elements.");
            }
        }

        var expected = count * (dtype == SafeTensorsDType.F32 ? 4 : 8);
        if (offsets[1] - offsets[0] != expected)
        {
            throw CheckpointError.Invalid(
                path, $"tensor '{name}' spans {offsets[1] - offsets[0]} bytes but {dtypeText} shape [{string.Join(", ", shape)}] needs {expected}.");
        }

        return new Entry(name, dtype, shape, (int)count, offsets[0], offsets[1]);
    }

    private static JsonElement Member(string path, string name, JsonElement element, string member, JsonValueKind kind)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind != kind)
        {
            throw CheckpointError.Invalid(path, $"tensor '{name}' needs a '{member}' {kind.ToString().ToLowerInvariant()}.");
        }

        return value;
    }

    /// <summary>The tensors must tile the data section exactly: no gaps, no overlaps, nothing after the last one.</summary>
    private static void CheckOffsets(string path, List<Entry> entries, long dataLength)
    {
        long position = 0;
        Entry? previous = null;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.End > dataLength)
            {
                throw CheckpointError.Invalid(path, $"tensor '{entry.Name}' ends at byte {entry.End} but the data section has {dataLength} bytes.");
            }

            if (entry.Begin < position)
            {
                throw CheckpointError.Invalid(path, $"tensor '{entry.Name}' [{entry.Begin}, {entry.End}) overlaps tensor '{previous!.Name}' [{previous.Begin}, {previous.End}).");
            }

            if (entry.Begin > position)
            {
                throw CheckpointError.Invalid(path, $"bytes [{position}, {entry.Begin}) before tensor '{entry.Name}' belong to no tensor.");
            }

            position = entry.End;
            previous = entry;
        }

        if (position != dataLength)
        {
            throw CheckpointError.Invalid(path, $"{dataLength - position} trailing bytes after the last tensor (data section has {dataLength} bytes, tensors cover {position}).");
        }
    }
}
