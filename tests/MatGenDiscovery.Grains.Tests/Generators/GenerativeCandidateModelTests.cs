using MatGenDiscovery.Grains.Generators;

namespace MatGenDiscovery.Grains.Tests.Generators;

public sealed class GenerativeCandidateModelTests
{
    [Fact]
    public void Load_TruncatedBlob_NamesTheBlobNotTheTemporaryFile()
    {
        // A safetensors file whose 8-byte header length promises more than the blob holds.
        var truncated = new byte[] { 200, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'"' };

        var act = () => GenerativeCandidateModel.Load(truncated, "generators/g1/step-00000010.safetensors");

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain("generators/g1/step-00000010.safetensors")
            .And.NotContain(Path.GetTempPath() + "matgen-");
    }
}
