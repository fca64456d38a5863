namespace MatGenDiscovery.Storage.AzureBlob.Tests.Support;

/// <summary>
/// A private Azurite blob service on a free 127.0.0.1 port, started through <c>infra/azurite/start.sh</c> (which
/// installs Azurite with npm on first use) and removed with its data at the end. Start failures fail the tests.
/// </summary>
public sealed class AzuriteFixture : IDisposable
{
    // Azurite's fixed, publicly documented development account key.
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, string> _environment;

    public AzuriteFixture()
    {
        Port = InfraScript.FreeLoopbackPort();
        _environment = new Dictionary<string, string>
        {
            ["AZURITE_BLOB_PORT"] = Port.ToString(),
            ["AZURITE_STATE_DIR"] = Path.Combine(Path.GetTempPath(), $"matgen-azurite-test-{Port}-{Guid.NewGuid():N}"),
        };
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";
        Start();
    }

    public int Port { get; }

    /// <summary>Azurite's <c>--location</c> parent: its data (extent files holding blob content) lives under <c>data/</c>.</summary>
    public string StateDirectory => _environment["AZURITE_STATE_DIR"];

    public string ConnectionString { get; }

    public void Start() => InfraScript.Run("infra/azurite/start.sh", _environment, ScriptTimeout);

    /// <summary>Stops the server gracefully and keeps its data, so <see cref="Start"/> brings the same blobs back.</summary>
    public void Stop() => InfraScript.Run("infra/azurite/stop.sh", _environment, TimeSpan.FromSeconds(30));

    public void Dispose() =>
        InfraScript.Run("infra/azurite/stop.sh", new Dictionary<string, string>(_environment) { ["AZURITE_DELETE_STATE"] = "1" }, TimeSpan.FromSeconds(30));
}
