namespace MatGenDiscovery.Models.Representations;

/// <summary>A composition that a representation cannot encode (element outside its list, count out of range, ...).</summary>
public sealed class RepresentationException(string message) : ArgumentException(message);
