namespace MatGenDiscovery.Models.Generative.Experiments;

/// <summary>Which rows train the model: a catalogued dataset, a filter, a seeded leave-out split and an optional cap.</summary>
public sealed record DataConfig
{
    /// <summary>A name from the dataset catalogue (<c>mp</c>, <c>compgan</c>, <c>icsd</c>, ...).</summary>
    public required string Dataset { get; init; }

    public DataFilterConfig Filter { get; init; } = new();

    /// <summary>Share of unique compositions held out (seeded by the experiment seed).</summary>
    public double LeaveOutFraction { get; init; } = 0.1;

    /// <summary>Keep at most this many training rows (a seeded random subset), for quick runs.</summary>
    public int? MaxTrainingRows { get; init; }
}
