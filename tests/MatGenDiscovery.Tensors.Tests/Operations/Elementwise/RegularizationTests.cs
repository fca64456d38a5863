using MatGenDiscovery.Tensors.Operations.Elementwise;

namespace MatGenDiscovery.Tensors.Tests.Operations.Elementwise;

public class RegularizationTests
{
    [Fact]
    public void Dropout_Training_ZeroesAboutPAndScalesSurvivors()
    {
        var x = Tensor.Ones(10_000);

        var result = x.Dropout(0.25f, training: true, new Random(5)).ToArray();

        result.Should().OnlyContain(v => v == 0f || Math.Abs(v - 4f / 3f) < 1e-6f);
        result.Count(v => v == 0f).Should().BeInRange(2300, 2700);
    }

    [Fact]
    public void Dropout_SameSeed_SameMask()
    {
        var x = Tensor.Ones(100);

        x.Dropout(0.5f, true, new Random(9)).ToArray().Should().Equal(x.Dropout(0.5f, true, new Random(9)).ToArray());
    }

    [Fact]
    public void Dropout_Evaluation_ReturnsInput()
    {
        var x = Tensor.Ones(3);

        x.Dropout(0.5f, training: false, new Random(1)).Should().BeSameAs(x);
    }

    [Fact]
    public void Dropout_Gradient_MatchesFiniteDifferences()
    {
        GradientChecker.Check(t => t[0].Dropout(0.3f, true, new Random(4)), [Tensor.Randn(new Random(2), 3, 4)]);
    }

    [Fact]
    public void Dropout_ProbabilityOne_Throws()
    {
        var act = () => Tensor.Ones(1).Dropout(1f, true, new Random(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[0, 1)*1*");
    }
}
