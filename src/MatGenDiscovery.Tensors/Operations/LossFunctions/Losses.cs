using MatGenDiscovery.Tensors.Operations.Elementwise;
using MatGenDiscovery.Tensors.Operations.Reductions;
using MatGenDiscovery.Tensors.Operations.Shape;

namespace MatGenDiscovery.Tensors.Operations.LossFunctions;

/// <summary>Scalar training losses, all mean-reduced, composed from differentiable operations.</summary>
public static class Losses
{
    /// <summary>ln of the smallest probability BCE distinguishes; PyTorch clamps the log at −100 the same way.</summary>
    private const float LogFloor = -100f;

    /// <summary>mean((prediction − target)²).</summary>
    public static Tensor Mse(Tensor prediction, Tensor target) => Difference(prediction, target, nameof(Mse)).Square().Mean();

    /// <summary>mean(|prediction − target|).</summary>
    public static Tensor L1(Tensor prediction, Tensor target) => Difference(prediction, target, nameof(L1)).Abs().Mean();

    /// <summary>−mean(t·ln p + (1 − t)·ln(1 − p)) for probabilities p, with ln clamped at −100.</summary>
    public static Tensor BinaryCrossEntropy(Tensor probability, Tensor target)
    {
        RequireSameShape(probability, target, nameof(BinaryCrossEntropy));
        var logP = ClampedLog(probability);
        var logNotP = ClampedLog(1f - probability);
        return -(target * logP + (1f - target) * logNotP).Mean();
    }

    /// <summary>mean(softplus(x) − x·t) = BCE(σ(x), t), stable for any logit.</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target)
    {
        RequireSameShape(logits, target, nameof(BinaryCrossEntropyWithLogits));
        return (logits.Softplus() - logits * target).Mean();
    }

    /// <summary>−mean over samples of 2·Σ(p·t) / (Σp + Σt), sums over all non-batch axes (MatGAN's autoencoder loss).</summary>
    public static Tensor NegativeDice(Tensor prediction, Tensor target)
    {
        RequireSameShape(prediction, target, nameof(NegativeDice));
        var batch = prediction.Rank == 0 ? 1 : prediction.ShapeArray[0];
        var p = prediction.Reshape(batch, -1);
        var t = target.Reshape(batch, -1);
        var overlap = (p * t).Sum(1);
        var total = p.Sum(1) + t.Sum(1);
        return -(overlap * 2f / total).Mean();
    }

    /// <summary>
    /// Sparsemax loss (Martins &amp; Astudillo 2016, eq. 17) of scores z against target distributions q along the last
    /// axis, averaged over the rows: (p − q)·z − ½‖p‖² + ½‖q‖² with p = sparsemax(z), which is ≥ 0, is 0 exactly when
    /// p = q, and has gradient p − q (through p the extra terms cancel, since z − p is constant on p's support). It is
    /// to sparsemax what cross-entropy is to softmax, and stays finite where p has exact zeros.
    /// </summary>
    public static Tensor SparsemaxLoss(Tensor scores, Tensor target)
    {
        RequireSameShape(scores, target, nameof(SparsemaxLoss));
        var p = scores.Sparsemax();
        var rows = scores.Length / scores.Size(-1);
        var perRow = ((p - target) * scores).Sum() - 0.5f * p.Square().Sum() + 0.5f * target.Square().Sum();
        return perRow * (1f / rows);
    }

    /// <summary>Critic loss E[D(fake)] − E[D(real)] (minimised by the critic).</summary>
    public static Tensor WassersteinCritic(Tensor criticReal, Tensor criticFake) => criticFake.Mean() - criticReal.Mean();

    /// <summary>Generator loss −E[D(fake)].</summary>
    public static Tensor WassersteinGenerator(Tensor criticFake) => -criticFake.Mean();

    /// <summary>
    /// WGAN-GP penalty λ·mean((‖∂D(x̂)/∂x̂‖₂ − 1)²) at x̂ = ε·real + (1 − ε)·fake with one ε ~ U[0, 1) per sample
    /// drawn from <paramref name="random"/>. x̂ is detached from real and fake, so the penalty's gradient reaches
    /// only the critic's parameters (through the recorded input gradient).
    /// </summary>
    /// <exception cref="ArgumentException">real and fake differ in shape or have no batch axis.</exception>
    public static Tensor GradientPenalty(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, Random random, float lambda = 10f)
    {
        ArgumentNullException.ThrowIfNull(critic);
        RequireSameShape(real, fake, nameof(GradientPenalty));
        if (real.Rank == 0)
        {
            throw new ArgumentException("GradientPenalty needs a batch axis; got scalar inputs.", nameof(real));
        }

        var shape = new int[real.Rank];
        Array.Fill(shape, 1);
        shape[0] = real.ShapeArray[0];
        var epsilon = Tensor.Uniform(random, 0f, 1f, shape);
        Tensor interpolated;
        using (Tensor.NoGrad())
        {
            interpolated = real.Detach() * epsilon + fake.Detach() * (1f - epsilon);
        }

        interpolated.RequiresGrad = true;
        var score = critic(interpolated);
        var gradient = Autograd.Grad(score.Sum(), [interpolated], createGraph: true)[0];
        var norm = (gradient.Reshape(shape[0], -1).Square().Sum(1) + 1e-12f).Sqrt();
        return (norm - 1f).Square().Mean() * lambda;
    }

    /// <summary>KL(N(μ, e^logvar) ‖ N(0, 1)) = −½·Σ(1 + logvar − μ² − e^logvar), summed per sample and averaged over the batch.</summary>
    public static Tensor GaussianKl(Tensor mean, Tensor logVariance)
    {
        RequireSameShape(mean, logVariance, nameof(GaussianKl));
        var batch = mean.Rank == 0 ? 1 : mean.ShapeArray[0];
        return (1f + logVariance - mean.Square() - logVariance.Exp()).Sum() * (-0.5f / batch);
    }

    /// <summary>ln p floored at −100; the inner clamp keeps ln(0) from producing −∞·0 = NaN gradients.</summary>
    private static Tensor ClampedLog(Tensor p) => p.Clamp(min: float.Epsilon).Log().Clamp(min: LogFloor);

    private static Tensor Difference(Tensor prediction, Tensor target, string loss)
    {
        RequireSameShape(prediction, target, loss);
        return prediction - target;
    }

    private static void RequireSameShape(Tensor a, Tensor b, string loss)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.ShapeArray.AsSpan().SequenceEqual(b.ShapeArray))
        {
            throw new ArgumentException($"{loss}: shapes {Tensor.FormatShape(a.ShapeArray)} and {Tensor.FormatShape(b.ShapeArray)} must be equal.");
        }
    }
}
