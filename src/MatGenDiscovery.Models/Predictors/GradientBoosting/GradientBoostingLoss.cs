namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>Objective minimised by the boosted trees.</summary>
public enum GradientBoostingLoss
{
    /// <summary>Regression: ½(ŷ − y)², gradient ŷ − y, hessian 1; metric RMSE.</summary>
    SquaredError,

    /// <summary>Binary classification with targets 0/1 on the log-odds scale; prediction is a probability; metric log loss.</summary>
    Logistic,

    /// <summary>
    /// Robust regression: gradient clip(ŷ − y, −δ, δ) with δ = <see cref="GradientBoostingOptions.HuberDelta"/>, hessian 1
    /// (LightGBM's Huber); starts from the median; metric mean absolute error. Outliers pull a leaf by at most δ.
    /// </summary>
    Huber,
}
