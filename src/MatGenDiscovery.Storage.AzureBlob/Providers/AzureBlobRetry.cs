namespace MatGenDiscovery.Storage.AzureBlob.Providers;

/// <summary>
/// One transient failure that <see cref="AzureBlobStore"/> is about to retry, for the host's log. Carries no secret:
/// <paramref name="Resource"/> is the request URI without its query (where a SAS signature would be), and
/// <paramref name="Reason"/> has the account key and any <c>sig=</c> value removed.
/// </summary>
/// <param name="Attempt">The attempt that failed, from 1.</param>
/// <param name="Elapsed">Time since the first attempt of this request.</param>
public sealed record AzureBlobRetry(string Method, string Resource, int Attempt, TimeSpan Elapsed, string Reason)
{
    public override string ToString() =>
        $"azure blob: {Method} {Resource} attempt {Attempt} failed ({Reason}); retrying, {Elapsed.TotalSeconds:0.0} s since the first attempt";
}
