namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>A published value drawn as a dashed line across the plot with its label, e.g. "MatGAN: 84.5%" at 0.845.</summary>
public sealed record ReferenceValue(string Label, double Value);
