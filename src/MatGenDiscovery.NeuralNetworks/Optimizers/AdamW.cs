namespace MatGenDiscovery.NeuralNetworks.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter): p = p·(1 − lr·wd) before the Adam update, which uses
/// the raw gradient. PyTorch's default weight decay 0.01.
/// </summary>
public sealed class AdamW(
    IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
    float epsilon = 1e-8f, float weightDecay = 0.01f)
    : Adam(parameters, learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: true);
