namespace MatGenDiscovery.Runtime.Broker.Messages;

/// <summary>
/// Envelope of one grain call sent through the broker: which method of which grain, with its arguments as a JSON
/// array (System.Text.Json, one element per parameter).
/// </summary>
/// <param name="GrainInterface">Full name of the grain interface (<c>MatGenDiscovery.Grains.Contracts.Generators.IGeneratorGrain</c>).</param>
/// <param name="GrainKey">Key of the target grain.</param>
/// <param name="Method">Method signature <c>Name(ParamType1,ParamType2)</c> with full type names, so overloads stay distinct.</param>
/// <param name="ArgumentsJson">JSON array of the arguments in parameter order.</param>
/// <param name="IdempotencyKey">Same key ⇒ same call: a redelivered or re-sent request is executed once per worker and answered from its cache.</param>
/// <param name="ReplyAddress">Address of the caller's reply queue.</param>
public sealed record GrainCallRequest(
    string GrainInterface,
    string GrainKey,
    string Method,
    string ArgumentsJson,
    Guid IdempotencyKey,
    Uri? ReplyAddress);
