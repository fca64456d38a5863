namespace MatGenDiscovery.Tensors.Tests;

public class TensorTests
{
    [Fact]
    public void FromArray_LengthDiffersFromShape_ThrowsNamingBoth()
    {
        var act = () => Tensor.FromArray(new float[5], 2, 3);

        act.Should().Throw<ArgumentException>().WithMessage("*5 elements*[2, 3]*6*");
    }

    [Fact]
    public void FromArray_ValidData_ExposesShapeAndValues()
    {
        var tensor = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

        tensor.Shape.Should().Equal(2, 3);
        tensor.Rank.Should().Be(2);
        tensor.Length.Should().Be(6);
        tensor[1, 2].Should().Be(6);
        tensor.Size(-1).Should().Be(3);
    }

    [Fact]
    public void Factories_FillExpectedValues()
    {
        Tensor.Zeros(2, 2).ToArray().Should().AllBeEquivalentTo(0f);
        Tensor.Ones(3).ToArray().Should().AllBeEquivalentTo(1f);
        Tensor.Full(2.5f, 2, 1).ToArray().Should().Equal(2.5f, 2.5f);
        Tensor.Scalar(4f).Item().Should().Be(4f);
        Tensor.Scalar(4f).Rank.Should().Be(0);
    }

    [Fact]
    public void Randn_SameSeed_SameBitsAndRoughlyStandardMoments()
    {
        var a = Tensor.Randn(new Random(42), 10_000).ToArray();
        var b = Tensor.Randn(new Random(42), 10_000).ToArray();

        a.Should().Equal(b);
        a.Average().Should().BeApproximately(0f, 0.05f);
        a.Select(v => v * v).Average().Should().BeApproximately(1f, 0.05f);
    }

    [Fact]
    public void Uniform_StaysInRangeAndIsReproducible()
    {
        var a = Tensor.Uniform(new Random(3), -2f, 5f, 1000).ToArray();

        a.Should().OnlyContain(v => v >= -2f && v < 5f);
        a.Should().Equal(Tensor.Uniform(new Random(3), -2f, 5f, 1000).ToArray());
    }

    [Fact]
    public void Item_NonScalar_Throws()
    {
        var act = () => Tensor.Zeros(2).Item();

        act.Should().Throw<InvalidOperationException>().WithMessage("*[2]*");
    }

    [Fact]
    public void Clone_CopiesStorage_DetachSharesIt()
    {
        var tensor = Tensor.FromArray([1, 2], 2);
        var clone = tensor.Clone();
        var detached = tensor.Detach();

        tensor.AsSpan()[0] = 9;

        clone[0].Should().Be(1);
        detached[0].Should().Be(9);
        detached.IsLeaf.Should().BeTrue();
    }

    [Fact]
    public void Zeros_NegativeDimension_Throws()
    {
        var act = () => Tensor.Zeros(2, -1);

        act.Should().Throw<ArgumentException>().WithMessage("*negative*");
    }
}
