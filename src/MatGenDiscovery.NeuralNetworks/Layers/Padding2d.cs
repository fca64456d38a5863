namespace MatGenDiscovery.NeuralNetworks.Layers;

/// <summary>
/// Zero padding of a 2-D convolution: either TensorFlow SAME (output = ceil(input / stride), the odd pixel after)
/// or explicit, possibly asymmetric, amounts.
/// </summary>
public readonly record struct Padding2d(bool IsSame, int Top, int Bottom, int Left, int Right)
{
    public static Padding2d Same => new(true, 0, 0, 0, 0);

    public static Padding2d Valid => new(false, 0, 0, 0, 0);

    /// <summary>PyTorch-style symmetric padding: <paramref name="height"/> rows above and below, <paramref name="width"/> columns left and right.</summary>
    public static Padding2d Symmetric(int height, int width) => Explicit(height, height, width, width);

    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public static Padding2d Explicit(int top, int bottom, int left, int right)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegative(bottom);
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfNegative(right);
        return new Padding2d(false, top, bottom, left, right);
    }

    public override string ToString() => IsSame ? "SAME" : $"(top {Top}, bottom {Bottom}, left {Left}, right {Right})";
}
