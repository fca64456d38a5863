namespace MatGenDiscovery.Runtime.Tests.TestGrains;

public sealed class ThrowingGrain : Grain, IThrowingGrain
{
    public Task ThrowBeforeAwaitAsync(string message) => throw new ArgumentException(message, nameof(message));

    public async Task<int> ThrowAfterAwaitAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public async ValueTask<int> ThrowValueTaskAsync(string message)
    {
        await Task.Yield();
        throw new FormatException(message);
    }

    public ValueTask<string> EchoValueTaskAsync(string text) => ValueTask.FromResult(text + "@" + GetPrimaryKeyString());

    public ValueTask NothingAsync() => ValueTask.CompletedTask;
}
