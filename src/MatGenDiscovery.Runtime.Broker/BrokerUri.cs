namespace MatGenDiscovery.Runtime.Broker;

/// <summary>
/// <c>amqp://USER:PASS@HOST:PORT/VHOST</c> ↔ <see cref="BrokerOptions"/>. User name and password are percent-decoded;
/// an empty path or <c>/</c> is the default vhost <c>/</c>, <c>/%2F</c> likewise.
/// </summary>
public static class BrokerUri
{
    /// <exception cref="ArgumentException">Not an <c>amqp://</c> URI with a host, user name and password; the message never contains the password.</exception>
    public static BrokerOptions Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != "amqp" || string.IsNullOrEmpty(parsed.Host))
        {
            // Text without a scheme is not echoed: a mistyped URI may still carry the password where Mask cannot find it.
            var shown = uri.Contains("://", StringComparison.Ordinal) ? $"'{Mask(uri)}'" : "(not shown: no amqp:// scheme)";
            throw new ArgumentException($"broker URI {shown} is not of the form amqp://USER:PASSWORD@HOST:PORT/VHOST", nameof(uri));
        }

        var credentials = parsed.UserInfo.Split(':', 2);
        if (credentials.Length != 2 || credentials[0].Length == 0 || credentials[1].Length == 0)
        {
            throw new ArgumentException($"broker URI '{Mask(uri)}' needs a user name and a password (amqp://USER:PASSWORD@HOST:PORT/VHOST)", nameof(uri));
        }

        var path = parsed.AbsolutePath.TrimStart('/');
        return new BrokerOptions
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5672 : parsed.Port,
            VirtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path),
            UserName = Uri.UnescapeDataString(credentials[0]),
            Password = Uri.UnescapeDataString(credentials[1]),
        };
    }

    /// <summary>The URI with its password replaced by <c>***</c>, for messages and logs; text that is not a URI with user info comes back unchanged.</summary>
    public static string Mask(string uri)
    {
        var at = uri.LastIndexOf('@');
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || at < scheme)
        {
            return uri;
        }

        var colon = uri.IndexOf(':', scheme + 3);
        return colon < 0 || colon > at ? uri : $"{uri[..(colon + 1)]}***{uri[at..]}";
    }
}
