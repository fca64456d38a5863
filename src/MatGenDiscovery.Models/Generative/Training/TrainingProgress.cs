namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>Reported after every step: the step reached, the run's total, the step's losses and the run's elapsed time.</summary>
public sealed record TrainingProgress(int Step, int TotalSteps, IReadOnlyList<float> Losses, TimeSpan Elapsed, bool IsLogStep);
