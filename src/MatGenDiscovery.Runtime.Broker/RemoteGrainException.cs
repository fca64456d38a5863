namespace MatGenDiscovery.Runtime.Broker;

/// <summary>A remote grain call threw; carries the remote exception's type name and message (the stack stays remote).</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException(string grain, string method, string remoteType, string? remoteMessage)
        : base($"Remote call {grain}.{method} threw {remoteType}: {remoteMessage}")
    {
        RemoteType = remoteType;
    }

    public string RemoteType { get; }
}
