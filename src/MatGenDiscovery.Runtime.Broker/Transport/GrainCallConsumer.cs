using MassTransit;
using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Messages;

namespace MatGenDiscovery.Runtime.Broker.Transport;

/// <summary>Consumes grain calls from a role queue, runs each idempotency key once, and replies to the caller.</summary>
public sealed class GrainCallConsumer : IConsumer<GrainCallRequest>
{
    private readonly GrainCallDispatcher _dispatcher;
    private readonly IdempotencyCache<GrainCallResponse> _completed;
    private readonly Action<GrainCallRequest>? _onExecuted;

    /// <param name="onExecuted">Called when a request is actually dispatched (not answered from the cache); for metrics and tests.</param>
    public GrainCallConsumer(GrainCallDispatcher dispatcher, IdempotencyCache<GrainCallResponse> completed, Action<GrainCallRequest>? onExecuted = null)
    {
        _dispatcher = dispatcher;
        _completed = completed;
        _onExecuted = onExecuted;
    }

    public async Task Consume(ConsumeContext<GrainCallRequest> context)
    {
        var request = context.Message;
        var response = await _completed.GetOrRunAsync(request.IdempotencyKey, () =>
        {
            _onExecuted?.Invoke(request);
            return _dispatcher.DispatchAsync(request);
        }).ConfigureAwait(false);
        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(response).ConfigureAwait(false);
        }
        else if (request.ReplyAddress is not null)
        {
            var endpoint = await context.GetSendEndpoint(request.ReplyAddress).ConfigureAwait(false);
            await endpoint.Send(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
