using System.Numerics.Tensors;
using MatGenDiscovery.NeuralNetworks.Modules;
using Tensor = MatGenDiscovery.Tensors.Tensor;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// Exponential moving average of a module's whole state (parameters and buffers such as batch-norm running
/// statistics), kept in a second module of the same architecture. Update t (1-based) sets
/// avg ← d_t·avg + (1 − d_t)·θ with d_t = min(decay, (1 + t)/(10 + t)), TensorFlow's <c>num_updates</c> warm-up, so
/// early on the average is not dominated by the initial weights. The average starts as a copy of the source.
/// </summary>
public sealed class ExponentialMovingAverage
{
    private readonly Tensor[] _source;
    private readonly Tensor[] _average;
    private readonly float[] _updates = [0];

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decay"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The two modules' states differ in names or shapes.</exception>
    public ExponentialMovingAverage(Module source, Module average, float decay)
    {
        if (!(decay > 0 && decay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "the averaging decay must be in (0, 1)");
        }

        var sourceState = source.StateDict();
        var averageState = average.StateDict();
        if (!sourceState.Keys.SequenceEqual(averageState.Keys)
            || sourceState.Values.Zip(averageState.Values).Any(pair => !pair.First.Shape.SequenceEqual(pair.Second.Shape)))
        {
            throw new ArgumentException("the averaged module must have the same state names and shapes as its source", nameof(average));
        }

        Decay = decay;
        Average = average;
        _source = [.. sourceState.Values];
        _average = [.. averageState.Values];
        for (var i = 0; i < _source.Length; i++)
        {
            _source[i].AsReadOnlySpan().CopyTo(_average[i].AsSpan());
        }
    }

    public float Decay { get; }

    /// <summary>The module holding the averaged state.</summary>
    public Module Average { get; }

    public int Updates => (int)_updates[0];

    /// <summary>d_t of update <paramref name="update"/> (1-based).</summary>
    public float DecayAt(int update) => Math.Min(Decay, (1f + update) / (10f + update));

    /// <summary>Folds the source's current state into the average.</summary>
    public void Update()
    {
        var decay = DecayAt(Updates + 1);
        for (var i = 0; i < _source.Length; i++)
        {
            var average = _average[i].AsSpan();
            TensorPrimitives.Multiply(average, decay, average);
            TensorPrimitives.MultiplyAdd(_source[i].AsReadOnlySpan(), 1f - decay, average, average);
        }

        _updates[0]++;
    }

    /// <summary>The averaged module's state dict and <c>updates</c> [1], sharing storage (loading writes into them).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> State() =>
        Average.StateDict().Append(new("updates", Tensor.FromArray(_updates, 1)));
}
