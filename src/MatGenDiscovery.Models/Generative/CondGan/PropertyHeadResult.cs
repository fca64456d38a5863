namespace MatGenDiscovery.Models.Generative.CondGan;

/// <summary>
/// Sawada's Table 4 on <see cref="Count"/> held-out compositions: MAE and RMSE (property units) of the CondGAN critic's
/// property head and of a plain network of the same size trained for <see cref="PlainSteps"/> updates on the same inputs.
/// </summary>
public sealed record PropertyHeadResult(int Count, double CriticMae, double CriticRmse, double PlainMae, double PlainRmse, int PlainSteps);
