using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Tests.Blobs;

public class BlobPathTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("grains/campaign/abc123.json")]
    [InlineData("candidates/Fe-Li-O/0001.csv.gz")]
    [InlineData("checkpoints/matgan/100.safetensors")]
    public void Validate_WellFormedPath_Accepts(string path)
    {
        var act = () => BlobPath.Validate(path);

        act.Should().NotThrow();
        BlobPath.IsValid(path).Should().BeTrue();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/abs/path", "starts with '/'")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/b/", "ends with '/'")]
    [InlineData("a/../b", "'..'")]
    [InlineData("./a", "starts with '.'")]
    [InlineData("a/.hidden", "starts with '.'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("c:/x", "':'")]
    [InlineData("a/b\nc", "control character")]
    public void Validate_MalformedPath_ThrowsNamingPathAndReason(string path, string reason)
    {
        var act = () => BlobPath.Validate(path);

        act.Should().Throw<InvalidBlobPathException>()
            .Where(ex => ex.Path == path && ex.Message.Contains(reason));
        BlobPath.IsValid(path).Should().BeFalse();
    }

    [Fact]
    public void Validate_TooLongSegment_Throws()
    {
        var act = () => BlobPath.Validate("a/" + new string('x', BlobPath.MaxSegmentLength + 1));

        act.Should().Throw<InvalidBlobPathException>().WithMessage("*limit is 200*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("grains/")]
    [InlineData("candidates/c1/00")]
    [InlineData("exp")]
    public void ValidatePrefix_WellFormedPrefix_Accepts(string prefix)
    {
        var act = () => BlobPath.ValidatePrefix(prefix);

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/grains")]
    [InlineData("a//")]
    [InlineData("a/.x")]
    public void ValidatePrefix_MalformedPrefix_Throws(string prefix)
    {
        var act = () => BlobPath.ValidatePrefix(prefix);

        act.Should().Throw<InvalidBlobPathException>();
    }
}
