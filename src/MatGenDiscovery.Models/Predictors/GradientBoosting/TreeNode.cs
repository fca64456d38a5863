using System.Runtime.InteropServices;

namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// An internal node: rows with <c>row[Feature] ≤ Threshold</c> go to <see cref="Left"/>, NaN goes left iff
/// <see cref="DefaultLeft"/>. A child ≥ 0 is a node index; a child &lt; 0 is the leaf <c>~child</c>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct TreeNode(int Feature, double Threshold, bool DefaultLeft, int Left, int Right);
