using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Papers;

/// <summary>
/// A trained property predictor the report scores compositions with (MatGAN's ElemNet and band-gap roles):
/// the dataset property it predicts (<c>formation_energy_per_atom</c> in eV/atom, <c>band_gap</c> in eV), a
/// description of where it was loaded from, and a function giving each composition's prediction (null where the
/// model cannot predict it, e.g. an element outside its table).
/// </summary>
public sealed record PaperPredictor(string Property, string Description, Func<IReadOnlyList<Composition>, double?[]> Predict)
{
    public const string FormationEnergy = "formation_energy_per_atom";

    public const string BandGap = "band_gap";
}
