namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>One checkpoint-selection probe: samples drawn, decoded, distinct compositions and the SMACT-valid ones among them.</summary>
public sealed record SelectionProbe(int Step, int Samples, int Decoded, int Distinct, int ValidDistinct)
{
    /// <summary>Distinct valid compositions per sample drawn (<see cref="CheckpointSelection.ValidUnique"/>).</summary>
    public double Score => Samples == 0 ? 0 : (double)ValidDistinct / Samples;
}
