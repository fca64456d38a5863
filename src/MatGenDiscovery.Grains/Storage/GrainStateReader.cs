using System.Text.Json;
using System.Text.Json.Nodes;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Storage;

/// <summary>
/// Read-only access to persisted grain state for a second process (status, family and grain queries while a
/// campaign runs elsewhere). It never activates a grain: it reads the blobs the owning silo writes at each round end.
/// </summary>
public sealed class GrainStateReader(IBlobStore blobs)
{
    /// <returns>The state, or null when the grain has no stored state.</returns>
    public async Task<T?> ReadAsync<T>(string type, string key, CancellationToken cancellationToken = default)
        where T : class
    {
        var download = await blobs.GetAsync(GrainStatePaths.For(type, key), cancellationToken).ConfigureAwait(false);
        return download is null ? null : JsonSerializer.Deserialize<T>(download.Content.Span, GrainJson.Options);
    }

    /// <returns>The stored JSON of any grain, or null when it has none.</returns>
    public async Task<JsonNode?> ReadJsonAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        var download = await blobs.GetAsync(GrainStatePaths.For(type, key), cancellationToken).ConfigureAwait(false);
        return download is null ? null : JsonNode.Parse(download.Content.Span);
    }

    /// <summary>Keys of the stored grains of a type whose key starts with <paramref name="keyPrefix"/>.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string type, string keyPrefix = "", CancellationToken cancellationToken = default)
    {
        var prefix = $"{GrainStatePaths.Root}{type}/";
        var items = await blobs.ListAsync(prefix + keyPrefix, cancellationToken).ConfigureAwait(false);
        return items
            .Where(item => item.Path.EndsWith(".json", StringComparison.Ordinal))
            .Select(item => item.Path[prefix.Length..^".json".Length])
            .ToList();
    }
}
