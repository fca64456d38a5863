namespace MatGenDiscovery.Runtime.Broker.Messages;

/// <summary>Reply to a <see cref="GrainCallRequest"/>: the JSON result, or the type and message of the exception the call threw.</summary>
/// <param name="ResultJson">JSON of the returned value; <c>null</c> for methods returning a plain task, and on error.</param>
/// <param name="ErrorType">Full name of the exception type, or null on success.</param>
public sealed record GrainCallResponse(Guid IdempotencyKey, string? ResultJson, string? ErrorType, string? ErrorMessage)
{
    public bool Succeeded => ErrorType is null;
}
