using MatGenDiscovery.Models.Generative.Experiments;
using MatGenDiscovery.Models.Generative.Sampling;
using MatGenDiscovery.Tensors;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// A trainable composition model. Everything a resumed run needs (weights, batch-norm statistics, optimiser moments
/// and fixed buffers) is in <see cref="State"/>; what is needed to rebuild the networks before loading it (element
/// lists, target scaling) is in <see cref="Metadata"/>. Randomness comes only from the <see cref="Random"/> passed in.
/// </summary>
public abstract class GenerativeModel
{
    protected GenerativeModel(ModelDefaults settings) => Settings = settings;

    public ModelDefaults Settings { get; }

    /// <summary>Names of the values <see cref="TrainStep"/> returns, in order (CSV column names).</summary>
    public abstract IReadOnlyList<string> LossNames { get; }

    public virtual bool IsConditional => false;

    /// <summary>False for models that only reconstruct (the autoencoder).</summary>
    public virtual bool CanGenerate => true;

    /// <summary>One step (critic updates, then one generator or autoencoder update) drawing from <paramref name="random"/> only.</summary>
    /// <exception cref="InvalidOperationException">No training data was attached.</exception>
    public abstract float[] TrainStep(Random random, int batchSize);

    /// <summary>Named tensors sharing storage with the model; <see cref="LoadState"/> writes into them.</summary>
    public abstract IEnumerable<KeyValuePair<string, Tensor>> State();

    public virtual IReadOnlyDictionary<string, string> Metadata() => new Dictionary<string, string>();

    /// <summary>Generates <see cref="GenerationRequest.Count"/> samples (eval mode, no graph) and decodes them.</summary>
    /// <exception cref="ArgumentException">A target for an unconditional model, or none for a conditional one.</exception>
    public abstract GeneratedSet Generate(GenerationRequest request);

    /// <summary>Copies every tensor of <paramref name="state"/> into <see cref="State"/>; names and shapes must match exactly.</summary>
    /// <exception cref="ArgumentException">A name is missing or unexpected, or a shape differs.</exception>
    public void LoadState(IReadOnlyDictionary<string, Tensor> state)
    {
        var own = State().ToList();
        var problems = new List<string>();
        var missing = own.Where(p => !state.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        var unexpected = state.Keys.Except(own.Select(p => p.Key)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}");
        }

        if (unexpected.Count > 0)
        {
            problems.Add($"unexpected {string.Join(", ", unexpected.Take(5))}{(unexpected.Count > 5 ? ", ..." : "")}");
        }

        foreach (var (name, tensor) in own)
        {
            if (state.TryGetValue(name, out var source) && !source.Shape.SequenceEqual(tensor.Shape))
            {
                problems.Add($"{name} has shape [{string.Join(", ", source.Shape)}], expected [{string.Join(", ", tensor.Shape)}]");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"state does not fit the {Settings.Kind} model: {string.Join("; ", problems)}", nameof(state));
        }

        foreach (var (name, tensor) in own)
        {
            state[name].AsReadOnlySpan().CopyTo(tensor.AsSpan());
        }
    }

    protected static IEnumerable<KeyValuePair<string, Tensor>> Prefixed(string prefix, IEnumerable<KeyValuePair<string, Tensor>> state) =>
        state.Select(pair => new KeyValuePair<string, Tensor>($"{prefix}.{pair.Key}", pair.Value));

    protected static void RequireUnconditional(GenerationRequest request, string kind)
    {
        if (request.Target is not null)
        {
            throw new ArgumentException($"a {kind} model is unconditional: it takes no target", nameof(request));
        }
    }

    protected static double RequireTarget(GenerationRequest request, string kind) =>
        request.Target ?? throw new ArgumentException($"a {kind} model is conditional: give a target value", nameof(request));
}
