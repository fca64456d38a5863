using MatGenDiscovery.Grains.Contracts.Validation;

namespace MatGenDiscovery.Grains.Distributed;

/// <summary>
/// A slice of one round's candidates, sent by the campaign host to a <c>validator</c> worker: screened and scored by
/// a validator built from <see cref="Spec"/> and corrected with <see cref="Labels"/> (all labels revealed before the
/// round), so the report is a pure function of this record.
/// </summary>
/// <param name="BatchIndex">Position of the slice in the round's candidate list.</param>
public sealed record ValidationBatch(string CampaignId, int Round, int BatchIndex, ValidatorSpec Spec, IReadOnlyList<RevealedLabel> Labels, ValidationRequest Request);
