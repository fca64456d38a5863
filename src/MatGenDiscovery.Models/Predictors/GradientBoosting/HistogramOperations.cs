using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Inner loops over one feature's histogram slice; row order is fixed, so sums are reproducible.</summary>
internal static class HistogramOperations
{
    /// <summary>The hot loop of training: adds each row's gradient and hessian to the entry of its bin.</summary>
    /// <remarks>Unchecked indexing is safe: every bin index was produced by <see cref="FeatureBinning"/> for this histogram.</remarks>
    public static void Accumulate(Span<HistogramEntry> histogram, ReadOnlySpan<byte> column, ReadOnlySpan<int> rows, double[] gradients, double[] hessians)
    {
        ref var histogramStart = ref MemoryMarshal.GetReference(histogram);
        ref var columnStart = ref MemoryMarshal.GetReference(column);
        ref var gradientStart = ref MemoryMarshal.GetArrayDataReference(gradients);
        ref var hessianStart = ref MemoryMarshal.GetArrayDataReference(hessians);
        for (var i = 0; i < rows.Length; i++)
        {
            ref var entry = ref Unsafe.Add(ref histogramStart, Unsafe.Add(ref columnStart, rows[i]));
            entry.Gradient += Unsafe.Add(ref gradientStart, i);
            entry.Hessian += Unsafe.Add(ref hessianStart, i);
            entry.Count++;
        }
    }

    /// <summary>As <see cref="Accumulate"/> with hessians all 1: one add fewer per row, bit-identical sums.</summary>
    public static void AccumulateUnitHessians(Span<HistogramEntry> histogram, ReadOnlySpan<byte> column, ReadOnlySpan<int> rows, double[] gradients)
    {
        ref var histogramStart = ref MemoryMarshal.GetReference(histogram);
        ref var columnStart = ref MemoryMarshal.GetReference(column);
        ref var gradientStart = ref MemoryMarshal.GetArrayDataReference(gradients);
        for (var i = 0; i < rows.Length; i++)
        {
            ref var entry = ref Unsafe.Add(ref histogramStart, Unsafe.Add(ref columnStart, rows[i]));
            entry.Gradient += Unsafe.Add(ref gradientStart, i);
            entry.Count++;
        }

        foreach (ref var entry in histogram)
        {
            entry.Hessian = entry.Count;
        }
    }

    /// <summary>larger ← larger − smaller, entry by entry (the subtraction trick: parent − smaller child = larger child).</summary>
    public static void Subtract(Span<HistogramEntry> larger, ReadOnlySpan<HistogramEntry> smaller)
    {
        for (var bin = 0; bin < larger.Length; bin++)
        {
            ref var entry = ref larger[bin];
            entry.Gradient -= smaller[bin].Gradient;
            entry.Hessian -= smaller[bin].Hessian;
            entry.Count -= smaller[bin].Count;
        }
    }
}
