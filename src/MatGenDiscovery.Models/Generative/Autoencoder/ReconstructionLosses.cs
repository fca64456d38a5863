using MatGenDiscovery.Tensors;
using MatGenDiscovery.Tensors.Operations.LossFunctions;

namespace MatGenDiscovery.Models.Generative.Autoencoder;

/// <summary>
/// The count-matrix autoencoder's training loss (<c>model.reconstruction_loss</c>). <see cref="NegativeDice"/> is
/// MatGAN's; alone it stalls with a present element's cell pushed to a saturated sigmoid (≈ 0 gradient), so about half
/// of even a few hundred memorised compositions stay undecodable. <see cref="DiceBce"/> adds the mean binary
/// cross-entropy, whose gradient on such a cell stays p − 1.
/// </summary>
public static class ReconstructionLosses
{
    public const string NegativeDice = "negative-dice";

    public const string DiceBce = "dice-bce";

    public static IReadOnlyList<string> All { get; } = [NegativeDice, DiceBce];

    /// <summary>Names of the loss terms <see cref="Terms"/> returns, as training-log columns.</summary>
    /// <exception cref="ArgumentException">Unknown loss name.</exception>
    public static IReadOnlyList<string> TermNames(string loss) => Require(loss) == NegativeDice
        ? ["negative_dice"]
        : ["negative_dice", "binary_cross_entropy"];

    /// <summary>
    /// The scalar terms of <paramref name="loss"/> for sigmoid outputs <paramref name="prediction"/> and 0/1
    /// <paramref name="target"/> of the same shape [B, …]; the training loss is their sum.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown loss name, or prediction and target differ in shape.</exception>
    public static Tensor[] Terms(string loss, Tensor prediction, Tensor target) => Require(loss) == NegativeDice
        ? [Losses.NegativeDice(prediction, target)]
        : [Losses.NegativeDice(prediction, target), Losses.BinaryCrossEntropy(prediction, target)];

    /// <exception cref="ArgumentException">Unknown loss name.</exception>
    public static string Require(string loss) => All.Contains(loss)
        ? loss
        : throw new ArgumentException(
            $"unknown reconstruction loss '{loss}'; expected one of {string.Join(", ", All)}", nameof(loss));
}
