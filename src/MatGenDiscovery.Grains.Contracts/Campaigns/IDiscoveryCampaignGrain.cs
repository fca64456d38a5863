using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Contracts.Campaigns;

/// <summary>
/// An active-learning discovery campaign (key = campaign id). Each round generates candidates, validates and scores
/// them, picks a batch of simulated experiments by acquisition, reveals their properties from the oracle database,
/// refits the predictors, fine-tunes the generators toward confirmed hits and updates the candidate families.
/// State is saved at the end of every round, so a crashed or stopped campaign resumes at the last completed round.
/// </summary>
[GrainType("campaign")]
public interface IDiscoveryCampaignGrain : IGrainWithStringKey
{
    /// <summary>Stores the config (first call) or checks it is the one already stored (later calls).</summary>
    /// <exception cref="InvalidOperationException">The campaign exists with a different config.</exception>
    Task<CampaignStatus> StartAsync(CampaignConfig config);

    /// <summary>Runs the next round (or nothing if the campaign is finished or a stop was requested) and saves it.</summary>
    Task<CampaignStatus> RunRoundAsync();

    /// <summary>The status as of the last completed round; answers while a round runs.</summary>
    [AlwaysInterleave]
    Task<CampaignStatus> GetStatusAsync();

    /// <summary>Asks the running round to stop at the next stage boundary (also possible from another process).</summary>
    [AlwaysInterleave]
    Task RequestStopAsync();
}
