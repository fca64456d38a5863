namespace MatGenDiscovery.Models.Papers;

/// <summary>A number quoted from a paper beside ours: what it measures, the value as printed and where it is printed.</summary>
public sealed record PublishedNumber(string Quantity, string Value, string Where);
