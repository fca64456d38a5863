using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Models.Tests.Representations;

public class ElementDescriptorMeanTests
{
    [Fact]
    public void DefaultDescriptors_AreTheNonFlagMagpieTables()
    {
        ElementDescriptorMean.DefaultDescriptors.Should().HaveCount(57).And.Contain(["Number", "MeltingT", "GSvolume_pa"])
            .And.NotContain("IsMetal");
    }

    [Fact]
    public void Encode_Fe2O3_IsFractionWeightedMean()
    {
        var descriptors = new ElementDescriptorMean(["Number", "MeltingT"]);
        var values = new float[2];

        descriptors.Encode(Composition.Parse("Fe2O3"), values);

        var fe = ElementTable.Default.Get("Fe").Magpie("MeltingT")!.Value;
        var o = ElementTable.Default.Get("O").Magpie("MeltingT")!.Value;
        values[0].Should().BeApproximately((2 * 26 + 3 * 8) / 5f, 1e-5f);
        values[1].Should().BeApproximately((float)((2 * fe + 3 * o) / 5), 1e-3f);
    }

    [Fact]
    public void Encode_MissingElementalValue_UsesDescriptorMean()
    {
        var descriptors = new ElementDescriptorMean(["Electronegativity"]);
        var known = ElementTable.Default.Select(e => e.Magpie("Electronegativity")).Where(v => v is not null).Average(v => v!.Value);
        var values = new float[1];

        descriptors.Encode(Composition.Parse("He"), values);

        ElementTable.Default.Get("He").Magpie("Electronegativity").Should().BeNull();
        values[0].Should().BeApproximately((float)known, 1e-5f);
    }

    [Fact]
    public void Constructor_UnknownDescriptor_Throws()
    {
        var act = () => new ElementDescriptorMean(["NoSuchThing"]);

        act.Should().Throw<ArgumentException>().WithMessage("*NoSuchThing*");
    }
}
