using System.Reflection;

namespace MatGenDiscovery.Runtime;

/// <summary>
/// Identity of a grain: a type name (<c>campaign</c>) and a key (<c>abc123</c>); string form <c>campaign/abc123</c>.
/// </summary>
/// <remarks>Type names are lower-case letters, digits, <c>-</c>, <c>_</c> and <c>.</c>; keys are non-empty, without control characters, and may contain <c>/</c>.</remarks>
public readonly record struct GrainId
{
    /// <exception cref="ArgumentException">The type or key breaks the rules above.</exception>
    public GrainId(string type, string key)
    {
        ValidateType(type);
        ValidateKey(key);
        Type = type;
        Key = key;
    }

    public string Type { get; }

    public string Key { get; }

    /// <summary>Parses <c>type/key</c>, splitting at the first <c>/</c>.</summary>
    /// <exception cref="FormatException">There is no <c>/</c>, or a part breaks the rules.</exception>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            throw new FormatException($"Grain id '{value}' has no '/': expected '<type>/<key>', e.g. 'campaign/abc123'.");
        }

        try
        {
            return new GrainId(value[..slash], value[(slash + 1)..]);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Grain id '{value}' is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>The type name for grains of <paramref name="grainInterface"/> (see <see cref="GrainTypeAttribute"/>).</summary>
    public static string GetTypeName(Type grainInterface)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        var explicitName = grainInterface.GetCustomAttribute<GrainTypeAttribute>()?.Name;
        if (explicitName is not null)
        {
            ValidateType(explicitName);
            return explicitName;
        }

        var name = grainInterface.Name;
        var backtick = name.IndexOf('`');
        if (backtick >= 0)
        {
            name = name[..backtick];
        }

        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        if (name.Length > "Grain".Length && name.EndsWith("Grain", StringComparison.Ordinal))
        {
            name = name[..^"Grain".Length];
        }

        name = name.ToLowerInvariant();
        ValidateType(name);
        return name;
    }

    public override string ToString() => $"{Type}/{Key}";

    private static void ValidateType(string type)
    {
        if (string.IsNullOrEmpty(type))
        {
            throw new ArgumentException("Grain type name is empty.", nameof(type));
        }

        foreach (var c in type)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException($"Grain type name '{type}' contains '{c}'; allowed are a-z, 0-9, '-', '_' and '.'.", nameof(type));
            }
        }
    }

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("Grain key is empty.", nameof(key));
        }

        if (key.Any(char.IsControl))
        {
            throw new ArgumentException($"Grain key '{key}' contains a control character.", nameof(key));
        }
    }
}
