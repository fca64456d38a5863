namespace MatGenDiscovery.Runtime.Broker.Tests.Support;

/// <summary>
/// A private RabbitMQ node on a free 127.0.0.1 port (distribution port +20000), started through
/// <c>infra/rabbitmq/start.sh</c> with a test user and vhost, and stopped with its data deleted at the end.
/// Start failures fail the tests.
/// </summary>
public sealed class RabbitMqFixture : IDisposable
{
    private readonly Dictionary<string, string> _environment;

    public RabbitMqFixture()
    {
        var port = InfraScript.FreeLoopbackPort(alsoFreeAtOffset: 20000);
        Options = new BrokerOptions
        {
            Port = port,
            VirtualHost = "matgen-test",
            UserName = "matgen-test",
            Password = "test-" + Guid.NewGuid().ToString("N"),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        _environment = new Dictionary<string, string>
        {
            ["RABBITMQ_PORT"] = port.ToString(),
            ["RABBITMQ_STATE_DIR"] = Path.Combine(Path.GetTempPath(), $"matgen-rabbitmq-test-{port}-{Guid.NewGuid():N}"),
            ["MATGEN_RABBITMQ_USER"] = Options.UserName,
            ["MATGEN_RABBITMQ_PASSWORD"] = Options.Password,
            ["MATGEN_RABBITMQ_VHOST"] = Options.VirtualHost,
        };
        InfraScript.Run("infra/rabbitmq/start.sh", _environment, TimeSpan.FromMinutes(10));
    }

    public BrokerOptions Options { get; }

    public void Dispose() =>
        InfraScript.Run("infra/rabbitmq/stop.sh", new Dictionary<string, string>(_environment) { ["RABBITMQ_DELETE_STATE"] = "1" }, TimeSpan.FromMinutes(1));
}
