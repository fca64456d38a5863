namespace MatGenDiscovery.Grains.Contracts.Validation;

/// <summary>A true property value revealed by a simulated experiment (an oracle look-up).</summary>
public sealed record RevealedLabel(string Formula, string Property, double Value, int Round);
