using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Distributed.Tests.Support;

/// <summary>
/// A private RabbitMQ (user, password and vhost of its own) and Azurite, each on a free 127.0.0.1 port, started
/// through the repository's <c>infra/</c> scripts and removed with their data at the end.
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    // Azurite's fixed, publicly documented development account key.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Dictionary<string, string> _rabbitEnvironment;
    private readonly Dictionary<string, string> _azuriteEnvironment;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"matgen-dist-tests-{Guid.NewGuid():N}");
    private readonly Lazy<Task<CampaignOutcome>> _reference;

    public ClusterFixture()
    {
        RabbitPort = InfraScript.FreeLoopbackPort(alsoFreeAtOffset: 20000);
        Password = "pw-" + Guid.NewGuid().ToString("N");
        _rabbitEnvironment = new Dictionary<string, string>
        {
            ["RABBITMQ_PORT"] = RabbitPort.ToString(),
            ["RABBITMQ_STATE_DIR"] = Path.Combine(Path.GetTempPath(), $"matgen-rabbitmq-dist-{RabbitPort}-{Guid.NewGuid():N}"),
            ["MATGEN_RABBITMQ_USER"] = UserName,
            ["MATGEN_RABBITMQ_PASSWORD"] = Password,
            ["MATGEN_RABBITMQ_VHOST"] = VirtualHost,
        };
        _reference = new Lazy<Task<CampaignOutcome>>(RunReferenceAsync);
        Directory.CreateDirectory(_folder);
        ConfigPath = Path.Combine(_folder, "campaign.json");
        File.WriteAllText(ConfigPath, CampaignFiles.TinyConfig);
        AzuritePort = InfraScript.FreeLoopbackPort();
        _azuriteEnvironment = new Dictionary<string, string>
        {
            ["AZURITE_BLOB_PORT"] = AzuritePort.ToString(),
            ["AZURITE_STATE_DIR"] = Path.Combine(Path.GetTempPath(), $"matgen-azurite-dist-{AzuritePort}-{Guid.NewGuid():N}"),
        };
        try
        {
            InfraScript.Run("infra/rabbitmq/start.sh", _rabbitEnvironment, TimeSpan.FromMinutes(10));
            InfraScript.Run("infra/azurite/start.sh", _azuriteEnvironment, TimeSpan.FromMinutes(5));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public const string UserName = "matgen-dist";
    public const string VirtualHost = "matgen-dist";

    public const string CampaignId = "dist-1";

    public int RabbitPort { get; }

    /// <summary>The tiny campaign config (<see cref="CampaignFiles.TinyConfig"/>) as a file.</summary>
    public string ConfigPath { get; }

    public int AzuritePort { get; }

    public string Password { get; }

    public string BrokerUri => $"amqp://{UserName}:{Password}@127.0.0.1:{RabbitPort}/{VirtualHost}";

    public string AzureConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{AzuritePort}/devstoreaccount1;";

    /// <summary>The one-process run of the tiny campaign (embedded default, file-system store), run once on first use.</summary>
    public Task<CampaignOutcome> ReferenceAsync() => _reference.Value;

    /// <summary>Environment of a process that uses the Azurite container <paramref name="container"/> as its <c>--store azure:</c>.</summary>
    public Dictionary<string, string> StoreEnvironment(string container) => new()
    {
        ["MATGEN_BLOB_CONNECTION_STRING"] = AzureConnectionString,
        ["MATGEN_BLOB_CONTAINER"] = container,
    };

    private async Task<CampaignOutcome> RunReferenceAsync()
    {
        var store = Path.Combine(_folder, "reference-store");
        using var run = MatgenProcess.Start(new Dictionary<string, string>(), "campaign", "start", "--config", ConfigPath, "--store", "fs:" + store, "--id", CampaignId);
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));
        if (exit != 0)
        {
            throw new InvalidOperationException($"the one-process reference campaign failed with exit code {exit}: {run.Transcript()}");
        }

        return await CampaignFiles.ReadAsync(new FileSystemBlobStore(store), CampaignId);
    }

    public void Dispose()
    {
        var failures = new List<Exception>();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        foreach (var (script, environment) in new[]
        {
            ("infra/rabbitmq/stop.sh", new Dictionary<string, string>(_rabbitEnvironment) { ["RABBITMQ_DELETE_STATE"] = "1" }),
            ("infra/azurite/stop.sh", new Dictionary<string, string>(_azuriteEnvironment) { ["AZURITE_DELETE_STATE"] = "1" }),
        })
        {
            try
            {
                InfraScript.Run(script, environment, TimeSpan.FromMinutes(1));
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }
}
