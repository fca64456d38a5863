namespace MatGenDiscovery.Models.Predictors.GradientBoosting;

/// <summary>JSON shape of a saved <see cref="GradientBoostedTrees"/>; field names are part of the file format.</summary>
internal sealed record ModelDocument(
    int FormatVersion,
    string FeatureSetId,
    string[] FeatureNames,
    GradientBoostingOptions Options,
    int FeatureCount,
    double BaseScore,
    TreeDocument[] Trees);
