using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Tests.Blobs;

public class BlobConditionTests
{
    [Fact]
    public void Check_IfMatchSameETag_Passes()
    {
        var act = () => BlobCondition.IfMatch("\"a\"").Check("p", "\"a\"");

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("\"b\"")]
    [InlineData(null)]
    public void Check_IfMatchOtherOrMissing_Throws(string? current)
    {
        var act = () => BlobCondition.IfMatch("\"a\"").Check("p", current);

        act.Should().Throw<BlobConditionFailedException>().Where(ex => ex.Path == "p" && ex.CurrentETag == current);
    }

    [Fact]
    public void Check_IfNotExistsOnExisting_Throws()
    {
        var act = () => BlobCondition.IfNotExists.Check("p", "\"a\"");

        act.Should().Throw<BlobConditionFailedException>().WithMessage("*If-None-Match*");
    }

    [Fact]
    public void IfMatch_EmptyETag_Throws()
    {
        var act = () => BlobCondition.IfMatch(" ");

        act.Should().Throw<ArgumentException>();
    }
}
