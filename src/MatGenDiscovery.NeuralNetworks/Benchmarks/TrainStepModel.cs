namespace MatGenDiscovery.NeuralNetworks.Benchmarks;

/// <summary>The network pairs of the train-step benchmark.</summary>
public enum TrainStepModel
{
    /// <summary>MatGAN's convolutional generator and critic on [B, 1, 85, 8].</summary>
    MatGanMp,

    /// <summary>The fully connected pair on [B, 680].</summary>
    Mlp,
}
