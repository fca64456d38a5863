using MatGenDiscovery.Tensors.Diagnostics;

namespace MatGenDiscovery.Tensors;

/// <summary>The reverse-mode engine: records operation nodes and walks them backwards.</summary>
public static class Autograd
{
    /// <summary>
    /// Gradients of <paramref name="output"/> with respect to <paramref name="inputs"/>, without touching
    /// <see cref="Tensor.Grad"/>. Only nodes on a path to an input are visited. An input the output does not
    /// depend on gets a zero gradient. With <paramref name="createGraph"/> the gradients are themselves recorded
    /// so they can be differentiated again (e.g. a gradient penalty).
    /// </summary>
    /// <param name="gradOutput">Seed gradient, same shape as <paramref name="output"/>; defaults to 1 for a scalar.</param>
    public static Tensor[] Grad(
        Tensor output, IReadOnlyList<Tensor> inputs, Tensor? gradOutput = null, bool createGraph = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        using var profile = OperationProfiler.Measure("Autograd.Grad");
        var seed = ValidateSeed(output, gradOutput);
        var targets = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var input in inputs)
        {
            targets.Add(input ?? throw new ArgumentException("Inputs contain null.", nameof(inputs)));
        }

        var order = TopologicalOrder(output);
        var relevant = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var tensor in order)
        {
            if (targets.Contains(tensor) || (tensor.Node is { } node && AnyRelevant(node.Inputs, relevant)))
            {
                relevant.Add(tensor);
            }
        }

        var found = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
        using (createGraph ? GradMode.Enable() : GradMode.Disable())
        {
            Propagate(output, seed, order, tensor => relevant.Contains(tensor), (tensor, gradient, _) =>
            {
                if (targets.Contains(tensor))
                {
                    found[tensor] = gradient;
                }
            });
        }

        var result = new Tensor[inputs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = found.TryGetValue(inputs[i], out var gradient) ? gradient : Tensor.Zeros(inputs[i].ShapeArray);
        }

        return result;
    }

    internal static void Backward(Tensor output, Tensor? gradOutput)
    {
        using var profile = OperationProfiler.Measure("Autograd.Backward");
        var seed = ValidateSeed(output, gradOutput);
        var order = TopologicalOrder(output);
        using (GradMode.Disable())
        {
            Propagate(output, seed, order, static tensor => tensor.RequiresGrad, static (tensor, gradient, exclusive) =>
            {
                if (tensor.IsLeaf)
                {
                    AccumulateIntoLeaf(tensor, gradient, exclusive);
                }
            });
        }
    }

    internal static bool ShouldRecord(Tensor a) => a.RequiresGrad && GradMode.IsEnabled;

    internal static bool ShouldRecord(Tensor a, Tensor b) => (a.RequiresGrad || b.RequiresGrad) && GradMode.IsEnabled;

    /// <summary>Attaches a node to <paramref name="result"/>; callers check <see cref="ShouldRecord(Tensor)"/> first.</summary>
    internal static Tensor Record(Tensor result, string name, Tensor[] inputs, BackwardFunction backward)
    {
        result.Node = new GradientNode(name, inputs, backward);
        result.RequiresGrad = true;
        return result;
    }

    private static Tensor ValidateSeed(Tensor output, Tensor? gradOutput)
    {
        if (!output.RequiresGrad)
        {
            throw new InvalidOperationException(
                $"Cannot differentiate a tensor of shape {Tensor.FormatShape(output.ShapeArray)} that does not require grad " +
                "(no input had RequiresGrad, or it was computed under NoGrad).");
        }

        if (gradOutput is null)
        {
            if (output.Length != 1)
            {
                throw new InvalidOperationException(
                    $"Backward without a seed gradient needs a scalar output, got shape {Tensor.FormatShape(output.ShapeArray)}.");
            }

            return Tensor.Ones(output.ShapeArray);
        }

        if (!output.ShapeArray.AsSpan().SequenceEqual(gradOutput.ShapeArray))
        {
            throw new ArgumentException(
                $"Seed gradient shape {Tensor.FormatShape(gradOutput.ShapeArray)} differs from output shape " +
                $"{Tensor.FormatShape(output.ShapeArray)}.", nameof(gradOutput));
        }

        return gradOutput;
    }

    /// <param name="onComplete">Receives each tensor's final gradient and whether nothing else references it.</param>
    private static void Propagate(
        Tensor output,
        Tensor seed,
        List<Tensor> order,
        Func<Tensor, bool> needsGradient,
        Action<Tensor, Tensor, bool> onComplete)
    {
        var pending = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [output] = seed };

        // Sums this walk allocated and has not handed out yet; only these may be accumulated into in place.
        var owned = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var needsBuffer = new bool[4];
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var tensor = order[i];
            if (!pending.Remove(tensor, out var gradient))
            {
                continue;
            }

            onComplete(tensor, gradient, owned.Remove(gradient));
            if (tensor.Node is not { } node)
            {
                continue;
            }

            var inputs = node.Inputs;
            if (needsBuffer.Length < inputs.Length)
            {
                needsBuffer = new bool[inputs.Length];
            }

            var needs = needsBuffer.AsSpan(0, inputs.Length);
            var any = false;
            for (var j = 0; j < inputs.Length; j++)
            {
                needs[j] = inputs[j].RequiresGrad && needsGradient(inputs[j]);
                any |= needs[j];
            }

            if (!any)
            {
                continue;
            }

            var gradInputs = new Tensor?[inputs.Length];
            using (OperationProfiler.MeasureBackward(node.Name))
            {
                node.Backward(gradient, needs, gradInputs);
            }

            for (var j = 0; j < inputs.Length; j++)
            {
                if (!needs[j] || gradInputs[j] is not { } gradInput)
                {
                    continue;
                }

                if (!gradInput.ShapeArray.AsSpan().SequenceEqual(inputs[j].ShapeArray))
                {
                    throw new InvalidOperationException(
                        $"{node.Name} backward produced gradient shape {Tensor.FormatShape(gradInput.ShapeArray)} for input {j} " +
                        $"of shape {Tensor.FormatShape(inputs[j].ShapeArray)}.");
                }

                Accumulate(pending, owned, inputs[j], gradInput);
            }
        }
    }

    private static void Accumulate(Dictionary<Tensor, Tensor> pending, HashSet<Tensor> owned, Tensor input, Tensor gradient)
    {
        if (!pending.TryGetValue(input, out var existing))
        {
            pending[input] = gradient;
        }
        else if (!GradMode.IsEnabled && owned.Contains(existing))
        {
            System.Numerics.Tensors.TensorPrimitives.Add(existing.AsReadOnlySpan(), gradient.AsReadOnlySpan(), existing.AsSpan());
        }
        else
        {
            var sum = existing + gradient;
            pending[input] = sum;
            if (!GradMode.IsEnabled)
            {
                owned.Add(sum);
            }
        }
    }

    private static void AccumulateIntoLeaf(Tensor leaf, Tensor gradient, bool exclusive)
    {
        if (leaf.Grad is null)
        {
            // Arena storage is recycled when its scope ends, but a leaf's gradient outlives the scope.
            leaf.Grad = exclusive && !TensorArena.IsActive ? gradient : gradient.Clone();
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Add(leaf.Grad.AsReadOnlySpan(), gradient.AsReadOnlySpan(), leaf.Grad.AsSpan());
        }
    }

    private static bool AnyRelevant(Tensor[] inputs, HashSet<Tensor> relevant)
    {
        foreach (var input in inputs)
        {
            if (relevant.Contains(input))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tensors reachable from <paramref name="output"/> through nodes, every input before its consumers.</summary>
    private static List<Tensor> TopologicalOrder(Tensor output)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { output };
        var stack = new Stack<(Tensor Tensor, int NextInput)>();
        stack.Push((output, 0));
        while (stack.Count > 0)
        {
            var (tensor, next) = stack.Pop();
            var inputs = tensor.Node?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((tensor, next + 1));
                var input = inputs[next];
                if (input.RequiresGrad && visited.Add(input))
                {
                    stack.Push((input, 0));
                }
            }
            else
            {
                order.Add(tensor);
            }
        }

        return order;
    }
}
