using MatGenDiscovery.NeuralNetworks.Architectures;

namespace MatGenDiscovery.NeuralNetworks.Tests.Architectures;

public class MatGanNetworksTests
{
    [Fact]
    public void MpGenerator_Latent_GivesProbabilityImagesOf85By8()
    {
        var generator = MatGanNetworks.MpGenerator(new Random(1));

        var images = generator.Forward(Tensor.Randn(new Random(2), 3, 128));

        images.Shape.Should().Equal(3, 1, 85, 8);
        images.ToArray().Should().OnlyContain(v => v > 0f && v < 1f);
        generator.NamedParameters().First().Value.Shape.Should().Equal(3072, 128);
    }

    [Fact]
    public void MpCritic_Images_GivesOneScorePerSampleThroughAn11264Linear()
    {
        var critic = MatGanNetworks.MpCritic(new Random(1));

        var scores = critic.Forward(Tensor.Uniform(new Random(2), 0f, 1f, 3, 1, 85, 8));

        scores.Shape.Should().Equal(3, 1);
        critic.NamedParameters().Last(p => p.Key.EndsWith(".weight")).Value.Shape.Should().Equal(1, 11264);
    }

    [Fact]
    public void MlpPair_ShapesAre680AndOne()
    {
        var random = new Random(1);
        var generator = MatGanNetworks.MlpGenerator(random);
        var critic = MatGanNetworks.MlpCritic(random);

        var samples = generator.Forward(Tensor.Randn(random, 4, 128));

        samples.Shape.Should().Equal(4, 680);
        critic.Forward(samples).Shape.Should().Equal(4, 1);
    }

    [Fact]
    public void MlpGenerator_RowSparsemax_Scores765AndGivesRowsSummingToAtMostOne()
    {
        var random = new Random(1);
        var generator = MatGanNetworks.MlpGenerator(random, MatGanNetworkOptions.Default with { GeneratorOutput = MatGanGeneratorOutput.RowSparsemax });

        var samples = generator.Forward(Tensor.Randn(random, 4, 128));

        samples.Shape.Should().Equal(4, 680);
        generator.NamedParameters().Last(p => p.Key.EndsWith(".weight")).Value.Shape.Should().Equal(765, 1024);
        samples.ToArray().Should().OnlyContain(v => v >= 0f && v <= 1f);
        samples.ToArray().Chunk(8).Should().OnlyContain(row => row.Sum() <= 1f + 1e-5f);
    }

    [Fact]
    public void MpNetworks_OtherMatrixSize_DeriveTheirGeometry()
    {
        var options = new MatGanNetworkOptions(LatentSize: 16, Elements: 20, Counts: 5);
        var random = new Random(3);

        var images = MatGanNetworks.MpGenerator(random, options).Forward(Tensor.Randn(random, 2, 16));

        images.Shape.Should().Equal(2, 1, 20, 5);
        MatGanNetworks.MpCritic(random, options).Forward(images).Shape.Should().Equal(2, 1);
    }

    [Fact]
    public void MpGenerator_SameSeed_BitIdenticalStateDict()
    {
        var a = MatGanNetworks.MpGenerator(new Random(8)).StateDict();
        var b = MatGanNetworks.MpGenerator(new Random(8)).StateDict();

        a.Keys.Should().Equal(b.Keys);
        foreach (var name in a.Keys)
        {
            a[name].ToArray().Select(BitConverter.SingleToInt32Bits).Should().Equal(b[name].ToArray().Select(BitConverter.SingleToInt32Bits), name);
        }
    }

    [Theory]
    [InlineData(CriticNormalization.Batch, false)]
    [InlineData(CriticNormalization.Layer, true)]
    [InlineData(CriticNormalization.None, true)]
    public void MpCritic_Normalization_DecidesWhetherAScoreDependsOnTheRestOfTheBatch(CriticNormalization normalization, bool independent)
    {
        var critic = MatGanNetworks.MpCritic(new Random(1), MatGanNetworkOptions.Default with { CriticNormalization = normalization });
        var batch = Tensor.Uniform(new Random(2), 0f, 1f, 4, 1, 85, 8).ToArray();
        var first = batch.AsSpan(0, 680).ToArray();

        var alone = critic.Forward(Tensor.FromArray([.. first, .. first], 2, 1, 85, 8)).ToArray()[0];
        var inBatch = critic.Forward(Tensor.FromArray(batch, 4, 1, 85, 8)).ToArray()[0];

        (Math.Abs(alone - inBatch) < 1e-4f * (1f + Math.Abs(alone))).Should().Be(independent, $"score alone {alone}, in batch {inBatch}");
    }

    [Fact]
    public void MpCritic_WithoutNormalization_DrawsTheSameWeightsAndHasNoBatchNormState()
    {
        var batch = MatGanNetworks.MpCritic(new Random(5)).StateDict();
        var none = MatGanNetworks.MpCritic(new Random(5), MatGanNetworkOptions.Default with { CriticNormalization = CriticNormalization.None })
            .StateDict();

        none.Should().HaveCount(12, "five convolutions and the linear, each with weight and bias");
        batch.Should().HaveCount(12 + 4 * 4, "plus weight, bias, running mean and running variance of four batch norms");
        var batchWeights = batch.Where(p => p.Value.Rank > 1).Select(p => p.Value.ToArray()).ToList();
        none.Where(p => p.Value.Rank > 1).Select(p => p.Value.ToArray()).Should().BeEquivalentTo(batchWeights, o => o.WithStrictOrdering());
    }
}

