namespace MatGenDiscovery.Models.Evaluation;

/// <summary>
/// Recovery of the training set and of the held-out set. MatGAN's generalisation check: a model that only memorises
/// recovers training compositions far more often than held-out ones; a generalising one recovers both at similar rates.
/// </summary>
public sealed record RecoveryResult(SetRecovery Training, SetRecovery LeaveOut);
