namespace MatGenDiscovery.Cli.Infrastructure;

/// <summary>
/// Writes an output file all-or-nothing: the content goes to <c>&lt;path&gt;.tmp-&lt;guid&gt;</c> in the same folder,
/// which then replaces <c>path</c>; on failure the temporary file is deleted and <c>path</c> is left untouched.
/// </summary>
public static class AtomicFile
{
    /// <exception cref="DirectoryNotFoundException">The output folder does not exist.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc cref="Write"/>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
