using MatGenDiscovery.Storage.AzureBlob.Providers;
using MatGenDiscovery.Storage.AzureBlob.Tests.Support;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.AzureBlob.Tests.Providers;

/// <summary>A blob whose bytes change at rest (a byte flipped in Azurite's extent file) is reported, naming the blob, instead of returned.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreCorruptionTests
{
    private readonly AzuriteFixture _azurite;
    private readonly string _container = "c" + Guid.NewGuid().ToString("N");

    public AzureBlobStoreCorruptionTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    [Theory]
    [InlineData(20_000, false)]
    [InlineData(300_000, true)]
    public async Task GetAsync_ContentFlippedAtRest_ThrowsNamingTheBlob(int length, bool seekableStream)
    {
        var store = new AzureBlobStore(new AzureBlobStoreOptions
        {
            ConnectionString = _azurite.ConnectionString,
            ContainerName = _container,
            SingleUploadLimitBytes = 64 * 1024,
            BlockSizeBytes = 64 * 1024,
        });
        var content = new byte[length];
        new Random(length).NextBytes(content);
        const string Path = "checkpoints/g/00000010.safetensors";
        if (seekableStream)
        {
            await store.PutAsync(Path, new MemoryStream(content));
        }
        else
        {
            await store.PutAsync(Path, content);
        }

        (await store.GetAsync(Path))!.Content.ToArray().Should().Equal(content, "an intact blob reads back as written");
        FlipByteAtRest(content, length / 2);

        var act = () => store.GetAsync(Path);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage($"Blob '{Path}' is corrupt: its {length} bytes have MD5 *");
    }

    [Fact]
    public async Task GetAsync_ForwardOnlyStreamUpload_HasNoStoredHashAndReadsBack()
    {
        var store = new AzureBlobStore(new AzureBlobStoreOptions { ConnectionString = _azurite.ConnectionString, ContainerName = _container });
        var content = new byte[10_000];
        new Random(3).NextBytes(content);

        await store.PutAsync("a/forward.bin", new CallbackStream(content, triggerAtByte: int.MaxValue, () => { }));

        (await store.GetAsync("a/forward.bin"))!.Content.ToArray().Should().Equal(content);
    }

    /// <summary>Finds the blob's bytes in Azurite's extent files and inverts the byte at <paramref name="offset"/>.</summary>
    private void FlipByteAtRest(byte[] content, int offset)
    {
        var probe = content.AsSpan(offset - 32, 64).ToArray();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_azurite.StateDirectory, "data"), "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var at = bytes.AsSpan().IndexOf(probe);
            if (at >= 0)
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                stream.Position = at + 32;
                stream.WriteByte((byte)~content[offset]);
                return;
            }
        }

        Assert.Fail($"the blob's bytes were not found under {_azurite.StateDirectory}/data");
    }
}
