namespace MatGenDiscovery.NeuralNetworks.Initialization;

/// <summary>
/// In-place initialisers with PyTorch's formulas (<c>torch.nn.init</c>). Every random one takes an explicit
/// <see cref="Random"/>, so the same seed gives bit-identical weights. Fans follow PyTorch: for a tensor
/// [d0, d1, k…], fan in = d1·∏k and fan out = d0·∏k (also for transposed-convolution weights).
/// </summary>
public static class Init
{
    public static Tensor Zeros(Tensor tensor) => Constant(tensor, 0f);

    public static Tensor Ones(Tensor tensor) => Constant(tensor, 1f);

    public static Tensor Constant(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.AsSpan().Fill(value);
        return tensor;
    }

    /// <summary>Samples U[<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Tensor tensor, Random random, float low, float high)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Tensor.Uniform(random, low, high, tensor.Length).AsReadOnlySpan().CopyTo(tensor.AsSpan());
        return tensor;
    }

    /// <summary>Samples N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative or not finite.</exception>
    public static Tensor Normal(Tensor tensor, Random random, float std, float mean = 0f)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!(std >= 0f && float.IsFinite(std)))
        {
            throw new ArgumentOutOfRangeException(nameof(std), $"Standard deviation must be finite and non-negative, got {std}.");
        }

        var target = tensor.AsSpan();
        var samples = Tensor.Randn(random, tensor.Length).AsReadOnlySpan();
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = mean + std * samples[i];
        }

        return tensor;
    }

    /// <summary>U(−a, a) with a = gain·√(6 / (fan in + fan out)).</summary>
    public static Tensor XavierUniform(Tensor tensor, Random random, float gain = 1f)
    {
        var (fanIn, fanOut) = Fans(tensor);
        var bound = gain * MathF.Sqrt(6f / (fanIn + fanOut));
        return Uniform(tensor, random, -bound, bound);
    }

    /// <summary>N(0, σ²) with σ = gain·√(2 / (fan in + fan out)).</summary>
    public static Tensor XavierNormal(Tensor tensor, Random random, float gain = 1f)
    {
        var (fanIn, fanOut) = Fans(tensor);
        return Normal(tensor, random, gain * MathF.Sqrt(2f / (fanIn + fanOut)));
    }

    /// <summary>
    /// U(−b, b) with b = √3·gain/√fan and gain = √(2 / (1 + a²)) (leaky-ReLU gain with negative slope a; a = 0 is ReLU).
    /// PyTorch's default Linear/Conv weight init is this with a = √5, i.e. b = 1/√fan in.
    /// </summary>
    public static Tensor KaimingUniform(Tensor tensor, Random random, float a = 0f, FanMode mode = FanMode.FanIn)
    {
        var bound = MathF.Sqrt(3f) * LeakyReluGain(a) / MathF.Sqrt(Fan(tensor, mode));
        return Uniform(tensor, random, -bound, bound);
    }

    /// <summary>N(0, σ²) with σ = gain/√fan, gain = √(2 / (1 + a²)).</summary>
    public static Tensor KaimingNormal(Tensor tensor, Random random, float a = 0f, FanMode mode = FanMode.FanIn)
    {
        return Normal(tensor, random, LeakyReluGain(a) / MathF.Sqrt(Fan(tensor, mode)));
    }

    /// <summary>(fan in, fan out) of a weight of rank 2 or more.</summary>
    /// <exception cref="ArgumentException">The tensor has rank below 2 or an empty axis.</exception>
    public static (int FanIn, int FanOut) Fans(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Rank < 2 || tensor.Length == 0)
        {
            throw new ArgumentException($"Fan computation needs a non-empty tensor of rank >= 2, got shape [{string.Join(", ", tensor.Shape)}].", nameof(tensor));
        }

        var receptive = tensor.Length / (tensor.Size(0) * tensor.Size(1));
        return (tensor.Size(1) * receptive, tensor.Size(0) * receptive);
    }

    private static int Fan(Tensor tensor, FanMode mode)
    {
        var (fanIn, fanOut) = Fans(tensor);
        return mode == FanMode.FanIn ? fanIn : fanOut;
    }

    private static float LeakyReluGain(float a) => MathF.Sqrt(2f / (1f + a * a));
}
