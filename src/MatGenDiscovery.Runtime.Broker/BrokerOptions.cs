namespace MatGenDiscovery.Runtime.Broker;

/// <summary>
/// Where and how a process connects to RabbitMQ. Hosts bind this from configuration (credentials from the
/// environment); libraries never read the environment. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record BrokerOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5672;

    public string VirtualHost { get; init; } = "/";

    public required string UserName { get; init; }

    public required string Password { get; init; }

    /// <summary>Bound on connecting (TCP, AMQP handshake, authentication) and on the bus becoming ready.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a remote grain call waits for its reply.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Unacknowledged messages per worker; 1 spreads work evenly over competing workers.</summary>
    public ushort PrefetchCount { get; init; } = 1;

    /// <summary>Completed idempotency keys a worker remembers (oldest forgotten first).</summary>
    public int IdempotencyCacheSize { get; init; } = 10_000;

    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("BrokerOptions.Host is empty.", nameof(Host));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"BrokerOptions.Port {Port} is not a TCP port (1-65535).", nameof(Port));
        }

        if (string.IsNullOrEmpty(VirtualHost) || string.IsNullOrEmpty(UserName))
        {
            throw new ArgumentException("BrokerOptions.VirtualHost and UserName must not be empty.", nameof(UserName));
        }

        if (ConnectTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"BrokerOptions timeouts must be positive (ConnectTimeout {ConnectTimeout}, RequestTimeout {RequestTimeout}).", nameof(ConnectTimeout));
        }

        if (PrefetchCount == 0 || IdempotencyCacheSize < 1)
        {
            throw new ArgumentException($"BrokerOptions.PrefetchCount ({PrefetchCount}) and IdempotencyCacheSize ({IdempotencyCacheSize}) must be at least 1.", nameof(PrefetchCount));
        }
    }

    /// <summary>Host, port, vhost and user; for messages and logs.</summary>
    public string Describe() => $"amqp://{UserName}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";

    public override string ToString() =>
        $"BrokerOptions {{ {Describe()}, Password = <redacted>, ConnectTimeout = {ConnectTimeout}, RequestTimeout = {RequestTimeout}, PrefetchCount = {PrefetchCount} }}";
}
