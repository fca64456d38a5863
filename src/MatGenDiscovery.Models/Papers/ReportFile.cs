namespace MatGenDiscovery.Models.Papers;

/// <summary>A file of the rendered report: its path relative to the report folder ('/'-separated) and its UTF-8 text.</summary>
public sealed record ReportFile(string RelativePath, string Content);
