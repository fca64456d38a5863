using System.Security.Cryptography;

namespace MatGenDiscovery.Storage.AzureBlob.Providers;

/// <summary>The MD5 that Azure Blob Storage keeps as a blob's Content-MD5 (an integrity check, not a security measure).</summary>
internal static class ContentHash
{
    public static byte[] Of(ReadOnlySpan<byte> content) => MD5.HashData(content);

    /// <summary>Hashes a seekable stream from its position to its end and rewinds it to that position.</summary>
    public static async Task<byte[]> OfAsync(Stream content, CancellationToken cancellationToken)
    {
        var start = content.Position;
        var hash = await MD5.HashDataAsync(content, cancellationToken).ConfigureAwait(false);
        content.Position = start;
        return hash;
    }

    /// <exception cref="InvalidDataException"><paramref name="stored"/> is an MD5 that <paramref name="content"/> does not have.</exception>
    public static void Verify(string path, ReadOnlySpan<byte> content, byte[]? stored)
    {
        if (stored is not { Length: MD5.HashSizeInBytes })
        {
            return;
        }

        var actual = Of(content);
        if (!actual.AsSpan().SequenceEqual(stored))
        {
            throw new InvalidDataException(
                $"Blob '{path}' is corrupt: its {content.Length} bytes have MD5 {Convert.ToHexStringLower(actual)}, but it was stored with MD5 {Convert.ToHexStringLower(stored)}.");
        }
    }
}
