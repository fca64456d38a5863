using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>
/// Updates a fixed list of parameters in place from their <see cref="Tensor.Grad"/>. Parameters without a gradient
/// are skipped, as in PyTorch. Updates run on spans with <c>TensorPrimitives</c> and allocate nothing per step
/// after the first.
/// </summary>
public abstract class Optimizer
{
    private float _learningRate;
    private string? _profileName;

    /// <exception cref="ArgumentException">No parameters, a parameter that does not require gradients, or a repeated parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is negative or not finite.</exception>
    protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"{GetType().Name} needs at least one parameter.", nameof(parameters));
        }

        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { RequiresGrad: true } || !seen.Add(list[i]))
            {
                throw new ArgumentException($"{GetType().Name} parameter {i} is null, does not require gradients, or is repeated.", nameof(parameters));
            }
        }

        Parameters = list;
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The current learning rate; schedulers change it between steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = CheckNonNegative(value, nameof(LearningRate));
    }

    /// <summary>The learning rate given at construction; schedules scale it.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        using var profile = OperationProfiler.Measure(_profileName ??= GetType().Name + ".Step");
        StepCount++;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.Grad is { } gradient)
            {
                Update(i, parameter.AsSpan(), gradient.AsReadOnlySpan());
            }
        }
    }

    /// <summary>Drops every parameter's gradient (PyTorch's <c>set_to_none</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters)
        {
            parameter.Grad = null;
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place; called once per step for each parameter with a gradient.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>A per-parameter state buffer of the parameter's length, created zeroed on first use.</summary>
    protected float[] State(float[]?[] states, int index) => states[index] ??= new float[Parameters[index].Length];

    protected static float CheckNonNegative(float value, string name) => value >= 0f && float.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, $"{name} must be finite and non-negative, got {value}.");

    protected static float CheckFraction(float value, string name) => value >= 0f && value < 1f
        ? value
        : throw new ArgumentOutOfRangeException(name, $"{name} must be in [0, 1), got {value}.");

    protected static float CheckPositive(float value, string name) => value > 0f && float.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, $"{name} must be finite and positive, got {value}.");
}
