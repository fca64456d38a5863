using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Models.Evaluation;
using MatGenDiscovery.Models.Generative.Autoencoder;
using MatGenDiscovery.Models.Generative.Experiments;

namespace MatGenDiscovery.Models.Tests.Generative.Autoencoder;

public class GeneratedDecodabilityTests
{
    private static readonly Lazy<CountMatrixAutoencoder> Trained = new(TrainOnSmallSet);

    private static CountMatrixAutoencoder TrainOnSmallSet()
    {
        var model = new CountMatrixAutoencoder(
            ModelDefaults.Resolve(new ModelConfig
            {
                Kind = ModelKinds.Autoencoder, Network = ModelKinds.MlpNetwork, LatentSize = 32, ReconstructionLoss = ReconstructionLosses.DiceBce,
            }),
            new Random(4));
        model.SetTrainingData(GenerativeTestData.SmallSet);
        var random = new Random(5);
        for (var step = 0; step < 120; step++)
        {
            model.TrainStep(random, 16);
        }

        return model;
    }

    [Fact]
    public void Measure_CompactSamples_WeighsRowsByCountAndIgnoresUndecoded()
    {
        var model = Trained.Value;
        var decodable = GenerativeTestData.SmallSet.First(model.IsDecodable);
        var outside = Composition.Parse("Mg149Ti");
        var samples = new GeneratedSamples([decodable, outside], [null, null], 0, [], Counts: [5, 3], Undecoded: 7);

        var result = GeneratedDecodability.Measure(model, samples);

        result.Should().Be(new GeneratedDecodability(2, 1, 8, 3));
        result.NotDecodableDistinctShare.Should().Be(0.5);
        result.NotDecodableSampleShare.Should().Be(3 / 8.0);
    }

    [Fact]
    public void Measure_DistinctSingleSampleRows_CountsEachRowOnce()
    {
        var model = Trained.Value;

        var result = GeneratedDecodability.Measure(model, GeneratedSamples.From(GenerativeTestData.SmallSet));

        result.Samples.Should().Be(GenerativeTestData.SmallSet.Count);
        result.NotDecodableSamples.Should().Be(result.NotDecodableDistinct);
        result.NotDecodableDistinct.Should().Be(GenerativeTestData.SmallSet.Count(c => !model.IsDecodable(c)));
    }

    [Fact]
    public void Measure_RepeatedAndUnreducedRows_DecodesEachReducedCompositionOnceAndSumsItsCounts()
    {
        var calls = new List<IReadOnlyList<Composition>>();
        bool[] NotSulfides(IReadOnlyList<Composition> compositions)
        {
            calls.Add(compositions);
            return compositions.Select(c => c.Elements.All(e => e.Symbol != "S")).ToArray();
        }

        var rows = new[] { "NaCl", "ZnS", "Na2Cl2", "ZnS", "MgO" }.Select(Composition.Parse).ToArray();
        var samples = new GeneratedSamples(rows, new double?[rows.Length], 0, [], Counts: [2, 3, 4, 5, 6], Undecoded: 9);

        var result = GeneratedDecodability.Measure(NotSulfides, samples);

        calls.Should().ContainSingle().Which.Select(c => c.ReducedFormula).Should().Equal("NaCl", "ZnS", "MgO");
        result.Should().Be(new GeneratedDecodability(3, 1, 20, 8));
        result.NotDecodableSampleShare.Should().Be(0.4);
    }

    [Fact]
    public void Measure_CheckReturnsWrongNumberOfFlags_Throws()
    {
        var samples = GeneratedSamples.From(GenerativeTestData.SmallSet);

        var act = () => GeneratedDecodability.Measure(_ => [true], samples);

        act.Should().Throw<ArgumentException>().WithMessage("*1 flags for 16 compositions*");
    }
}
