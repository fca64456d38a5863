using System.Security.Cryptography;
using System.Text;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Tests.Blobs;

public class BlobETagTests
{
    [Fact]
    public void Compute_Abc_IsQuotedSha256Prefix()
    {
        var content = Encoding.ASCII.GetBytes("abc");

        var etag = BlobETag.Compute(content);

        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 test vector)
        etag.Should().Be("\"ba7816bf8f01cfea414140de5dae2223\"");
    }

    [Fact]
    public void Format_MatchesCompute()
    {
        var content = new byte[1000];
        new Random(7).NextBytes(content);

        BlobETag.Format(SHA256.HashData(content)).Should().Be(BlobETag.Compute(content));
    }

    [Fact]
    public void Format_WrongLength_Throws()
    {
        var act = () => BlobETag.Format(new byte[5]);

        act.Should().Throw<ArgumentException>().WithMessage("*32-byte*5 bytes*");
    }
}
