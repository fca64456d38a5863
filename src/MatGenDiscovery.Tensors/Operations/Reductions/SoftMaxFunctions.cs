using MatGenDiscovery.Tensors.Operations.Elementwise;

namespace MatGenDiscovery.Tensors.Operations.Reductions;

/// <summary>Softmax and log-softmax along one axis, shifted by the (constant) maximum for stability.</summary>
public static class SoftMaxFunctions
{
    public static Tensor LogSoftmax(this Tensor x, int axis = -1)
    {
        var shifted = x - x.Detach().Max(axis, keepDim: true);
        return shifted - shifted.Exp().Sum(axis, keepDim: true).Log();
    }

    public static Tensor Softmax(this Tensor x, int axis = -1)
    {
        var exponentials = (x - x.Detach().Max(axis, keepDim: true)).Exp();
        return exponentials / exponentials.Sum(axis, keepDim: true);
    }
}
