namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>Keep rows whose <see cref="Name"/> value lies in [<see cref="Min"/>, <see cref="Max"/>] (an open side is null).</summary>
public sealed record PropertyRange
{
    public required string Name { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }
}
