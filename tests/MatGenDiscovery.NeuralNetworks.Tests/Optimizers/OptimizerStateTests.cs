using MatGenDiscovery.NeuralNetworks.Optimizers;

namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

public class OptimizerStateTests
{
    public static TheoryData<string> Kinds => new() { "adam", "adamw", "sgd-momentum", "sgd-nesterov", "rmsprop", "rmsprop-centered-momentum" };

    private static Optimizer Create(string kind, IReadOnlyList<Tensor> parameters) => kind switch
    {
        "adam" => new Adam(parameters, 0.01f, 0.5f, 0.9f),
        "adamw" => new AdamW(parameters, 0.01f, 0.5f, 0.9f, weightDecay: 0.1f),
        "sgd-momentum" => new SGD(parameters, 0.05f, momentum: 0.9f, dampening: 0.1f, weightDecay: 0.01f),
        "sgd-nesterov" => new SGD(parameters, 0.05f, momentum: 0.9f, nesterov: true),
        "rmsprop" => new RMSProp(parameters, 0.01f),
        "rmsprop-centered-momentum" => new RMSProp(parameters, 0.01f, weightDecay: 0.01f, momentum: 0.5f, centered: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Tensor[] Parameters(int seed)
    {
        var random = new Random(seed);
        return [Tensor.Randn(random, 3, 4).WithGrad(), Tensor.Randn(random, 4).WithGrad(), Tensor.Randn(random, 2).WithGrad()];
    }

    private static Tensor[] Copy(Tensor[] parameters) =>
        parameters.Select(p => Tensor.FromArray(p.ToArray(), p.ShapeToArray()).WithGrad()).ToArray();

    /// <summary>Random gradients; the last parameter gets none on even steps, so per-parameter state diverges.</summary>
    private static void Run(Optimizer optimizer, Tensor[] parameters, int firstStep, int steps)
    {
        for (var step = firstStep; step < firstStep + steps; step++)
        {
            var random = new Random(1000 + step);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Grad = i == parameters.Length - 1 && step % 2 == 0
                    ? null
                    : Tensor.Randn(random, parameters[i].ShapeToArray());
            }

            optimizer.Step();
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LoadStateDictionary_IntoFreshOptimizer_ContinuesBitIdentically(string kind)
    {
        var original = Parameters(7);
        var optimizer = Create(kind, original);
        Run(optimizer, original, 0, 3);
        var resumed = Copy(original);
        var resumedOptimizer = Create(kind, resumed);

        resumedOptimizer.LoadStateDictionary(optimizer.StateDictionary());
        Run(optimizer, original, 3, 4);
        Run(resumedOptimizer, resumed, 3, 4);

        resumedOptimizer.StepCount.Should().Be(optimizer.StepCount);
        for (var i = 0; i < original.Length; i++)
        {
            resumed[i].ToArray().Should().Equal(original[i].ToArray(), $"parameter {i} after resuming {kind}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LoadStateDictionary_WithoutState_DivergesFromUninterruptedRun(string kind)
    {
        var original = Parameters(7);
        var optimizer = Create(kind, original);
        Run(optimizer, original, 0, 3);
        var restarted = Copy(original);
        var restartedOptimizer = Create(kind, restarted);

        Run(optimizer, original, 3, 2);
        Run(restartedOptimizer, restarted, 3, 2);

        restarted[0].ToArray().Should().NotEqual(original[0].ToArray(), "the round-trip test must be able to fail");
    }

    [Fact]
    public void StateDictionary_Adam_NamesMomentsStepsAndLearningRate()
    {
        var parameters = Parameters(3);
        var adam = new Adam(parameters, 0.01f);
        Run(adam, parameters, 0, 1);

        var state = adam.StateDictionary();

        state.Keys.Should().BeEquivalentTo("step", "learning_rate", "step_per_parameter", "exp_avg.0", "exp_avg_sq.0", "exp_avg.1", "exp_avg_sq.1");
        state["step"].ToArray().Should().Equal(1f);
        state["step_per_parameter"].ToArray().Should().Equal(1f, 1f, 0f);
        state["exp_avg.0"].Shape.Should().Equal(3, 4);
        state["learning_rate"].ToArray().Should().Equal(0.01f);
    }

    [Fact]
    public void StateDictionary_AfterExport_IsNotChangedByFurtherSteps()
    {
        var parameters = Parameters(3);
        var adam = new Adam(parameters, 0.01f);
        Run(adam, parameters, 1, 1);
        var state = adam.StateDictionary();
        var before = state["exp_avg.0"].ToArray();

        Run(adam, parameters, 2, 1);

        state["exp_avg.0"].ToArray().Should().Equal(before);
    }

    [Fact]
    public void LoadStateDictionary_RestoresLearningRate()
    {
        var parameters = Parameters(3);
        var source = new SGD(parameters, 0.05f, momentum: 0.9f) { LearningRate = 0.02f };
        var target = new SGD(Copy(parameters), 0.05f, momentum: 0.9f);

        target.LoadStateDictionary(source.StateDictionary());

        target.LearningRate.Should().Be(0.02f);
    }

    [Fact]
    public void LoadStateDictionary_WrongShape_ThrowsNamingKeyAndLeavesStateUnchanged()
    {
        var parameters = Parameters(3);
        var adam = new Adam(parameters, 0.01f);
        Run(adam, parameters, 1, 1);
        var state = new Dictionary<string, Tensor>(adam.StateDictionary()) { ["exp_avg.1"] = Tensor.Zeros(5) };
        state["step"] = Tensor.FromArray([9f], 1);

        var act = () => adam.LoadStateDictionary(state);

        act.Should().Throw<ArgumentException>().WithMessage("*'exp_avg.1'*shape [5]*expected [4]*");
        adam.StepCount.Should().Be(1);
    }

    [Fact]
    public void LoadStateDictionary_MissingStep_Throws()
    {
        var parameters = Parameters(3);
        var adam = new Adam(parameters, 0.01f);
        var state = new Dictionary<string, Tensor>(adam.StateDictionary());
        state.Remove("step_per_parameter");

        var act = () => adam.LoadStateDictionary(state);

        act.Should().Throw<ArgumentException>().WithMessage("*lacks 'step_per_parameter'*");
    }

    [Theory]
    [InlineData("exp_avg.3")]
    [InlineData("momentum_buffer.0")]
    [InlineData("exp_avg")]
    public void LoadStateDictionary_UnknownKey_ThrowsNamingIt(string key)
    {
        var parameters = Parameters(3);
        var adam = new Adam(parameters, 0.01f);
        var state = new Dictionary<string, Tensor>(adam.StateDictionary()) { [key] = Tensor.Zeros(2) };

        var act = () => adam.LoadStateDictionary(state);

        act.Should().Throw<ArgumentException>().WithMessage($"*unknown key '{key}'*");
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void LoadStateDictionary_StepNotACount_Throws(float step)
    {
        var parameters = Parameters(3);
        var adam = new Adam(parameters, 0.01f);
        var state = new Dictionary<string, Tensor>(adam.StateDictionary()) { ["step"] = Tensor.FromArray([step], 1) };

        var act = () => adam.LoadStateDictionary(state);

        act.Should().Throw<ArgumentException>().WithMessage("*'step' element 0*not a count*");
    }
}
