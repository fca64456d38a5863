using System.Runtime.CompilerServices;

namespace MatGenDiscovery.Runtime.Tests.TestGrains;

/// <summary>Fails OnActivateAsync while <see cref="FailuresLeft"/> is positive.</summary>
public sealed class FlakyActivationGrain(StrongBox<int> failuresLeft) : Grain, IFlakyActivationGrain
{
    public StrongBox<int> FailuresLeft { get; } = failuresLeft;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        FailuresLeft.Value-- > 0 ? throw new InvalidDataException("activation failed on purpose") : Task.CompletedTask;

    public Task<string> HelloAsync() => Task.FromResult("hello " + GrainId);
}
