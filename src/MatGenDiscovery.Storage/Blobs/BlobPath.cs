namespace MatGenDiscovery.Storage.Blobs;

/// <summary>
/// Rules for blob paths, shared by every provider so a path valid on one is valid on all:
/// relative, <c>/</c>-separated, at most <see cref="MaxLength"/> characters; every segment non-empty, at most
/// <see cref="MaxSegmentLength"/> characters, not starting with <c>.</c> (so no <c>.</c>/<c>..</c>, and
/// dot-names stay free for a provider's temp and lock files), without control characters, <c>\</c> or any of
/// <c>&lt;&gt;:"|?*</c> (not portable to Windows file names).
/// </summary>
public static class BlobPath
{
    public const int MaxLength = 1024;
    public const int MaxSegmentLength = 200;

    private static readonly char[] ForbiddenCharacters = ['\\', '<', '>', ':', '"', '|', '?', '*'];

    /// <exception cref="InvalidBlobPathException">The path breaks one of the rules.</exception>
    public static void Validate(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidBlobPathException(path, "it is empty");
        }

        ValidateCommon(path);
        if (path.EndsWith('/'))
        {
            throw new InvalidBlobPathException(path, "it ends with '/' (names a folder, not a blob)");
        }

        foreach (var segment in path.Split('/'))
        {
            ValidateSegment(path, segment);
        }
    }

    /// <summary>True if <see cref="Validate"/> would accept <paramref name="path"/>.</summary>
    public static bool IsValid(string? path)
    {
        try
        {
            Validate(path);
            return true;
        }
        catch (InvalidBlobPathException)
        {
            return false;
        }
    }

    /// <summary>Validates a list prefix: empty, or a path whose last segment may be partial or empty (<c>"a/b/"</c>).</summary>
    /// <exception cref="InvalidBlobPathException">The prefix breaks one of the rules.</exception>
    public static void ValidatePrefix(string? prefix)
    {
        if (prefix is null)
        {
            throw new InvalidBlobPathException(prefix, "the prefix is null (use \"\" to list everything)");
        }

        if (prefix.Length == 0)
        {
            return;
        }

        ValidateCommon(prefix);
        var segments = prefix.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            ValidateSegment(prefix, segments[i]);
        }

        if (segments[^1].StartsWith('.'))
        {
            throw new InvalidBlobPathException(prefix, $"segment '{segments[^1]}' starts with '.'");
        }
    }

    private static void ValidateCommon(string path)
    {
        if (path.Length > MaxLength)
        {
            throw new InvalidBlobPathException(path, $"it is {path.Length} characters long; the limit is {MaxLength}");
        }

        if (path.StartsWith('/'))
        {
            throw new InvalidBlobPathException(path, "it starts with '/' (paths are relative)");
        }

        var forbidden = path.IndexOfAny(ForbiddenCharacters);
        if (forbidden >= 0)
        {
            throw new InvalidBlobPathException(path, $"it contains '{path[forbidden]}' at index {forbidden}; use '/' to separate segments");
        }

        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                throw new InvalidBlobPathException(path, $"it contains control character U+{(int)c:X4}");
            }
        }
    }

    private static void ValidateSegment(string path, string segment)
    {
        if (segment.Length == 0)
        {
            throw new InvalidBlobPathException(path, "it has an empty segment ('//')");
        }

        if (segment.StartsWith('.'))
        {
            throw new InvalidBlobPathException(path, $"segment '{segment}' starts with '.' ('.' and '..' are not allowed; dot-names are reserved)");
        }

        if (segment.Length > MaxSegmentLength)
        {
            throw new InvalidBlobPathException(path, $"a segment is {segment.Length} characters long; the limit is {MaxSegmentLength}");
        }
    }
}
