namespace MatGenDiscovery.Runtime.Hosting;

internal sealed record GrainRegistration(string TypeName, Type InterfaceType, Type GrainClass, Func<GrainActivationContext, Grain> Factory);
