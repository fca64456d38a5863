using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Grains.Validation;

/// <summary>
/// A property predictor with uncertainty, as the validator needs it. Narrow on purpose: the predictors engineer's
/// <c>IPropertyPredictor</c> can replace <see cref="PropertyEnsemble"/> behind it without touching the grains.
/// </summary>
public interface IPropertyModel
{
    string Property { get; }

    /// <summary>Mean and standard deviation for each composition, in the property's units.</summary>
    (double[] Mean, double[] Std) Predict(IReadOnlyList<Composition> compositions);
}
