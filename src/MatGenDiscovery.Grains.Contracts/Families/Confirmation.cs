namespace MatGenDiscovery.Grains.Contracts.Families;

/// <summary>An oracle-revealed value of a candidate.</summary>
/// <param name="Source">Oracle database name.</param>
/// <param name="Hit">Whether the revealed values satisfy every target.</param>
public sealed record Confirmation(string Formula, string Property, double Value, string Source, int Round, bool Hit);
