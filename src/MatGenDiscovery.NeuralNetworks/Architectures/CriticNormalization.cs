namespace MatGenDiscovery.NeuralNetworks.Architectures;

/// <summary>
/// Normalisation after the inner convolutions of MatGAN's conv critic. <see cref="Batch"/> is the published layout;
/// <see cref="Layer"/> and <see cref="None"/> follow Gulrajani et al. 2017 (WGAN-GP, §4: no batch norm in the critic,
/// because the gradient penalty is per sample and batch statistics couple the samples; layer norm is their suggested
/// replacement).
/// </summary>
public enum CriticNormalization
{
    Batch,
    Layer,
    None,
}
