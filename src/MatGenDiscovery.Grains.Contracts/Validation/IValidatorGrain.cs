using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Contracts.Validation;

/// <summary>
/// Screens and scores candidates (key = validator id, one per campaign): chemistry rules (SMACT validity,
/// element and arity constraints), autoencoder decodability when configured, and property predictors with
/// uncertainty, corrected by the labels revealed so far.
/// </summary>
[GrainType("validator")]
public interface IValidatorGrain : IGrainWithStringKey
{
    /// <summary>Builds the rules and trains the predictors; idempotent for the same spec.</summary>
    Task ConfigureAsync(ValidatorSpec spec);

    Task<ValidationReport> ValidateAsync(ValidationRequest request);

    /// <summary>Replaces the revealed labels the predictors are corrected with, and refits the correction.</summary>
    Task RefitAsync(IReadOnlyList<RevealedLabel> labels);
}
