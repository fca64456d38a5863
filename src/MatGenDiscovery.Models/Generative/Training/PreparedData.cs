using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>
/// The reduced training and held-out compositions of an experiment, with their conditioning targets (empty for
/// unconditional models) and the filter's report.
/// </summary>
public sealed record PreparedData(
    IReadOnlyList<Composition> Train, IReadOnlyList<double> TrainTargets,
    IReadOnlyList<Composition> LeaveOut, IReadOnlyList<double> LeaveOutTargets,
    FilterReport Report);
