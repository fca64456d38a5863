using System.Text.RegularExpressions;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Storage.AzureBlob.Providers;
using MatGenDiscovery.Storage.Blobs;
using MatGenDiscovery.Storage.Providers;

namespace MatGenDiscovery.Cli.Hosting;

/// <summary>
/// The <c>--store</c> value: <c>fs:DIR</c> or a plain folder path (a file-system blob store), or <c>azure:CONNECTION</c>
/// (an Azure Blob Storage or Azurite container). <c>azure:</c> with nothing after it takes the connection string from
/// <c>MATGEN_BLOB_CONNECTION_STRING</c>; the container is <c>MATGEN_BLOB_CONTAINER</c> or <c>matgen</c>.
/// <see cref="Description"/> never contains the account key.
/// </summary>
public sealed partial class BlobStoreLocation
{
    public const string ConnectionStringVariable = "MATGEN_BLOB_CONNECTION_STRING";
    public const string ContainerVariable = "MATGEN_BLOB_CONTAINER";
    public const string DefaultContainer = "matgen";

    private readonly string? _connectionString;
    private readonly string _container;

    private BlobStoreLocation(string? directory, string? connectionString, string container)
    {
        Directory = directory;
        _connectionString = connectionString;
        _container = container;
    }

    /// <summary>The full folder path of a file-system store; null for Azure.</summary>
    public string? Directory { get; }

    /// <summary><c>/full/path</c> or <c>azure:ACCOUNT/CONTAINER</c>; safe to print.</summary>
    public string Description => Directory ?? $"azure:{AccountName(_connectionString!)}/{_container}";

    /// <exception cref="CliException">An empty value, or <c>azure:</c> without a connection string in the option or the environment.</exception>
    public static BlobStoreLocation Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? CampaignClient.DefaultStore : value.Trim();
        if (text.StartsWith("azure:", StringComparison.Ordinal))
        {
            var connection = text["azure:".Length..];
            if (connection.Length == 0)
            {
                connection = Environment.GetEnvironmentVariable(ConnectionStringVariable) ?? "";
            }

            if (!connection.Contains('=', StringComparison.Ordinal))
            {
                throw new CliException($"--store azure: needs a connection string (azure:DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...) or {ConnectionStringVariable} in the environment");
            }

            var container = Environment.GetEnvironmentVariable(ContainerVariable);
            return new BlobStoreLocation(null, connection, string.IsNullOrWhiteSpace(container) ? DefaultContainer : container);
        }

        var folder = text.StartsWith("fs:", StringComparison.Ordinal) ? text["fs:".Length..] : text;
        if (folder.Length == 0)
        {
            throw new CliException("--store fs: needs a folder (fs:DIR)");
        }

        return new BlobStoreLocation(Path.GetFullPath(folder), null, DefaultContainer);
    }

    /// <summary>Opens the store; a file-system store creates its folder here, not before.</summary>
    public IBlobStore Open() => Directory is { } directory
        ? new FileSystemBlobStore(directory)
        : new AzureBlobStore(new AzureBlobStoreOptions
        {
            ConnectionString = _connectionString!,
            ContainerName = _container,

            // An outage is retried with backoff; say so on stderr (the retry's text carries no key or signature).
            OnRetry = retry => Console.Error.WriteLine($"storage: {retry}"),
        });

    public override string ToString() => Description;

    private static string AccountName(string connectionString) =>
        AccountNamePattern().Match(connectionString) is { Success: true } match ? match.Groups[1].Value : "account";

    [GeneratedRegex("AccountName=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AccountNamePattern();
}
