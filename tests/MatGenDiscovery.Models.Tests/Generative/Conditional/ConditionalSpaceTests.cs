using MatGenDiscovery.Models.Generative.Conditional;

namespace MatGenDiscovery.Models.Tests.Generative.Conditional;

public class ConditionalSpaceTests
{
    private static ConditionalSpace Scaled => ConditionalToySet.Space.WithFractionScales(ConditionalToySet.Compositions);

    [Fact]
    public void WithFractionScales_ToySet_EveryColumnPeaksAtOne()
    {
        var space = Scaled;
        var (fractions, _) = space.Encode(ConditionalToySet.Compositions, ConditionalToySet.Targets);

        for (var j = 0; j < space.Length; j++)
        {
            var column = Enumerable.Range(0, ConditionalToySet.Compositions.Count).Select(i => fractions[i * space.Length + j]);
            column.Max().Should().BeApproximately(1f, 1e-6f, space.Bag.Elements[j].Symbol);
        }

        space.FractionScales.Should().OnlyContain(v => v > 0 && v <= 1);
        space.FractionScales![space.Bag.Elements.ToList().FindIndex(e => e.Symbol == "O")].Should().BeApproximately(0.5f, 1e-6f);
    }

    [Fact]
    public void UnscaleFractions_EncodedRows_RecoverPlainFractions()
    {
        var plain = ConditionalToySet.Space.Encode(ConditionalToySet.Compositions, ConditionalToySet.Targets).Fractions;
        var scaled = Scaled.Encode(ConditionalToySet.Compositions, ConditionalToySet.Targets).Fractions;

        scaled.Should().NotEqual(plain);
        Scaled.UnscaleFractions(scaled);

        scaled.Zip(plain).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-6f);
    }

    [Fact]
    public void UnscaleFractions_WithoutScales_LeavesRowsUnchanged()
    {
        var rows = new[] { 0.25f, 0.75f, 0.5f };

        ConditionalToySet.Space.UnscaleFractions(rows);

        rows.Should().Equal(0.25f, 0.75f, 0.5f);
    }

    [Fact]
    public void FromMetadata_ScaledSpace_RoundTripsScales()
    {
        var space = Scaled;

        var restored = ConditionalSpace.FromMetadata(space.ToMetadata());

        restored.FractionScales.Should().Equal(space.FractionScales);
        restored.Bag.Elements.Should().Equal(space.Bag.Elements);
        ConditionalSpace.FromMetadata(ConditionalToySet.Space.ToMetadata()).FractionScales.Should().BeNull();
    }

    [Fact]
    public void FromMetadata_WrongScaleCount_ThrowsNamingKey()
    {
        var metadata = new Dictionary<string, string>(Scaled.ToMetadata()) { ["fraction_scales"] = "0.5 1" };

        var act = () => ConditionalSpace.FromMetadata(metadata);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("fraction_scales");
    }
}
