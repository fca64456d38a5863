using System.Diagnostics;
using System.IO.Enumeration;
using System.Security.Cryptography;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Providers;

/// <summary>
/// An <see cref="IBlobStore"/> over a directory: blob <c>a/b/c.json</c> is the file <c>&lt;root&gt;/a/b/c.json</c>.
/// Safe for concurrent use by several instances and several processes on one machine sharing the directory.
/// </summary>
/// <remarks>
/// <para>Atomicity: content goes to a temp file in the blob's directory, is flushed to disk, and is renamed over
/// the blob, so readers see the old or the new file, never a partial one (rename is atomic on POSIX and NTFS).
/// A crash leaves at most an orphaned temp file, never a torn blob. The directory entry itself is not fsynced:
/// after a power loss (not after <c>kill -9</c>) a blob may revert to its previous complete version.</para>
/// <para>Conditional writes: the check of the current ETag and the rename happen while holding an exclusive OS
/// lock on a per-blob lock file (<see cref="FileShare.None"/>: <c>flock</c> on Unix, a share-mode lock on
/// Windows), acquired with exponential backoff up to the lock timeout. Lock files are never deleted, since deleting
/// a lock file another process is waiting on would let two writers hold "the" lock at once.</para>
/// <para>Temp and lock files are dot-files (<c>.c.json.&lt;guid&gt;.tmp</c>, <c>.c.json.lock</c>); blob path segments may
/// not start with a dot, so they never collide with blobs and never show up in <see cref="ListAsync"/>.</para>
/// <para>ETags are <see cref="BlobETag"/> content hashes, computed on read; an If-Match write re-hashes the current
/// blob under the lock, which is cheap for state documents and avoided by unconditional checkpoint writes.</para>
/// <para>Case sensitivity of paths follows the file system.</para>
/// </remarks>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 1 << 16;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);

    private readonly TimeSpan _lockTimeout;

    /// <param name="rootDirectory">Created if missing.</param>
    /// <param name="lockTimeout">How long a write waits for another writer's lock; default 30 s.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lockTimeout"/> is not positive.</exception>
    public FileSystemBlobStore(string rootDirectory, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);
        if (_lockTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lockTimeout), lockTimeout, "The lock timeout must be positive.");
        }

        RootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(RootDirectory);
    }

    public string RootDirectory { get; }

    public async Task<BlobDownload?> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        try
        {
            await using var stream = OpenForReading(FilePath(path));
            var lastModified = new DateTimeOffset(File.GetLastWriteTimeUtc(stream.SafeFileHandle), TimeSpan.Zero);
            var content = new byte[stream.Length];
            await stream.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            return new BlobDownload(content, new BlobProperties(BlobETag.Compute(content), content.Length, lastModified));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<string> PutAsync(string path, ReadOnlyMemory<byte> content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        return PutCoreAsync(path, condition, async (stream, token) =>
        {
            await stream.WriteAsync(content, token).ConfigureAwait(false);
            return BlobETag.Compute(content.Span);
        }, cancellationToken);
    }

    public Task<string> PutAsync(string path, Stream content, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return PutCoreAsync(path, condition, async (stream, token) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await content.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
            }

            return BlobETag.Format(hash.GetHashAndReset());
        }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string path, BlobCondition? condition = null, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        var target = FilePath(path);
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            condition?.Check(path, currentETag: null);
            return false;
        }

        using (await AcquireLockAsync(path, target, cancellationToken).ConfigureAwait(false))
        {
            if (condition is not null)
            {
                condition.Check(path, await ReadETagAsync(target, cancellationToken).ConfigureAwait(false));
            }

            if (!File.Exists(target))
            {
                return false;
            }

            File.Delete(target);
            return true;
        }
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPath.Validate(path);
        return Task.FromResult(File.Exists(FilePath(path)));
    }

    public Task<IReadOnlyList<BlobItem>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        BlobPath.ValidatePrefix(prefix);
        var lastSlash = prefix.LastIndexOf('/');
        var start = lastSlash < 0 ? RootDirectory : FilePath(prefix[..lastSlash]);
        if (!Directory.Exists(start))
        {
            return Task.FromResult<IReadOnlyList<BlobItem>>([]);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        var entries = new FileSystemEnumerable<BlobItem>(
            start,
            (ref FileSystemEntry entry) => new BlobItem(
                Path.GetRelativePath(RootDirectory, entry.ToFullPath()).Replace(Path.DirectorySeparatorChar, '/'),
                entry.Length,
                entry.LastWriteTimeUtc),
            options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.'),
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
        };

        IReadOnlyList<BlobItem> items = entries
            .Where(item => item.Path.StartsWith(prefix, StringComparison.Ordinal) && BlobPath.IsValid(item.Path))
            .OrderBy(item => item.Path, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(items);
    }

    private async Task<string> PutCoreAsync(
        string path,
        BlobCondition? condition,
        Func<FileStream, CancellationToken, Task<string>> writeContentAsync,
        CancellationToken cancellationToken)
    {
        BlobPath.Validate(path);
        var target = FilePath(path);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            string etag;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                etag = await writeContentAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            using (await AcquireLockAsync(path, target, cancellationToken).ConfigureAwait(false))
            {
                if (condition is not null)
                {
                    condition.Check(path, await ReadETagAsync(target, cancellationToken).ConfigureAwait(false));
                }

                File.Move(temp, target, overwrite: true);
            }

            return etag;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Takes the blob's exclusive lock; dispose the returned stream to release it.</summary>
    private async Task<FileStream> AcquireLockAsync(string path, string target, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var started = Stopwatch.GetTimestamp();
        var backoff = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                if (Stopwatch.GetElapsedTime(started) >= _lockTimeout)
                {
                    throw new BlobLockTimeoutException(path, _lockTimeout, ex);
                }

                var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * backoff.TotalMilliseconds);
                await Task.Delay(backoff + jitter, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private static async Task<string?> ReadETagAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = OpenForReading(file);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return BlobETag.Format(hash);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    // FileShare.Delete lets a writer rename over a blob a reader still has open (the reader keeps the old content).
    private static FileStream OpenForReading(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private string FilePath(string path) => Path.Combine(RootDirectory, path.Replace('/', Path.DirectorySeparatorChar));
}
