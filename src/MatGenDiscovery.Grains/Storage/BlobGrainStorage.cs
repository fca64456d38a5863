using System.Text.Json;
using MatGenDiscovery.Runtime;
using MatGenDiscovery.Runtime.Storage;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Grains.Storage;

/// <summary>
/// <see cref="IGrainStorage"/> on an <see cref="IBlobStore"/>: one JSON blob per grain at
/// <c>grains/&lt;type&gt;/&lt;key&gt;.json</c> (one state record per grain, so the state name is not part of the
/// path). The grain's ETag is the blob's ETag; writes are <c>IfMatch(etag)</c>, or <c>IfNotExists</c> for the first,
/// so two activations of one grain in different processes can never overwrite each other silently.
/// </summary>
public sealed class BlobGrainStorage(IBlobStore blobs, JsonSerializerOptions? serializerOptions = null) : IGrainStorage
{
    private readonly JsonSerializerOptions _options = serializerOptions ?? GrainJson.Options;

    public IBlobStore Blobs => blobs;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = GrainStatePaths.For(grainId);
        var download = await blobs.GetAsync(path).ConfigureAwait(false);
        if (download is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        try
        {
            grainState.State = JsonSerializer.Deserialize<T>(download.Content.Span, _options)
                ?? throw new InvalidDataException($"grain state blob '{path}' holds JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"grain state blob '{path}' is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }

        grainState.ETag = download.Properties.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = GrainStatePaths.For(grainId);
        var json = JsonSerializer.SerializeToUtf8Bytes(grainState.State, _options);
        try
        {
            grainState.ETag = await blobs.PutAsync(path, json, Condition(grainState.ETag)).ConfigureAwait(false);
            grainState.RecordExists = true;
        }
        catch (BlobConditionFailedException ex)
        {
            throw InconsistentStateException.ForGrain(grainId, stateName, ex.CurrentETag, grainState.ETag, ex);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = GrainStatePaths.For(grainId);
        try
        {
            if (grainState.ETag is { } etag)
            {
                await blobs.DeleteAsync(path, BlobCondition.IfMatch(etag)).ConfigureAwait(false);
            }
            else if (await blobs.ExistsAsync(path).ConfigureAwait(false))
            {
                throw InconsistentStateException.ForGrain(grainId, stateName, "<existing>", null);
            }
        }
        catch (BlobConditionFailedException ex)
        {
            throw InconsistentStateException.ForGrain(grainId, stateName, ex.CurrentETag, grainState.ETag, ex);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static BlobCondition Condition(string? etag) => etag is null ? BlobCondition.IfNotExists : BlobCondition.IfMatch(etag);
}
