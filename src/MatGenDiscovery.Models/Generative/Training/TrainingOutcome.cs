namespace MatGenDiscovery.Models.Generative.Training;

/// <summary>How a run ended: the step reached, whether it was stopped early, the last checkpoint written and the elapsed time.</summary>
public sealed record TrainingOutcome(int Step, bool Stopped, string Checkpoint, TimeSpan Elapsed);
