namespace MatGenDiscovery.Runtime;

public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain with this key. Cheap and never activates anything: the grain is activated
    /// by the first call through the reference.
    /// </summary>
    /// <exception cref="InvalidGrainInterfaceException">A method of the interface does not return a task.</exception>
    /// <exception cref="GrainTypeNotRegisteredException">No implementation is registered for the interface.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
