namespace MatGenDiscovery.Runtime;

public sealed class GrainTypeNotRegisteredException(string what)
    : InvalidOperationException($"No grain implementation is registered for {what}; add it to the GrainTypeRegistry before creating the silo.");
