namespace MatGenDiscovery.LoadBenchmark;

/// <summary>Figures of one benchmark run; serialised as the <c>--json</c> line.</summary>
/// <param name="Generated">Samples drawn by the generator grains (= requested candidates).</param>
/// <param name="Validated">Distinct formulas per batch sent to validation.</param>
/// <param name="Accepted">Validated formulas that passed every rule (summed over batches).</param>
/// <param name="DistinctAccepted">Distinct accepted formulas over the run, counted by the host.</param>
/// <param name="FamilyCandidates">Sum over family grains of their candidate counts; equals <paramref name="DistinctAccepted"/> when nothing is lost or double counted.</param>
/// <param name="PeakOutstandingRequests">Most broker requests queued or running at once, over both queues.</param>
public sealed record LoadResult(
    int Candidates,
    long Generated,
    long Validated,
    long Accepted,
    long DistinctAccepted,
    long FamilyCandidates,
    int Families,
    int Batches,
    int BatchSize,
    int Workers,
    int InFlightBound,
    int PeakOutstandingRequests,
    int DuplicateRequests,
    int ExecutedGenerateRequests,
    int ExecutedValidateRequests,
    double ElapsedSeconds,
    double CandidatesPerSecond,
    double BatchLatencyP50Ms,
    double BatchLatencyP99Ms,
    double BatchLatencyMaxMs,
    double HostPeakWorkingSetMb,
    IReadOnlyList<double> WorkerPeakWorkingSetMb,
    int ProcessorCount);
