using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>
/// Updates a fixed list of parameters in place from their <see cref="Tensor.Grad"/>. Parameters without a gradient
/// are skipped, as in PyTorch. Updates run on spans with <c>TensorPrimitives</c> and allocate nothing per step
/// after the first.
/// </summary>
public abstract class Optimizer
{
    private readonly List<(string Name, float[]?[] Buffers)> _stateBuffers = [];
    private readonly List<(string Name, int[] Counts)> _stateCounters = [];
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

    /// <summary>
    /// A copy of everything a resumed run needs to continue bit-identically: <c>step</c> [1] (<see cref="StepCount"/>),
    /// <c>learning_rate</c> [1], each per-parameter counter (e.g. Adam's <c>step_per_parameter</c> [parameters]) and each
    /// per-parameter buffer that exists so far as <c>&lt;buffer&gt;.&lt;parameter index&gt;</c> in the parameter's shape
    /// (PyTorch's names: <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>momentum_buffer</c>, <c>square_avg</c>, <c>grad_avg</c>).
    /// Counts are stored as floats, exact up to 2²⁴ steps.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDictionary()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal)
        {
            [StepKey] = Tensor.FromArray([StepCount], 1),
            [LearningRateKey] = Tensor.FromArray([LearningRate], 1),
        };
        foreach (var (name, counts) in _stateCounters)
        {
            state[name] = Tensor.FromArray(counts.Select(count => (float)count).ToArray(), counts.Length);
        }

        foreach (var (name, buffers) in _stateBuffers)
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                if (buffers[i] is { } buffer)
                {
                    state[$"{name}.{i}"] = Tensor.FromArray((float[])buffer.Clone(), Parameters[i].ShapeToArray());
                }
            }
        }

        return state;
    }

    /// <summary>
    /// Restores a <see cref="StateDictionary"/> taken from an optimiser of the same kind over parameters of the same
    /// shapes; buffers absent from <paramref name="state"/> start afresh. Nothing changes unless the whole state is valid.
    /// </summary>
    /// <exception cref="ArgumentException">A key is missing or unknown, a tensor has the wrong shape, or a count is not a non-negative integer.</exception>
    public void LoadStateDictionary(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stepCount = ReadCount(state, StepKey, 1)[0];
        var learningRate = ReadScalar(state, LearningRateKey);
        var counters = _stateCounters.Select(counter => ReadCount(state, counter.Name, Parameters.Count)).ToList();
        var buffers = _stateBuffers.Select(buffer => ReadBuffers(state, buffer.Name)).ToList();
        var known = 2 + counters.Count + buffers.Sum(list => list.Count(b => b is not null));
        if (state.Count != known)
        {
            var unknown = state.Keys.First(key => !IsKnownKey(key));
            throw new ArgumentException($"{GetType().Name} state has unknown key '{unknown}'.", nameof(state));
        }

        LearningRate = learningRate;
        StepCount = stepCount;
        for (var c = 0; c < counters.Count; c++)
        {
            counters[c].CopyTo(_stateCounters[c].Counts, 0);
        }

        for (var b = 0; b < buffers.Count; b++)
        {
            buffers[b].CopyTo(_stateBuffers[b].Buffers, 0);
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place; called once per step for each parameter with a gradient.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>Declares per-parameter buffers saved by <see cref="StateDictionary"/> under <paramref name="name"/>; fill them with <see cref="State"/>.</summary>
    protected float[]?[] StateBuffers(string name)
    {
        var buffers = new float[Parameters.Count][];
        _stateBuffers.Add((name, buffers));
        return buffers;
    }

    /// <summary>Declares one integer per parameter saved by <see cref="StateDictionary"/> under <paramref name="name"/>.</summary>
    protected int[] StateCounters(string name)
    {
        var counts = new int[Parameters.Count];
        _stateCounters.Add((name, counts));
        return counts;
    }

    /// <summary>A per-parameter state buffer of the parameter's length, created zeroed on first use.</summary>
    protected float[] State(float[]?[] states, int index) => states[index] ??= new float[Parameters[index].Length];

    private const string StepKey = "step";
    private const string LearningRateKey = "learning_rate";

    private bool IsKnownKey(string key)
    {
        if (key is StepKey or LearningRateKey || _stateCounters.Any(counter => counter.Name == key))
        {
            return true;
        }

        var dot = key.LastIndexOf('.');
        return dot > 0
            && int.TryParse(key.AsSpan(dot + 1), out var index)
            && index >= 0 && index < Parameters.Count
            && _stateBuffers.Any(buffer => key.AsSpan(0, dot).SequenceEqual(buffer.Name));
    }

    private Tensor Read(IReadOnlyDictionary<string, Tensor> state, string key, int[] shape)
    {
        if (!state.TryGetValue(key, out var tensor) || tensor is null)
        {
            throw new ArgumentException($"{GetType().Name} state lacks '{key}'.", nameof(state));
        }

        if (!tensor.Shape.SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"{GetType().Name} state '{key}' has shape [{string.Join(", ", tensor.Shape)}], expected [{string.Join(", ", shape)}].",
                nameof(state));
        }

        return tensor;
    }

    private float ReadScalar(IReadOnlyDictionary<string, Tensor> state, string key) => Read(state, key, [1]).AsReadOnlySpan()[0];

    private int[] ReadCount(IReadOnlyDictionary<string, Tensor> state, string key, int length)
    {
        var values = Read(state, key, [length]).AsReadOnlySpan();
        var counts = new int[length];
        for (var i = 0; i < length; i++)
        {
            counts[i] = values[i] is >= 0f and <= 16_777_216f && values[i] == MathF.Floor(values[i])
                ? (int)values[i]
                : throw new ArgumentException($"{GetType().Name} state '{key}' element {i} is {values[i]}, not a count.", nameof(state));
        }

        return counts;
    }

    private float[]?[] ReadBuffers(IReadOnlyDictionary<string, Tensor> state, string name)
    {
        var buffers = new float[Parameters.Count][];
        for (var i = 0; i < buffers.Length; i++)
        {
            var key = $"{name}.{i}";
            if (state.ContainsKey(key))
            {
                buffers[i] = Read(state, key, Parameters[i].ShapeToArray()).ToArray();
            }
        }

        return buffers;
    }

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
