namespace MatGenDiscovery.Runtime.Broker;

/// <summary>The broker could not be reached or refused the connection; the message is one line naming the broker and the cause.</summary>
public sealed class BrokerConnectionException : Exception
{
    public BrokerConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
