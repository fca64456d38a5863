using MatGenDiscovery.Grains.Contracts.Campaigns;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// The campaign objective F = Σ wᵢ fᵢ (higher is better), with fᵢ = value (maximize), −value (minimize) or
/// −distance(value, [min, max]) (range, 0 inside). Under predictions N(μᵢ, σᵢ²) the objective's mean is
/// Σ wᵢ fᵢ(μᵢ) and its standard deviation √Σ wᵢ²σᵢ² (exact for max/min, the linearisation for ranges).
/// </summary>
public sealed class Objective(IReadOnlyList<TargetConfig> targets)
{
    public IReadOnlyList<TargetConfig> Targets { get; } = targets;

    public double Value(IReadOnlyDictionary<string, double> values) =>
        Targets.Sum(t => t.Weight * Term(t, values[t.Property]));

    public double Std(IReadOnlyDictionary<string, double> stds) =>
        Math.Sqrt(Targets.Sum(t => t.Weight * t.Weight * stds[t.Property] * stds[t.Property]));

    /// <summary>Whether true values satisfy every target (range inside, maximize ≥ min, minimize ≤ max).</summary>
    public bool IsHit(IReadOnlyDictionary<string, double> values) => Targets.All(t => IsHit(t, values[t.Property]));

    public static bool IsHit(TargetConfig target, double value) => target.Mode switch
    {
        "range" => value >= target.Min!.Value && value <= target.Max!.Value,
        "maximize" => value >= target.Min!.Value,
        "minimize" => value <= target.Max!.Value,
        _ => throw new ArgumentException($"unknown target mode '{target.Mode}'"),
    };

    /// <summary>The value a conditional generator is asked for: the range midpoint, or the hit threshold.</summary>
    public static double ConditioningValue(TargetConfig target) => target.Mode switch
    {
        "range" => (target.Min!.Value + target.Max!.Value) / 2,
        "maximize" => target.Min!.Value,
        "minimize" => target.Max!.Value,
        _ => throw new ArgumentException($"unknown target mode '{target.Mode}'"),
    };

    private static double Term(TargetConfig target, double value) => target.Mode switch
    {
        "range" => -Math.Max(0, Math.Max(target.Min!.Value - value, value - target.Max!.Value)),
        "maximize" => value,
        "minimize" => -value,
        _ => throw new ArgumentException($"unknown target mode '{target.Mode}'"),
    };
}
