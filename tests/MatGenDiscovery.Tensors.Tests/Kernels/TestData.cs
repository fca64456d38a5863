namespace MatGenDiscovery.Tensors.Tests.Kernels;

internal static class TestData
{
    public static float[] Uniform(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    public static double Dot(float[] x, float[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (double)x[i] * y[i];
        }

        return sum;
    }
}
