namespace MatGenDiscovery.NeuralNetworks.Training;

/// <summary>
/// Losses of one WGAN-GP step: the critic loss E[D(fake)] − E[D(real)] + λ·GP, its gradient-penalty part λ·GP,
/// and the generator loss −E[D(G(z))] (NaN when no generator update ran).
/// </summary>
public readonly record struct WganGpStepResult(float CriticLoss, float GradientPenalty, float GeneratorLoss)
{
    /// <summary>The critic's estimate of the Wasserstein-1 distance, E[D(real)] − E[D(fake)].</summary>
    public float WassersteinEstimate => GradientPenalty - CriticLoss;
}
