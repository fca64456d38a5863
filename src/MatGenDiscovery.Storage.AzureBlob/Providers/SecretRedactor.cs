using System.Data.Common;
using System.Text.RegularExpressions;

namespace MatGenDiscovery.Storage.AzureBlob.Providers;

/// <summary>Removes the secrets of a connection string (account key, SAS signature) from text bound for a log.</summary>
internal sealed partial class SecretRedactor
{
    private const string Redacted = "<redacted>";
    private readonly string[] _secrets;

    public SecretRedactor(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        _secrets = new[] { "AccountKey", "SharedAccessSignature" }
            .Where(builder.ContainsKey)
            .Select(key => Convert.ToString(builder[key]) ?? "")
            .Where(secret => secret.Length > 0)
            .ToArray();
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return SignatureParameter().Replace(text, "sig=" + Redacted);
    }

    [GeneratedRegex("sig=[^&\\s;]+", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureParameter();
}
