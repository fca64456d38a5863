using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Generators;
using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Grains.Hosting;

/// <summary>
/// Checks what a campaign config points at before anything is written: every generator checkpoint and the autoencoder
/// checkpoint must load. A corrupt file then fails the start with one line instead of a half-started campaign.
/// </summary>
public static class CampaignPreflight
{
    /// <exception cref="InvalidDataException">A checkpoint is missing or cannot be loaded; the message names the config field and the file.</exception>
    public static void Check(CampaignConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        for (var g = 0; g < config.Generators.Count; g++)
        {
            if (config.Generators[g].Checkpoint is { } path)
            {
                Load($"generators[{g}].checkpoint ('{config.Generators[g].Name}')", path, p => GenerativeCandidateModel.Load(p));
            }
        }

        if (config.Constraints.AutoencoderCheckpoint is { } autoencoder)
        {
            Load("constraints.autoencoder_checkpoint", autoencoder, p => ModelCheckpoint.Load(p));
        }
    }

    private static void Load(string field, string path, Action<string> load)
    {
        try
        {
            load(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{field}: checkpoint '{path}' cannot be loaded: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
