using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Predictors;

/// <summary>
/// Predicts one property of compositions, with an uncertainty: the mean and standard deviation over an ensemble.
/// Implementations are immutable after construction and safe to call from many threads at once.
/// </summary>
public interface IPropertyPredictor
{
    /// <summary>Model kind, e.g. <c>gbdt</c> or <c>mlp</c>.</summary>
    string Name { get; }

    /// <summary>Dataset property column, e.g. <c>formation_energy_per_atom</c> (eV/atom) or <c>band_gap</c> (eV).</summary>
    string TargetProperty { get; }

    /// <summary>Feature set the model was trained on, e.g. <see cref="FeatureSetIds.Magpie"/>.</summary>
    string FeatureSetId { get; }

    /// <summary>Null when the model can predict the composition, else the reason (e.g. an element outside its element list).</summary>
    string? Unsupported(Composition composition);

    /// <summary>Writes the ensemble mean and standard deviation of each composition.</summary>
    /// <exception cref="ArgumentException">A span length differs from the number of compositions, or a composition is unsupported.</exception>
    void Predict(ReadOnlySpan<Composition> compositions, Span<double> mean, Span<double> standardDeviation);
}
