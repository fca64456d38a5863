namespace MatGenDiscovery.Chemistry.Elements;

/// <summary>One element's parsed table row, before it becomes an <see cref="Element"/>.</summary>
internal sealed class ElementRow
{
    public required int AtomicNumber { get; init; }

    public required string Symbol { get; init; }

    public required string Name { get; init; }

    public double? Mass { get; init; }

    public double? PaulingElectronegativity { get; init; }

    public double? PymatgenElectronegativity { get; set; }

    public int[] PymatgenCommonOxidationStates { get; set; } = [];

    public int[] PymatgenOxidationStates { get; set; } = [];

    public required double[] MagpieIonizationEnergies { get; init; }

    public required double?[] Magpie { get; init; }

    /// <summary>Indexed by <see cref="OxidationStateSet"/>.</summary>
    public required int[][] OxidationStates { get; init; }
}
