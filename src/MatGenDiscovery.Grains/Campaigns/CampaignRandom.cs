using MatGenDiscovery.Models.Generative.Training;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// Every random number of a campaign is a pure function of (seed, round, stage, index): a resumed round draws
/// exactly what the interrupted one drew, whatever ran before it in the process.
/// </summary>
public static class CampaignRandom
{
    public static int Seed(int seed, int round, CampaignStage stage, int index = 0) =>
        StepRandom.Derive(seed, ((long)round << 24) | ((long)stage << 16) | (uint)index);

    public static Random For(int seed, int round, CampaignStage stage, int index = 0) => new(Seed(seed, round, stage, index));
}
