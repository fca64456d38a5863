namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>A trained model with the per-round metrics that led to it.</summary>
public sealed record GradientBoostingFit(GradientBoostedTrees Model, TrainingHistory History);
