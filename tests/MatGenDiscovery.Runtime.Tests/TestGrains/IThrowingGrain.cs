namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public interface IThrowingGrain : IGrainWithStringKey
{
    Task ThrowBeforeAwaitAsync(string message);

    Task<int> ThrowAfterAwaitAsync(string message);

    ValueTask<int> ThrowValueTaskAsync(string message);

    ValueTask<string> EchoValueTaskAsync(string text);

    ValueTask NothingAsync();
}
