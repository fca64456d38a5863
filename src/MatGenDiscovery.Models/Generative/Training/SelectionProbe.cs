namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>One checkpoint-selection probe: samples drawn, decoded, distinct compositions and the SMACT-valid ones among them.</summary>
public sealed record SelectionProbe(int Step, int Samples, int Decoded, int Distinct, int ValidDistinct)
{
    /// <summary>Distinct valid compositions per sample drawn (<see cref="CheckpointSelection.ValidUnique"/>).</summary>
    public double ValidUniquePerSample => Samples == 0 ? 0 : (double)ValidDistinct / Samples;

    /// <summary>Distinct compositions per sample drawn: the uniqueness the evaluation reports at this many samples.</summary>
    public double UniquePerSample => Samples == 0 ? 0 : (double)Distinct / Samples;

    /// <summary>Valid share of the distinct compositions.</summary>
    public double ValidShare => Distinct == 0 ? 0 : (double)ValidDistinct / Distinct;
}
