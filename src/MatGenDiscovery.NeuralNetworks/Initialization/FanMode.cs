namespace MatGenDiscovery.NeuralNetworks.Initialization;

/// <summary>Which fan Kaiming initialisation preserves: the forward (<see cref="FanIn"/>) or backward (<see cref="FanOut"/>) variance.</summary>
public enum FanMode
{
    FanIn,
    FanOut,
}
