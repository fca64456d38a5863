using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Models.Generative.CondVae;
using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Tests.Generative.CondVae;

public class CondVaeModelTests
{
    private static CondVaeModel Model(float freeBits = CondVaeModel.DefaultFreeBits, string? output = null) => new(
        ModelDefaults.Resolve(new ModelConfig { Kind = ModelKinds.CondVae, TargetProperty = "p", GeneratorLearningRate = 3e-3, GeneratorOutput = output }),
        ConditionalToySet.Space, new Random(5), freeBits);

    private static int DistinctAfterTraining(float freeBits)
    {
        var model = Model(freeBits);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);
        for (var step = 0; step < 600; step++)
        {
            model.TrainStep(new Random(step), 24);
        }

        return model.Generate(new GenerationRequest(2000, Seed: 11, Target: ConditionalToySet.OxideTarget, ChunkSize: 500)).Unique.Count;
    }

    [Fact]
    public void EncoderDecoder_Batch_HaveSawadaSizes()
    {
        var model = Model();
        var length = ConditionalToySet.Space.Length;

        model.Encoder.Forward(Tensor.Zeros(4, length + 1)).Shape.Should().Equal(4, 20);
        model.Decoder.Forward(Tensor.Zeros(4, 11)).Shape.Should().Equal(4, length);
    }

    [Fact]
    public void TrainStep_ToySet_GenerationFollowsTheTarget()
    {
        var model = Model();
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);

        var losses = Enumerable.Range(0, 600).Select(step => model.TrainStep(new Random(step), 24)).ToList();
        var oxides = ConditionalToySet.OxygenShare(model.Generate, ConditionalToySet.OxideTarget, out var oxideSet);
        var metals = ConditionalToySet.OxygenShare(model.Generate, ConditionalToySet.MetalTarget, out _);

        losses[^1][0].Should().BeLessThan(losses[0][0]);
        oxideSet.Decoded.Should().BeGreaterThan(1000);
        oxides.Should().BeGreaterThan(metals + 0.3);
    }

    [Fact]
    public void TrainStep_SparsemaxDecoder_FollowsTheTargetWithExactZeros()
    {
        var model = Model(output: GeneratorOutputs.Sparsemax);
        model.SetTrainingData(ConditionalToySet.Compositions, ConditionalToySet.Targets);

        var losses = Enumerable.Range(0, 600).Select(step => model.TrainStep(new Random(step), 24)).ToList();
        var oxides = ConditionalToySet.OxygenShare(model.Generate, ConditionalToySet.OxideTarget, out var oxideSet);
        var metals = ConditionalToySet.OxygenShare(model.Generate, ConditionalToySet.MetalTarget, out _);
        var fractions = model.Sample(new Random(1), 200, model.Space.Scale(ConditionalToySet.OxideTarget)).ToArray();

        model.Sparse.Should().BeTrue();
        losses[^1][1].Should().BeLessThan(losses[0][1], "the sparsemax reconstruction loss falls");
        oxideSet.Decoded.Should().BeGreaterThan(1000);
        oxides.Should().BeGreaterThan(metals + 0.3);
        // Each row sums to 1; a toy-set composition has two elements, so most of the bag is exactly 0.
        fractions.Chunk(model.Space.Length).Should().OnlyContain(row => Math.Abs(row.Sum() - 1f) < 1e-4f);
        fractions.Count(v => v == 0f).Should().BeGreaterThan(fractions.Length / 2);
    }

    [Fact]
    public void TrainStep_FreeBits_KeepsTheLatentInUse()
    {
        var plain = DistinctAfterTraining(freeBits: 0);
        var withFreeBits = DistinctAfterTraining(CondVaeModel.DefaultFreeBits);

        withFreeBits.Should().BeGreaterThanOrEqualTo(6, "the 12 oxides should not decode to one or two compositions");
        withFreeBits.Should().BeGreaterThan(plain);
    }

    [Theory]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    public void Constructor_InvalidFreeBits_Throws(float freeBits)
    {
        var act = () => Model(freeBits);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*free bits*");
    }

    [Fact]
    public void Generate_SameSeed_IsDeterministic()
    {
        var model = Model();
        var request = new GenerationRequest(500, 3, Target: 0.5);

        model.Generate(request).Unique.Select(c => c.ReducedFormula).Should()
            .Equal(model.Generate(request).Unique.Select(c => c.ReducedFormula));
    }

    [Fact]
    public void Generate_WithoutTarget_Throws()
    {
        var act = () => Model().Generate(new GenerationRequest(5, 1));

        act.Should().Throw<ArgumentException>().WithMessage("*target*");
    }
}
