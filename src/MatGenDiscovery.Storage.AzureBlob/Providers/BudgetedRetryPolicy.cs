using Azure.Core;
using Azure.Core.Pipeline;

namespace MatGenDiscovery.Storage.AzureBlob.Providers;

/// <summary>
/// The SDK's retry policy (transient failures: connection refused or reset, timeouts, 408/429/500/502/503/504;
/// exponential delays with ±20 % jitter) with a time budget per request and a callback before every retry.
/// </summary>
internal sealed class BudgetedRetryPolicy : RetryPolicy
{
    private readonly TimeSpan _budget;
    private readonly Action<AzureBlobRetry>? _onRetry;
    private readonly SecretRedactor _redactor;

    public BudgetedRetryPolicy(AzureBlobStoreOptions options, SecretRedactor redactor)
        : base(options.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay))
    {
        _budget = options.RetryBudget;
        _onRetry = options.OnRetry;
        _redactor = redactor;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        Decide(message, exception, base.ShouldRetry(message, exception));

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        Decide(message, exception, await base.ShouldRetryAsync(message, exception).ConfigureAwait(false));

    private bool Decide(HttpMessage message, Exception? exception, bool transient)
    {
        var elapsed = DateTimeOffset.UtcNow - message.ProcessingContext.StartTime;
        if (!transient || elapsed >= _budget)
        {
            return false;
        }

        _onRetry?.Invoke(new AzureBlobRetry(
            message.Request.Method.ToString(),
            _redactor.Redact(message.Request.Uri.ToUri().GetLeftPart(UriPartial.Path)),
            message.ProcessingContext.RetryNumber + 1,
            elapsed,
            _redactor.Redact(Reason(message, exception))));
        return true;
    }

    private static string Reason(HttpMessage message, Exception? exception)
    {
        if (exception is not null)
        {
            var root = exception.GetBaseException();
            return $"{root.GetType().Name}: {root.Message.ReplaceLineEndings(" ")}";
        }

        return message.HasResponse ? $"HTTP {message.Response.Status} {message.Response.ReasonPhrase}" : "no response";
    }
}
