namespace MatGenDiscovery.Grains.Generators;

public sealed class GeneratorState
{
    public string SpecHash { get; set; } = "";

    public string ModelKind { get; set; } = "";

    public bool Conditional { get; set; }

    public string? TargetProperty { get; set; }

    /// <summary>Step of the prepared (initially trained or loaded) model.</summary>
    public int InitialStep { get; set; }

    /// <summary>Checkpoint steps stored under <c>checkpoints/&lt;id&gt;/</c>, ascending.</summary>
    public List<int> Checkpoints { get; set; } = [];
}
