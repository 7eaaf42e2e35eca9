using System.Globalization;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>Reads a store URL <c>postgres://USER:PASSWORD@HOST:PORT/DB</c> (or <c>postgresql://</c>; user, password and
/// port optional; query parameters become Npgsql connection settings, e.g. <c>?sslmode=require</c>).</summary>
public static class PostgresUrl
{
    /// <summary>Whether <paramref name="value"/> is a PostgreSQL URL rather than a path.</summary>
    public static bool IsPostgres(string? value) =>
        value is not null && (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string and the URL without its password (for messages).</summary>
    /// <exception cref="StoreException">When the URL cannot be read.</exception>
    public static (string ConnectionString, string Name) Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (!IsPostgres(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException($"'{Redact(text)}' is not a PostgreSQL URL: expected postgres://USER:PASSWORD@HOST:PORT/DB.");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new StoreException($"'{Redact(text)}' names no database: expected postgres://USER:PASSWORD@HOST:PORT/DB.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
            // Workers and the web server hold a few connections each; a short wait when the server is away.
            Timeout = 10,
            CommandTimeout = 300,
            MaxPoolSize = 50,
            // The same few queries run again and again (web pages, the corpus writer): prepare them on each connection.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "true" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new StoreException($"'{Redact(text)}': the setting '{key}' is not a connection setting Npgsql knows ({ex.Message}).", ex);
            }
        }

        var name = string.Create(CultureInfo.InvariantCulture,
            $"postgres://{(builder.Username is { Length: > 0 } user ? Uri.EscapeDataString(user) + "@" : "")}{uri.Host}:{builder.Port}/{database}");
        return (builder.ConnectionString, name);
    }

    /// <summary>The URL with any password replaced by <c>***</c>.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return url;
        }

        var colon = url.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
