namespace MatGenDiscovery.Runtime.Hosting;

/// <summary>What a grain factory knows when it constructs the grain for one activation.</summary>
public sealed record GrainActivationContext(GrainId GrainId, IGrainFactory GrainFactory);
