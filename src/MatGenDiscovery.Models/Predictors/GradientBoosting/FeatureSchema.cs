namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>
/// Names the feature columns a model was trained on, e.g. <c>Id = "magpie-145-v1"</c> with 145 names.
/// A saved model refuses to load for a caller expecting a different <see cref="Id"/>.
/// </summary>
public sealed record FeatureSchema
{
    public FeatureSchema(string id, IReadOnlyList<string> names)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(names);
        Id = id;
        Names = names.ToArray();
    }

    public string Id { get; }

    public IReadOnlyList<string> Names { get; }
}
