namespace MatGenDiscovery.Runtime;

public enum DeactivationReasonCode
{
    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The activation was idle longer than the collection age.</summary>
    ActivationIdle,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
}
