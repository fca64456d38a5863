using MatGenDiscovery.Chemistry.Compositions;

namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// What a generated set is judged against: the reduced training compositions (with their conditioning targets, aligned,
/// or empty for unconditional models), the held-out compositions of the seeded leave-out split, and other databases
/// used to confirm novel compositions.
/// </summary>
public sealed record EvaluationContext(
    IReadOnlyList<Composition> Training,
    IReadOnlyList<double> TrainingTargets,
    IReadOnlyList<Composition> LeaveOut,
    IReadOnlyList<ReferenceDatabase> ReferenceDatabases)
{
    /// <exception cref="ArgumentException">Targets are given but not one per training composition.</exception>
    public void Validate()
    {
        if (TrainingTargets.Count != 0 && TrainingTargets.Count != Training.Count)
        {
            throw new ArgumentException(
                $"the training set has {Training.Count} compositions but {TrainingTargets.Count} targets", nameof(TrainingTargets));
        }
    }
}
