using MatGenDiscovery.Runtime;

namespace MatGenDiscovery.Grains.Storage;

/// <summary>The blob layout of grain state: <c>grains/&lt;type&gt;/&lt;key&gt;.json</c> (a key may contain <c>/</c>).</summary>
public static class GrainStatePaths
{
    public const string Root = "grains/";

    public static string For(GrainId grainId) => For(grainId.Type, grainId.Key);

    public static string For(string type, string key) => $"{Root}{type}/{key}.json";
}
