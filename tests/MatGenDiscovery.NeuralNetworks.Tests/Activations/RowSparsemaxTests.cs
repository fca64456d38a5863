using MatGenDiscovery.NeuralNetworks.Activations;

namespace MatGenDiscovery.NeuralNetworks.Tests.Activations;

public class RowSparsemaxTests
{
    [Fact]
    public void Forward_DropsTheAbsentStateOfEachRow()
    {
        // Two rows of (absent, count 1, count 2): the first strongly absent, the second split between the counts.
        var scores = Tensor.FromArray([3f, 0f, 0f, 0f, 1f, 0.8f], 1, 6);

        var output = new RowSparsemax(rows: 2, cells: 2).Forward(scores).ToArray();

        output.Should().HaveCount(4);
        output[0].Should().Be(0f);
        output[1].Should().Be(0f);
        // Sparsemax of (0, 1, 0.8): τ = (1 + 0.8 − 1)/2 = 0.4, so (0, 0.6, 0.4).
        output[2].Should().BeApproximately(0.6f, 1e-6f);
        output[3].Should().BeApproximately(0.4f, 1e-6f);
    }

    [Fact]
    public void Forward_RandomScores_EachRowSumsToAtMostOneWithExactZeros()
    {
        var output = new RowSparsemax(rows: 85, cells: 8).Forward(Tensor.Randn(new Random(4), 16, 85 * 9)).ToArray();

        output.Should().HaveCount(16 * 680).And.OnlyContain(v => v >= 0f && v <= 1f);
        output.Chunk(8).Should().OnlyContain(row => row.Sum() <= 1f + 1e-5f);
        output.Count(v => v == 0f).Should().BeGreaterThan(output.Length / 2, "sparsemax zeroes most of nine standard-normal scores");
    }

    [Fact]
    public void Backward_GradientReachesOnlyTheSupport()
    {
        var scores = Tensor.FromArray([0f, 2f, 1.5f, -3f], 1, 4);
        scores.RequiresGrad = true;

        // One row of (absent, 1, 2, 3): sparsemax gives (0, 0.75, 0.25, 0), support {1, 2}.
        var output = new RowSparsemax(rows: 1, cells: 3).Forward(scores);
        (output * Tensor.FromArray([1f, 0f, 0f], 1, 3)).Sum().Backward();

        // ∂out₁/∂zᵢ = δ₁ᵢ − 1/2 on the support {1, 2}, 0 elsewhere.
        scores.Grad!.ToArray().Should().Equal([0f, 0.5f, -0.5f, 0f]);
    }

    [Fact]
    public void Forward_WrongWidth_NamesTheExpectedShape()
    {
        var act = () => new RowSparsemax(rows: 85, cells: 8).Forward(Tensor.Zeros(2, 680));

        act.Should().Throw<ArgumentException>().WithMessage("*[N, 765]*[2, 680]*");
    }
}
