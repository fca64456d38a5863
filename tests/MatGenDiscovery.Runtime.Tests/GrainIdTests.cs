namespace MatGenDiscovery.Runtime.Tests;

public class GrainIdTests
{
    [GrainType("campaign")]
    public interface IDiscoveryCampaignGrain : IGrainWithStringKey;

    public interface ICandidateFamilyGrain : IGrainWithStringKey;

    [Fact]
    public void ToString_TypeAndKey_JoinedBySlash()
    {
        new GrainId("campaign", "abc123").ToString().Should().Be("campaign/abc123");
    }

    [Theory]
    [InlineData("campaign/abc123", "campaign", "abc123")]
    [InlineData("candidatefamily/Fe-Li-O", "candidatefamily", "Fe-Li-O")]
    [InlineData("dataset/oqmd/train", "dataset", "oqmd/train")]
    public void Parse_StringForm_RoundTrips(string text, string type, string key)
    {
        var id = GrainId.Parse(text);

        id.Should().Be(new GrainId(type, key));
        id.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("noslash")]
    [InlineData("/key")]
    [InlineData("type/")]
    [InlineData("Campaign/abc")]
    [InlineData("cam paign/abc")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingInput(string text)
    {
        var act = () => GrainId.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*'{text}'*");
    }

    [Fact]
    public void Constructor_KeyWithControlCharacter_Throws()
    {
        var act = () => new GrainId("campaign", "a\nb");

        act.Should().Throw<ArgumentException>().WithParameterName("key");
    }

    [Fact]
    public void GetTypeName_Attribute_WinsOverInterfaceName()
    {
        GrainId.GetTypeName(typeof(IDiscoveryCampaignGrain)).Should().Be("campaign");
    }

    [Fact]
    public void GetTypeName_NoAttribute_DropsIPrefixAndGrainSuffix()
    {
        GrainId.GetTypeName(typeof(ICandidateFamilyGrain)).Should().Be("candidatefamily");
    }
}
