using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Tests;

/// <summary>
/// Compares autograd gradients with central finite differences. The function's output is contracted with fixed
/// random weights into a scalar; the finite-difference side does that contraction in float64 so that only the
/// float32 rounding of individual outputs, not of a long sum, limits the accuracy.
/// </summary>
internal static class GradientChecker
{
    /// <summary>Asserts ∂⟨f(inputs), W⟩/∂input matches finite differences for every input with RequiresGrad.</summary>
    public static void Check(
        Func<Tensor[], Tensor> function, Tensor[] inputs, float step = 1e-2f, double tolerance = 2e-2, int seed = 7)
    {
        foreach (var input in inputs)
        {
            input.RequiresGrad = true;
        }

        var output = function(inputs);
        var weights = Tensor.Uniform(new Random(seed), -1f, 1f, output.ShapeToArray());
        var loss = (output * weights).Sum();
        var analytic = loss.RequiresGrad
            ? Autograd.Grad(loss, inputs)
            : inputs.Select(input => Tensor.Zeros(input.ShapeToArray())).ToArray();

        for (var k = 0; k < inputs.Length; k++)
        {
            var data = inputs[k].AsSpan();
            var gradient = analytic[k].AsReadOnlySpan();
            for (var i = 0; i < data.Length; i++)
            {
                var original = data[i];
                data[i] = original + step;
                var plus = Contract(function, inputs, weights);
                data = inputs[k].AsSpan();
                data[i] = original - step;
                var minus = Contract(function, inputs, weights);
                data = inputs[k].AsSpan();
                data[i] = original;
                var numeric = (plus - minus) / (2.0 * step);
                var error = Math.Abs(gradient[i] - numeric);
                var allowed = tolerance * (1.0 + Math.Abs(numeric));
                error.Should().BeLessThanOrEqualTo(
                    allowed, $"d/d input{k}[{i}]: analytic {gradient[i]}, numeric {numeric}");
            }
        }
    }

    /// <summary>
    /// Checks the gradient of the first gradient: h(inputs) = concat over inputs of ∂⟨f(inputs), V⟩/∂input,
    /// recorded with createGraph, is itself checked by <see cref="Check"/>.
    /// </summary>
    public static void CheckSecondOrder(
        Func<Tensor[], Tensor> function, Tensor[] inputs, float step = 1e-2f, double tolerance = 2e-2, int seed = 11)
    {
        Tensor FirstGradient(Tensor[] x)
        {
            var output = function(x);
            var weights = Tensor.Uniform(new Random(seed), -1f, 1f, output.ShapeToArray());
            var gradients = Autograd.Grad((output * weights).Sum(), x, createGraph: true);
            return Slicing.Concat(gradients.Select(g => g.Reshape(-1)).ToArray(), 0);
        }

        Check(FirstGradient, inputs, step, tolerance, seed + 1);
    }

    /// <summary>A tensor whose entries are uniform in ±[low, high], so kinks at 0 are at least <paramref name="low"/> away.</summary>
    public static Tensor AwayFromZero(Random random, float low, float high, params int[] shape)
    {
        var tensor = Tensor.Uniform(random, low, high, shape);
        var data = tensor.AsSpan();
        for (var i = 0; i < data.Length; i++)
        {
            if (random.Next(2) == 0)
            {
                data[i] = -data[i];
            }
        }

        return tensor;
    }

    private static double Contract(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor weights)
    {
        // Recording stays on: second-order checks differentiate inside the function.
        var output = function(inputs).AsReadOnlySpan();
        var w = weights.AsReadOnlySpan();
        var sum = 0.0;
        for (var i = 0; i < output.Length; i++)
        {
            sum += (double)output[i] * w[i];
        }

        return sum;
    }
}
