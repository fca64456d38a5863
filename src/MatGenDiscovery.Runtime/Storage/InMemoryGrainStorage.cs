using System.Text.Json;

namespace MatGenDiscovery.Runtime.Storage;

/// <summary>
/// Process-local <see cref="IGrainStorage"/> for tests and single-process runs. State is stored as a JSON snapshot
/// (System.Text.Json), so later mutations of a grain's object never leak into storage and every read returns a fresh
/// copy, as with a real provider. ETags are a per-store version counter.
/// </summary>
public sealed class InMemoryGrainStorage(JsonSerializerOptions? serializerOptions = null) : IGrainStorage
{
    private readonly Dictionary<(string StateName, GrainId GrainId), Record> _records = [];
    private readonly Lock _gate = new();
    private readonly JsonSerializerOptions _serializerOptions = serializerOptions ?? JsonSerializerOptions.Default;
    private long _version;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Record? record;
        lock (_gate)
        {
            _records.TryGetValue((stateName, grainId), out record);
        }

        if (record is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json, _serializerOptions)!;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(grainState.State, _serializerOptions);
        lock (_gate)
        {
            CheckETag(stateName, grainId, grainState.ETag);
            var etag = $"v{++_version}";
            _records[(stateName, grainId)] = new Record(json, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            CheckETag(stateName, grainId, grainState.ETag);
            _records.Remove((stateName, grainId));
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private void CheckETag(string stateName, GrainId grainId, string? currentETag)
    {
        var storedETag = _records.TryGetValue((stateName, grainId), out var record) ? record.ETag : null;
        if (!string.Equals(storedETag, currentETag, StringComparison.Ordinal))
        {
            throw InconsistentStateException.ForGrain(grainId, stateName, storedETag, currentETag);
        }
    }

    private sealed record Record(byte[] Json, string ETag);
}
