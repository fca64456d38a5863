using System.Text;
using MatGenDiscovery.Storage.Blobs;

namespace MatGenDiscovery.Storage.Tests.Providers;

/// <summary>Optimistic read-modify-write of a decimal counter blob, retrying on ETag conflicts.</summary>
internal static class CounterWorkload
{
    private const int MaxAttemptsPerIncrement = 10_000;

    public static async Task<int> IncrementAsync(IBlobStore store, string path, int increments)
    {
        var conflicts = 0;
        for (var i = 0; i < increments; i++)
        {
            for (var attempt = 0; ; attempt++)
            {
                if (attempt == MaxAttemptsPerIncrement)
                {
                    throw new InvalidOperationException($"Increment {i} of '{path}' kept conflicting.");
                }

                var current = (await store.GetAsync(path))!;
                var value = int.Parse(Encoding.ASCII.GetString(current.Content.Span));
                try
                {
                    await store.PutAsync(path, Encoding.ASCII.GetBytes((value + 1).ToString()), BlobCondition.IfMatch(current.Properties.ETag));
                    break;
                }
                catch (BlobConditionFailedException)
                {
                    conflicts++;
                }
            }
        }

        return conflicts;
    }

    public static async Task<int> ReadAsync(IBlobStore store, string path) =>
        int.Parse(Encoding.ASCII.GetString((await store.GetAsync(path))!.Content.Span));
}
