using MatGenDiscovery.Models.Generative.Training;
using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.Models.Tests.Generative.Training;

public class ExponentialMovingAverageTests
{
    private static Sequential Network(int seed) => new(new Linear(3, 4, new Random(seed)), new BatchNorm1d(4), new ReLU());

    [Fact]
    public void Constructor_CopiesTheSourceState()
    {
        var source = Network(1);

        var average = new ExponentialMovingAverage(source, Network(2), 0.99f);

        average.Average.StateDict().Values.Select(t => t.ToArray())
            .Should().BeEquivalentTo(source.StateDict().Values.Select(t => t.ToArray()), o => o.WithStrictOrdering());
        average.Updates.Should().Be(0);
    }

    [Fact]
    public void Update_FoldsEveryStateTensorWithTheWarmedUpDecay()
    {
        var source = Network(1);
        var average = new ExponentialMovingAverage(source, Network(2), 0.99f);
        var start = source.StateDict().Values.Select(t => t.ToArray()).ToArray();
        var expected = start.Select(a => (float[])a.Clone()).ToArray();
        var sourceState = source.StateDict().Values.ToArray();

        for (var update = 1; update <= 3; update++)
        {
            foreach (var tensor in sourceState)
            {
                var span = tensor.AsSpan();
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] += 0.5f * update + i;
                }
            }

            var decay = Math.Min(0.99f, (1f + update) / (10f + update));
            for (var k = 0; k < expected.Length; k++)
            {
                var current = sourceState[k].ToArray();
                for (var i = 0; i < current.Length; i++)
                {
                    expected[k][i] = decay * expected[k][i] + (1 - decay) * current[i];
                }
            }

            average.Update();
        }

        average.Updates.Should().Be(3);
        var actual = average.Average.StateDict().Values.Select(t => t.ToArray()).ToArray();
        for (var k = 0; k < expected.Length; k++)
        {
            actual[k].Should().Equal(expected[k], (a, e) => Math.Abs(a - e) <= 1e-5f * (1 + Math.Abs(e)));
            actual[k].Should().NotEqual(start[k]);
        }
    }

    [Theory]
    [InlineData(1, 2f / 11)]
    [InlineData(9, 10f / 19)]
    [InlineData(100_000, 0.999f)]
    public void DecayAt_WarmsUpToTheConfiguredDecay(int update, float expected)
    {
        var average = new ExponentialMovingAverage(Network(1), Network(2), 0.999f);

        average.DecayAt(update).Should().BeApproximately(expected, 1e-6f);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void Constructor_DecayOutsideOpenUnitInterval_Throws(float decay)
    {
        var act = () => new ExponentialMovingAverage(Network(1), Network(2), decay);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*decay*");
    }

    [Fact]
    public void Constructor_DifferentArchitecture_Throws()
    {
        var act = () => new ExponentialMovingAverage(Network(1), new Sequential(new Linear(3, 5, new Random(2))), 0.9f);

        act.Should().Throw<ArgumentException>().WithMessage("*same state names and shapes*");
    }

    [Fact]
    public void State_HoldsTheAverageAndTheUpdateCount()
    {
        var average = new ExponentialMovingAverage(Network(1), Network(2), 0.9f);
        average.Update();
        average.Update();

        var state = average.State().ToDictionary(p => p.Key, p => p.Value);

        state.Keys.Should().Contain(average.Average.StateDict().Keys).And.Contain("updates");
        state["updates"].ToArray().Should().Equal(2f);
    }
}
