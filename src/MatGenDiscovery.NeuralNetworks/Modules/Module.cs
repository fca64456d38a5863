using MatGenDiscovery.NeuralNetworks.Checkpoints;

namespace MatGenDiscovery.NeuralNetworks.Modules;

/// <summary>
/// A network building block. Parameters (leaf tensors with <see cref="Tensor.RequiresGrad"/>), buffers (state that is
/// saved but not trained, such as batch-norm running statistics) and child modules are registered by name in
/// construction order; dotted paths (<c>critic.0.weight</c>) name them in <see cref="StateDict"/>.
/// </summary>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Tensor>> _parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> _buffers = [];
    private readonly List<KeyValuePair<string, Module>> _children = [];

    /// <summary>True in training mode (the default); batch norm and dropout behave differently in evaluation.</summary>
    public bool Training { get; private set; } = true;

    public abstract Tensor Forward(Tensor input);

    /// <summary>Parameters of this module and its descendants, depth first in registration order.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(pair => pair.Value);

    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters() => Collect(module => module._parameters, "");

    public IEnumerable<Tensor> Buffers() => NamedBuffers().Select(pair => pair.Value);

    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers() => Collect(module => module._buffers, "");

    public IReadOnlyList<KeyValuePair<string, Module>> NamedChildren() => _children;

    /// <summary>Every parameter and buffer by dotted name, in registration order (each module's parameters, then its buffers, then its children).</summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var state = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        AddState(state, "");
        return state;
    }

    /// <summary>
    /// Copies <paramref name="state"/> into the existing parameter and buffer storage, so optimisers holding the
    /// parameters keep working. Nothing is copied unless every check passes.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A name is missing or unexpected (with <paramref name="strict"/>), or a shape differs; the message lists them.
    /// </exception>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        var problems = new List<string>();
        if (strict)
        {
            var missing = own.Keys.Where(name => !state.ContainsKey(name)).ToList();
            var unexpected = state.Keys.Where(name => !own.ContainsKey(name)).ToList();
            if (missing.Count > 0) problems.Add($"missing: {string.Join(", ", missing)}");
            if (unexpected.Count > 0) problems.Add($"unexpected: {string.Join(", ", unexpected)}");
        }

        foreach (var (name, target) in own)
        {
            if (state.TryGetValue(name, out var source) && !source.Shape.SequenceEqual(target.Shape))
            {
                problems.Add($"{name} has shape [{string.Join(", ", source.Shape)}] but the module needs [{string.Join(", ", target.Shape)}]");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"State dict does not fit {GetType().Name}: {string.Join("; ", problems)}.", nameof(state));
        }

        foreach (var (name, target) in own)
        {
            if (state.TryGetValue(name, out var source))
            {
                source.AsReadOnlySpan().CopyTo(target.AsSpan());
            }
        }
    }

    /// <summary>Sets <see cref="Training"/> on this module and every descendant.</summary>
    public Module Train(bool training = true)
    {
        Training = training;
        foreach (var (_, child) in _children)
        {
            child.Train(training);
        }

        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Drops the accumulated gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters())
        {
            parameter.Grad = null;
        }
    }

    /// <summary>Writes <see cref="StateDict"/> as a safetensors file, atomically.</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensorsFile.Write(path, StateDict(), metadata);

    /// <summary>Loads a safetensors file written by <see cref="Save"/> (strict names and shapes) and returns its metadata.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file.</exception>
    /// <exception cref="ArgumentException">Its tensors do not fit this module.</exception>
    public IReadOnlyDictionary<string, string> Load(string path)
    {
        var checkpoint = SafeTensorsFile.Read(path);
        LoadStateDict(checkpoint.Tensors);
        return checkpoint.Metadata;
    }

    /// <summary>Registers a trainable tensor: sets <see cref="Tensor.RequiresGrad"/> and returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        CheckName(name);
        parameter.RequiresGrad = true;
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CheckName(name);
        _buffers.Add(new(name, buffer));
        return buffer;
    }

    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        module.Train(Training);
        _children.Add(new(name, module));
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
        {
            throw new ArgumentException($"Module member name '{name}' must be non-empty and contain no '.'.", nameof(name));
        }

        if (_parameters.Any(p => p.Key == name) || _buffers.Any(b => b.Key == name) || _children.Any(c => c.Key == name))
        {
            throw new ArgumentException($"{GetType().Name} already has a member named '{name}'.", nameof(name));
        }
    }

    private IEnumerable<KeyValuePair<string, Tensor>> Collect(Func<Module, List<KeyValuePair<string, Tensor>>> select, string prefix)
    {
        foreach (var (name, tensor) in select(this))
        {
            yield return new(prefix + name, tensor);
        }

        foreach (var (name, child) in _children)
        {
            foreach (var pair in child.Collect(select, $"{prefix}{name}."))
            {
                yield return pair;
            }
        }
    }

    private void AddState(OrderedDictionary<string, Tensor> state, string prefix)
    {
        foreach (var (name, tensor) in _parameters.Concat(_buffers))
        {
            state.Add(prefix + name, tensor);
        }

        foreach (var (name, child) in _children)
        {
            child.AddState(state, $"{prefix}{name}.");
        }
    }
}
