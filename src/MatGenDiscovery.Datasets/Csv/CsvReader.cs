using System.IO.Compression;
using System.Text;

namespace MatGenDiscovery.Datasets.Csv;

/// <summary>
/// A small RFC 4180 reader: comma-separated, optional double-quoted fields with <c>""</c> escapes,
/// quoted fields may span lines, <c>\n</c> or <c>\r\n</c> line ends. Every cell is returned as text:
/// nothing is interpreted as missing (a formula cell <c>NaN</c> is sodium nitride).
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = new();
    private int _lineNumber;

    public CsvReader(TextReader reader) => _reader = reader;

    /// <summary>Opens a plain or gzip-compressed CSV file; gzip is recognised by its magic bytes, not the name.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file '{path}' does not exist", path);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Stream content = IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            return new CsvReader(new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next record, or null at the end of the input. Blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">A quoted field is not closed before the end of the input.</exception>
    public CsvRecord? ReadRecord()
    {
        while (true)
        {
            var line = _reader.ReadLine();
            if (line is null)
            {
                return null;
            }

            _lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var start = _lineNumber;
            return new CsvRecord(start, line.Contains('"') ? SplitQuoted(line, start) : line.Split(','));
        }
    }

    public IEnumerable<CsvRecord> ReadRecords()
    {
        while (ReadRecord() is { } record)
        {
            yield return record;
        }
    }

    public void Dispose() => _reader.Dispose();

    private string[] SplitQuoted(string line, int startLine)
    {
        _fields.Clear();
        _field.Clear();
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                {
                    break;
                }

                line = _reader.ReadLine()
                    ?? throw new InvalidDataException($"line {startLine}: quoted field is not closed before the end of the file");
                _lineNumber++;
                _field.Append('\n');
                i = 0;
                continue;
            }

            var c = line[i++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (i < line.Length && line[i] == '"')
                {
                    _field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == ',')
            {
                _fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else
            {
                _field.Append(c);
            }
        }

        _fields.Add(_field.ToString());
        return _fields.ToArray();
    }

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
