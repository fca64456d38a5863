namespace MatGenDiscovery.NeuralNetworks.Tests.Optimizers;

/// <summary>A two-element parameter and the constant gradients fed to it at each step.</summary>
internal static class OptimizerTestData
{
    public static readonly double[] Start = [1.0, -2.0];

    public static readonly double[][] Gradients = [[0.5, -1.0], [-0.25, 3.0]];

    public static Tensor Parameter() => Tensor.FromArray(Start.Select(v => (float)v).ToArray(), 2).WithGrad();

    public static Tensor WithGrad(this Tensor tensor)
    {
        tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>Runs two steps, setting each step's gradient by hand, and returns the parameter after each.</summary>
    public static float[][] TwoSteps(Tensor parameter, MatGenDiscovery.NeuralNetworks.Optimizers.Optimizer optimizer)
    {
        var after = new float[2][];
        for (var step = 0; step < 2; step++)
        {
            parameter.Grad = Tensor.FromArray(Gradients[step].Select(v => (float)v).ToArray(), 2);
            optimizer.Step();
            after[step] = parameter.ToArray();
        }

        return after;
    }

    public static void ShouldMatch(this float[][] actual, double[][] expected, double tolerance = 1e-6)
    {
        for (var step = 0; step < expected.Length; step++)
        {
            for (var i = 0; i < expected[step].Length; i++)
            {
                ((double)actual[step][i]).Should().BeApproximately(expected[step][i], tolerance, $"step {step + 1}, element {i}");
            }
        }
    }
}
