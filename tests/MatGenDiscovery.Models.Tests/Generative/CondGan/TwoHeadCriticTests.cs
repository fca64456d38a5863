using MatGenDiscovery.Models.Generative.CondGan;
using MatGenDiscovery.Models.Generative.Conditional;
using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Models.Tests.Generative.CondGan;

public class TwoHeadCriticTests
{
    private static Tensor Input(int rows) => Tensor.Uniform(new Random(3), 0f, 1f, rows, 7);

    [Theory]
    [InlineData(null)]
    [InlineData(CriticConditionings.Projection)]
    [InlineData(CriticConditionings.Concat)]
    public void Forward_Batch_ReturnsScoreAndProperty(string? conditioning)
    {
        var critic = new TwoHeadCritic(7, new Random(1), conditioning);

        critic.Forward(Input(4), conditioning is null ? null : Tensor.Full(0.5f, 4, 1)).Shape.Should().Equal(4, 2);
    }

    [Theory]
    [InlineData(CriticConditionings.Projection)]
    [InlineData(CriticConditionings.Concat)]
    public void Forward_DifferentTargets_ChangeTheScore(string conditioning)
    {
        var critic = new TwoHeadCritic(7, new Random(1), conditioning);
        var input = Input(5);

        var low = critic.Forward(input, Tensor.Full(0f, 5, 1)).ToArray();
        var high = critic.Forward(input, Tensor.Full(1f, 5, 1)).ToArray();

        Enumerable.Range(0, 5).Select(b => Math.Abs(low[2 * b] - high[2 * b])).Should().OnlyContain(d => d > 1e-6f);
    }

    [Fact]
    public void Forward_ProjectionTargets_LeaveThePropertyHeadAlone()
    {
        var critic = new TwoHeadCritic(7, new Random(1), CriticConditionings.Projection);
        var input = Input(5);

        var low = critic.Forward(input, Tensor.Full(0f, 5, 1)).ToArray();
        var high = critic.Forward(input, Tensor.Full(1f, 5, 1)).ToArray();

        Enumerable.Range(0, 5).Select(b => high[2 * b + 1]).Should().Equal(Enumerable.Range(0, 5).Select(b => low[2 * b + 1]));
    }

    [Fact]
    public void Forward_ProjectionScore_IsDifferentiableInTheInputAndTheEmbedding()
    {
        var critic = new TwoHeadCritic(7, new Random(1), CriticConditionings.Projection);
        var input = Input(3);
        input.RequiresGrad = true;

        critic.Forward(input, Tensor.Full(0.7f, 3, 1)).Narrow(1, 0, 1).Sum().Backward();

        input.Grad!.ToArray().Should().Contain(g => g != 0);
        critic.StateDict()["embedding.weight"].Grad!.ToArray().Should().Contain(g => g != 0);
    }

    [Fact]
    public void Forward_ConditionalWithoutTargets_Throws()
    {
        var critic = new TwoHeadCritic(7, new Random(1), CriticConditionings.Projection);

        var missing = () => critic.Forward(Input(2));
        var wrongShape = () => critic.Forward(Input(2), Tensor.Zeros(3, 1));

        missing.Should().Throw<InvalidOperationException>().WithMessage("*targets*");
        wrongShape.Should().Throw<ArgumentException>().WithMessage("*[2, 1]*[3, 1]*");
    }

    [Fact]
    public void Constructor_UnknownConditioning_ThrowsNamingTheValue()
    {
        var act = () => new TwoHeadCritic(7, new Random(1), "hinge");

        act.Should().Throw<ArgumentException>().WithMessage("*projection*'hinge'*");
    }

    [Fact]
    public void Constructor_Unconditional_DrawsThePublishedWeights()
    {
        var published = new TwoHeadCritic(7, new Random(5));
        var projection = new TwoHeadCritic(7, new Random(5), CriticConditionings.Projection);

        foreach (var (name, tensor) in published.StateDict())
        {
            projection.StateDict()[name].ToArray().Should().Equal(tensor.ToArray(), name);
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 60, 0 })]
    public void Constructor_BadHiddenWidths_Throws(int[] hidden)
    {
        var act = () => new TwoHeadCritic(7, new Random(1), hidden: hidden);

        act.Should().Throw<ArgumentException>().WithMessage("*hidden widths*");
    }
}
