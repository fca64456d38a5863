namespace MatGenDiscovery.Models.Predictors.Training;

/// <summary>A training milestone: <see cref="Completed"/> of <see cref="Total"/> units of <see cref="Stage"/>.</summary>
public sealed record PredictorTrainingProgress(string Stage, int Completed, int Total, string? Detail = null);
