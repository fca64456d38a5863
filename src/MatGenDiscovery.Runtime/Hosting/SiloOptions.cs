namespace MatGenDiscovery.Runtime.Hosting;

public sealed record SiloOptions
{
    /// <summary>Activations idle at least this long are deactivated; <see cref="Timeout.InfiniteTimeSpan"/> disables collection. Default 15 minutes.</summary>
    public TimeSpan CollectionAge { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations. Default 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; init; } = TimeSpan.FromMinutes(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <exception cref="ArgumentOutOfRangeException">An interval is not positive.</exception>
    public void Validate()
    {
        if (CollectionAge != Timeout.InfiniteTimeSpan && CollectionAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CollectionAge), CollectionAge, "Collection age must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (CollectionQuantum <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CollectionQuantum), CollectionQuantum, "Collection quantum must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
