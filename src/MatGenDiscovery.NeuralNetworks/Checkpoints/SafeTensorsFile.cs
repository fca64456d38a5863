using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MatGenDiscovery.NeuralNetworks.Checkpoints;

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, N bytes of UTF-8 JSON
/// <c>{"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ..., "__metadata__": {"key": "value"}}</c>
/// padded with spaces to a multiple of 8, then the tensors' little-endian bytes back to back (offsets relative to
/// the data section). Writes float32; reads F32, F64 and I64 (the latter two converted to float32).
/// </summary>
public static class SafeTensorsFile
{
    public const string MetadataKey = "__metadata__";

    /// <summary>Writes the tensors in the given order, atomically (temporary file, flush, rename).</summary>
    /// <exception cref="ArgumentException">A name is empty, reserved or repeated.</exception>
    public static void Write(
        string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var entries = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in entries)
        {
            if (string.IsNullOrEmpty(name) || name == MetadataKey || !names.Add(name))
            {
                throw new ArgumentException($"Cannot write '{path}': tensor name '{name}' is empty, reserved or repeated.", nameof(tensors));
            }

            ArgumentNullException.ThrowIfNull(tensor, name);
        }

        var header = Header(entries, metadata);
        AtomicFileWriter.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (var (_, tensor) in entries)
            {
                WriteLittleEndian(stream, tensor.AsReadOnlySpan());
            }
        });
    }

    /// <summary>Reads and validates a whole file.</summary>
    /// <exception cref="InvalidDataException">The file is truncated, its header is not valid, a dtype is unsupported, or the offsets do not tile the data section exactly.</exception>
    public static SafeTensorsCheckpoint Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw CheckpointError.Invalid(path, $"file is {bytes.Length} bytes, shorter than the 8-byte header length.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw CheckpointError.Invalid(path, $"header length {headerLength} exceeds the {bytes.Length - 8} bytes after the length prefix.");
        }

        var data = bytes.AsMemory(8 + (int)headerLength);
        var (entries, metadata) = SafeTensorsHeaderParser.Parse(path, bytes.AsSpan(8, (int)headerLength), data.Length);
        var tensors = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var raw = data.Span[(int)entry.Begin..(int)entry.End];
            tensors.Add(entry.Name, Tensor.FromArray(Decode(raw, entry.DType, entry.ElementCount), entry.Shape));
        }

        return new SafeTensorsCheckpoint(tensors, metadata);
    }

    private static byte[] Header(List<KeyValuePair<string, Tensor>> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var (name, tensor) in entries)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += 4L * tensor.Length;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var length = (int)buffer.Length;
        var padded = (length + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.GetBuffer().AsSpan(0, length).CopyTo(header);
        header.AsSpan(length).Fill((byte)' ');
        return header;
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> element = stackalloc byte[4];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(element, value);
            stream.Write(element);
        }
    }

    private static float[] Decode(ReadOnlySpan<byte> raw, SafeTensorsDType dtype, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = dtype switch
            {
                SafeTensorsDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(raw[(4 * i)..]),
                SafeTensorsDType.F64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[(8 * i)..]),
                _ => BinaryPrimitives.ReadInt64LittleEndian(raw[(8 * i)..]),
            };
        }

        return values;
    }
}
