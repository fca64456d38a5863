using MatGenDiscovery.NeuralNetworks.Activations;
using MatGenDiscovery.NeuralNetworks.Layers;
using MatGenDiscovery.NeuralNetworks.Modules;

namespace MatGenDiscovery.NeuralNetworks.Tests.Modules;

public class ModuleTests
{
    private sealed class Pair : Module
    {
        public Pair(Random random)
        {
            Critic = RegisterModule("critic", new Sequential(new Linear(3, 4, random), new LeakyReLU(0.2f), new Linear(4, 1, random)));
            Norm = RegisterModule("norm", new BatchNorm1d(3));
            Scale = RegisterParameter("scale", Tensor.Ones(1));
        }

        public Sequential Critic { get; }

        public BatchNorm1d Norm { get; }

        public Tensor Scale { get; }

        public override Tensor Forward(Tensor input) => Critic.Forward(Norm.Forward(input)) * Scale;
    }

    [Fact]
    public void NamedParameters_NestedModules_AreDottedInRegistrationOrder()
    {
        var module = new Pair(new Random(1));

        module.NamedParameters().Select(p => p.Key).Should().Equal(
            "scale", "critic.0.weight", "critic.0.bias", "critic.2.weight", "critic.2.bias", "norm.weight", "norm.bias");
        module.Parameters().Should().OnlyContain(p => p.RequiresGrad);
        module.NamedBuffers().Select(b => b.Key).Should().Equal("norm.running_mean", "norm.running_var");
    }

    [Fact]
    public void StateDict_ListsParametersThenBuffersPerModule()
    {
        var state = new Pair(new Random(1)).StateDict();

        state.Keys.Should().Equal(
            "scale", "critic.0.weight", "critic.0.bias", "critic.2.weight", "critic.2.bias",
            "norm.weight", "norm.bias", "norm.running_mean", "norm.running_var");
        state["critic.0.weight"].Shape.Should().Equal(4, 3);
    }

    [Fact]
    public void LoadStateDict_FromOtherlySeededModule_CopiesEveryValueIntoExistingStorage()
    {
        var source = new Pair(new Random(1));
        source.Norm.RunningMean.AsSpan().Fill(0.25f);
        var target = new Pair(new Random(2));
        var weight = target.Critic.Parameters().First();

        target.LoadStateDict(source.StateDict());

        foreach (var (name, tensor) in target.StateDict())
        {
            tensor.ToArray().Should().Equal(source.StateDict()[name].ToArray(), name);
        }

        target.Critic.Parameters().First().Should().BeSameAs(weight);
    }

    [Fact]
    public void LoadStateDict_MissingAndUnexpectedNames_ThrowsListingThemAndLeavesValues()
    {
        var target = new Pair(new Random(2));
        var before = target.Scale.ToArray();
        var state = new Pair(new Random(1)).StateDict();
        state.Remove("norm.running_var");
        state.Add("extra.weight", Tensor.Zeros(1));
        state["scale"] = Tensor.Full(5f, 1);

        var act = () => target.LoadStateDict(state);

        act.Should().Throw<ArgumentException>().WithMessage("*missing: norm.running_var*unexpected: extra.weight*");
        target.Scale.ToArray().Should().Equal(before);
    }

    [Fact]
    public void LoadStateDict_ShapeMismatch_ThrowsNamingTensorAndShapes()
    {
        var state = new Pair(new Random(1)).StateDict();
        state["critic.0.weight"] = Tensor.Zeros(3, 4);

        var act = () => new Pair(new Random(2)).LoadStateDict(state);

        act.Should().Throw<ArgumentException>().WithMessage("*critic.0.weight has shape [3, 4] but the module needs [4, 3]*");
    }

    [Fact]
    public void LoadStateDict_NotStrict_IgnoresMissingAndUnexpected()
    {
        var target = new Pair(new Random(2));
        var state = new Dictionary<string, Tensor> { ["scale"] = Tensor.Full(3f, 1), ["other"] = Tensor.Zeros(2) };

        target.LoadStateDict(state, strict: false);

        target.Scale.Item().Should().Be(3f);
    }

    [Fact]
    public void TrainAndEval_PropagateToDescendants()
    {
        var module = new Pair(new Random(1));

        module.Eval();
        var evaluating = module.Training || module.Critic.Training || module.Critic[0].Training || module.Norm.Training;
        module.Train();

        evaluating.Should().BeFalse();
        module.Critic[2].Training.Should().BeTrue();
    }

    [Fact]
    public void ZeroGrad_AfterBackward_ClearsEveryGradient()
    {
        var module = new Pair(new Random(1));
        module.Forward(Tensor.Randn(new Random(3), 4, 3)).Sum().Backward();
        var hadGradients = module.Parameters().All(p => p.Grad is not null);

        module.ZeroGrad();

        hadGradients.Should().BeTrue();
        module.Parameters().Should().OnlyContain(p => p.Grad == null);
    }

    [Fact]
    public void SaveAndLoad_RoundTripsStateAndMetadata()
    {
        var path = Path.Combine(Path.GetTempPath(), $"module-{Guid.NewGuid():N}.safetensors");
        try
        {
            var source = new Pair(new Random(1));
            source.Save(path, new Dictionary<string, string> { ["step"] = "12" });
            var target = new Pair(new Random(2));

            var metadata = target.Load(path);

            metadata["step"].Should().Be("12");
            target.Critic[0].Parameters().First().ToArray().Should().Equal(source.Critic[0].Parameters().First().ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sequential_Forward_AppliesLayersInOrder()
    {
        var sequential = new Sequential(new Reshape(2, 2), new Flatten(), new ReLU());

        var y = sequential.Forward(Tensor.FromArray([-1f, 2f, -3f, 4f], 1, 4));

        y.Shape.Should().Equal(1, 4);
        y.ToArray().Should().Equal(0f, 2f, 0f, 4f);
        sequential.NamedChildren().Select(c => c.Key).Should().Equal("0", "1", "2");
    }
}
