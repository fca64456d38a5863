namespace MatGenDiscovery.Runtime;

/// <summary>A grain addressed by a string key (<c>campaign/abc123</c>, <c>candidatefamily/Fe-Li-O</c>).</summary>
public interface IGrainWithStringKey : IGrain;
