namespace MatGenDiscovery.NeuralNetworks.Checkpoints;

/// <summary>
/// Writes a file through a temporary sibling (<c>&lt;path&gt;.tmp-&lt;guid&gt;</c>), flushed to disk and then renamed
/// over the target, so readers see the old file or the complete new one, never a partial write.
/// </summary>
internal static class AtomicFileWriter
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(directory, $"{Path.GetFileName(fullPath)}.tmp-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
