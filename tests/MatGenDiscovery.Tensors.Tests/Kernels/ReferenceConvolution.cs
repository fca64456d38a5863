using MatGenDiscovery.Tensors.Kernels;

namespace MatGenDiscovery.Tensors.Tests.Kernels;

/// <summary>Direct seven-loop convolution and its two gradients, written from the definition in double precision.</summary>
internal static class ReferenceConvolution
{
    public static float[] Forward(float[] input, float[] weight, ConvolutionGeometry g)
    {
        var output = new float[g.OutputLength];
        for (int n = 0; n < g.Batch; n++)
        for (int o = 0; o < g.OutChannels; o++)
        for (int y = 0; y < g.OutHeight; y++)
        for (int x = 0; x < g.OutWidth; x++)
        {
            double sum = 0;
            for (int c = 0; c < g.InChannels; c++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                if (TryInputIndex(g, n, c, y, x, i, j, out int index))
                {
                    sum += (double)weight[WeightIndex(g, o, c, i, j)] * input[index];
                }
            }

            output[OutputIndex(g, n, o, y, x)] = (float)sum;
        }

        return output;
    }

    public static float[] BackwardInput(float[] gradOutput, float[] weight, ConvolutionGeometry g)
    {
        var gradInput = new double[g.InputLength];
        for (int n = 0; n < g.Batch; n++)
        for (int o = 0; o < g.OutChannels; o++)
        for (int y = 0; y < g.OutHeight; y++)
        for (int x = 0; x < g.OutWidth; x++)
        {
            double upstream = gradOutput[OutputIndex(g, n, o, y, x)];
            for (int c = 0; c < g.InChannels; c++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                if (TryInputIndex(g, n, c, y, x, i, j, out int index))
                {
                    gradInput[index] += weight[WeightIndex(g, o, c, i, j)] * upstream;
                }
            }
        }

        return Array.ConvertAll(gradInput, value => (float)value);
    }

    public static float[] BackwardWeight(float[] input, float[] gradOutput, ConvolutionGeometry g)
    {
        var gradWeight = new double[g.WeightLength];
        for (int n = 0; n < g.Batch; n++)
        for (int o = 0; o < g.OutChannels; o++)
        for (int y = 0; y < g.OutHeight; y++)
        for (int x = 0; x < g.OutWidth; x++)
        {
            double upstream = gradOutput[OutputIndex(g, n, o, y, x)];
            for (int c = 0; c < g.InChannels; c++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                if (TryInputIndex(g, n, c, y, x, i, j, out int index))
                {
                    gradWeight[WeightIndex(g, o, c, i, j)] += input[index] * upstream;
                }
            }
        }

        return Array.ConvertAll(gradWeight, value => (float)value);
    }

    private static bool TryInputIndex(in ConvolutionGeometry g, int n, int c, int y, int x, int i, int j, out int index)
    {
        int sourceY = y * g.StrideHeight - g.PadTop + i;
        int sourceX = x * g.StrideWidth - g.PadLeft + j;
        bool inside = sourceY >= 0 && sourceY < g.InHeight && sourceX >= 0 && sourceX < g.InWidth;
        index = inside ? ((n * g.InChannels + c) * g.InHeight + sourceY) * g.InWidth + sourceX : -1;
        return inside;
    }

    private static int WeightIndex(in ConvolutionGeometry g, int o, int c, int i, int j) =>
        ((o * g.InChannels + c) * g.KernelHeight + i) * g.KernelWidth + j;

    private static int OutputIndex(in ConvolutionGeometry g, int n, int o, int y, int x) =>
        ((n * g.OutChannels + o) * g.OutHeight + y) * g.OutWidth + x;
}
