namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Sums of gradients and hessians, and the row count, of the rows falling in one bin.</summary>
internal struct HistogramEntry
{
    public double Gradient;
    public double Hessian;
    public int Count;
}
