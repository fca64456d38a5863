using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Layers;

public class ShapeAndRegularizationLayerTests
{
    [Fact]
    public void Dropout_TrainingAndEval_ScalesSurvivorsOrPassesThrough()
    {
        var dropout = new Dropout(0.5f, new Random(3));
        var x = Tensor.Ones(1000);

        var trained = dropout.Forward(x).ToArray();
        dropout.Eval();
        var evaluated = dropout.Forward(x);

        trained.Should().OnlyContain(v => v == 0f || v == 2f);
        trained.Count(v => v == 0f).Should().BeInRange(430, 570);
        evaluated.Should().BeSameAs(x);
    }

    [Fact]
    public void Reshape_KeepsBatchAxis()
    {
        var y = new Reshape(128, 6, 4).Forward(Tensor.Zeros(3, 3072));

        y.Shape.Should().Equal(3, 128, 6, 4);
    }

    [Fact]
    public void Activations_MatchTheirFormulas()
    {
        var x = Tensor.FromArray([-2f, 0f, 3f], 3);

        new ReLU().Forward(x).ToArray().Should().Equal(0f, 0f, 3f);
        new LeakyReLU(0.2f).Forward(x).ToArray().Should().Equal(-0.4f, 0f, 3f);
        new Sigmoid().Forward(x).ToArray()[0].Should().BeApproximately(1f / (1f + MathF.Exp(2f)), 1e-6f);
        new Tanh().Forward(x).ToArray()[2].Should().BeApproximately(MathF.Tanh(3f), 1e-6f);
    }

    [Fact]
    public void Flatten_MergesTrailingAxes()
    {
        new Flatten().Forward(Tensor.Zeros(2, 128, 22, 4)).Shape.Should().Equal(2, 11264);
    }
}
