namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// What an evaluation read: the generated file and sample counts (samples drawn, unparsable rows, distinct reduced
/// compositions, samples that decoded to nothing), the experiment config, its seed, training dataset and target
/// property, and the sizes of the training and leave-out sets.
/// </summary>
public sealed record EvaluationInputs(
    string GeneratedFile,
    string? ConfigFile,
    string? Experiment,
    string? Dataset,
    int? Seed,
    string? TargetProperty,
    int Samples,
    int Unparsable,
    IReadOnlyList<string> UnparsableExamples,
    int UniqueSamples,
    int TrainingSize,
    int LeaveOutSize,
    int Undecoded = 0)
{
    public double UndecodedShare => Samples == 0 ? 0 : (double)Undecoded / Samples;
}
