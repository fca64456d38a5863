using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class OptimizerTests
{
    public static TheoryData<string> Optimizers => ["sgd", "adam", "adamw", "rmsprop"];

    private static Optimizer Create(string name, IEnumerable<Tensor> parameters) => name switch
    {
        "sgd" => new SGD(parameters, 0.1f, momentum: 0.9f),
        "adam" => new Adam(parameters, 0.05f),
        "adamw" => new AdamW(parameters, 0.05f, weightDecay: 1e-4f),
        _ => new RMSProp(parameters, 0.01f, momentum: 0.5f),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_LinearRegression_Converges(string name)
    {
        var random = new Random(11);
        var x = Tensor.Randn(random, 64, 3);
        var y = x.MatMul(Tensor.FromArray([2f, -1f, 0.5f], 3, 1)) + 0.3f;
        var model = new Linear(3, 1, random);
        var optimizer = Create(name, model.Parameters());

        for (var step = 0; step < 300; step++)
        {
            var loss = Losses.Mse(model.Forward(x), y);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        model.Weight.ToArray().Zip(new[] { 2f, -1f, 0.5f }).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 0.02f, name);
        model.Bias!.Item().Should().BeApproximately(0.3f, 0.02f);
    }

    [Fact]
    public void ZeroGrad_ClearsGradientsAndStepCounts()
    {
        var p = OptimizerTestData.Parameter();
        p.Grad = Tensor.Ones(2);
        var optimizer = new SGD([p], 0.1f);

        optimizer.Step();
        optimizer.ZeroGrad();

        p.Grad.Should().BeNull();
        optimizer.StepCount.Should().Be(1);
    }
}
