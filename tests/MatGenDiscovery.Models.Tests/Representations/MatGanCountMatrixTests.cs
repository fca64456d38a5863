using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Models.Representations;

namespace MatGenDiscovery.Models.Tests.Representations;

public class MatGanCountMatrixTests
{
    private static readonly MatGanCountMatrix Matrix = new();

    [Fact]
    public void Encode_Fe2O3_SetsOneCellPerElement()
    {
        var cells = new float[MatGanCountMatrix.Size];
        Matrix.Encode(Composition.Parse("Fe2O3"), cells);

        var fe = Matrix.RowOf(ElementTable.Default.Get("Fe"));
        var o = Matrix.RowOf(ElementTable.Default.Get("O"));
        cells.Sum().Should().Be(2);
        cells[fe * 8 + 1].Should().Be(1);
        cells[o * 8 + 2].Should().Be(1);
    }

    [Fact]
    public void EncodeDecode_EveryElementAndEveryCount_RoundTrips()
    {
        var cells = new float[MatGanCountMatrix.Size];
        var elements = ElementSets.MatGan85;
        for (var i = 0; i < elements.Count; i++)
        {
            var count = i % 8 + 1;
            var partner = elements[(i + 37) % elements.Count];
            var composition = Composition.FromCounts([(elements[i], count), (partner, 8 - (i % 8 == 7 ? 0 : count % 8))]);

            Matrix.Encode(composition, cells);
            var decoded = Matrix.Decode(cells);

            decoded!.EqualsUnreduced(composition).Should().BeTrue($"{composition.Formula} decoded as {decoded.Formula}");
        }
    }

    [Fact]
    public void Decode_SeveralColumnsPass_LargestCountWins()
    {
        var cells = new float[MatGanCountMatrix.Size];
        var li = Matrix.RowOf(ElementTable.Default.Get("Li"));
        var o = Matrix.RowOf(ElementTable.Default.Get("O"));
        cells[li * 8 + 0] = 0.9f;
        cells[li * 8 + 3] = 0.25f;
        cells[li * 8 + 7] = 0.19f;
        cells[o * 8 + 7] = 0.2f;

        var decoded = Matrix.Decode(cells)!;

        decoded.Amount(ElementTable.Default.Get("Li")).Should().Be(4);
        decoded.Amount(ElementTable.Default.Get("O")).Should().Be(8, "a cell equal to the threshold passes");
    }

    [Fact]
    public void Decode_NothingPasses_ReturnsNull()
    {
        var cells = Enumerable.Repeat(0.1f, MatGanCountMatrix.Size).ToArray();

        Matrix.Decode(cells).Should().BeNull();
        Matrix.Decode(cells, threshold: 0.05f)!.Arity.Should().Be(85);
    }

    [Fact]
    public void DecodeBatch_MatchesSingleDecode()
    {
        var random = new Random(3);
        var batch = new float[5 * MatGanCountMatrix.Size];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = random.NextSingle() < 0.005f ? random.NextSingle() : 0f;
        }

        Array.Clear(batch, 2 * MatGanCountMatrix.Size, MatGanCountMatrix.Size);
        var decoded = Matrix.DecodeBatch(batch);

        decoded.Should().HaveCount(5);
        decoded[2].Should().BeNull();
        for (var b = 0; b < 5; b++)
        {
            var single = Matrix.Decode(batch.AsSpan(b * MatGanCountMatrix.Size, MatGanCountMatrix.Size));
            (single?.Formula).Should().Be(decoded[b]?.Formula);
        }
    }

    [Fact]
    public void Encode_ElementOutsideSet_ThrowsNamingFormulaAndElement()
    {
        var act = () => Matrix.Encode(Composition.Parse("HeO"), new float[MatGanCountMatrix.Size]);

        act.Should().Throw<RepresentationException>().WithMessage("*He*not one of MatGAN's 85*");
    }

    [Theory]
    [InlineData("Fe9O")]
    [InlineData("Fe0.5O")]
    public void Encode_CountOutside1To8_ThrowsNamingCount(string formula)
    {
        var act = () => Matrix.Encode(Composition.Parse(formula), new float[MatGanCountMatrix.Size]);

        act.Should().Throw<RepresentationException>().WithMessage("*Fe has amount*whole count 1..8*");
    }

    [Fact]
    public void DecodeBatch_LengthNotMultipleOfSize_Throws()
    {
        var act = () => Matrix.DecodeBatch(new float[MatGanCountMatrix.Size + 1]);

        act.Should().Throw<ArgumentException>().WithMessage("*multiple of 680*");
    }
}
