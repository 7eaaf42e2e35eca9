using System.Text.RegularExpressions;
using Dossier.Storage;

namespace Dossier.Analytics;

/// <summary>
/// Where the analytics cluster is: <c>clickhouse://USER:PASSWORD@HOST:HTTP_PORT/DB?cluster=NAME[&amp;nodes=HOST:PORT,HOST:PORT]</c>.
/// The host and port are ClickHouse's HTTP interface. <c>nodes</c> lists the HTTP address of every node of the cluster,
/// because ClickHouse 18.16 runs <c>ON CLUSTER</c> DDL only with ZooKeeper: the tables are created on each node in turn
/// (default: only the node of the address, enough for a one-node cluster).
/// </summary>
public sealed partial record ClickHouseAddress(string User, string Password, string Host, int Port, string Database, string Cluster, IReadOnlyList<(string Host, int Port)> Nodes)
{
    /// <summary>The scheme of an analytics address.</summary>
    public const string Scheme = "clickhouse";

    /// <summary>Parses an address; a <see cref="StoreException"/> with a one-line reason when it is not one.</summary>
    public static ClickHouseAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string Bad(string why) => throw new StoreException($"'{Redact(value)}' is not a ClickHouse address ({why}); expected clickhouse://USER:PASSWORD@HOST:HTTP_PORT/DB?cluster=NAME");
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Scheme)
        {
            Bad("the scheme must be clickhouse://");
        }

        var database = Uri.UnescapeDataString(uri!.AbsolutePath.Trim('/'));
        if (!Identifier().IsMatch(database))
        {
            Bad("the database must be a name of letters, digits and underscores");
        }

        if (uri.Port <= 0)
        {
            Bad("the HTTP port is missing");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "";
        string? cluster = null;
        var nodes = new List<(string, int)>();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var val = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            switch (key)
            {
                case "cluster":
                    cluster = val;
                    break;
                case "nodes":
                    foreach (var node in val.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var colon = node.LastIndexOf(':');
                        if (colon <= 0 || !int.TryParse(node.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
                        {
                            Bad($"the node '{node}' is not HOST:HTTP_PORT");
                        }

                        nodes.Add((node[..colon], port));
                    }

                    break;
                default:
                    Bad($"unknown setting '{key}'");
                    break;
            }
        }

        if (cluster is null || !Identifier().IsMatch(cluster))
        {
            Bad("cluster=NAME, the cluster of remote_servers, is missing or not a name");
        }

        if (nodes.Count == 0)
        {
            nodes.Add((uri.Host, uri.Port));
        }

        return new ClickHouseAddress(string.IsNullOrEmpty(user) ? "default" : user, password, uri.Host, uri.Port, database, cluster!, nodes);
    }

    /// <summary>Whether a value is meant as a ClickHouse address (starts with <c>clickhouse://</c>).</summary>
    public static bool IsAddress(string? value) => value is not null && value.TrimStart().StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address without its password, for messages.</summary>
    public override string ToString() => $"{Scheme}://{User}@{Host}:{Port}/{Database}?cluster={Cluster}";

    /// <summary>The driver's connection string for one node (HTTP, the JSON modes off: ClickHouse 18.16 knows neither).</summary>
    internal string ConnectionString(string host, int port) =>
        $"Host={host};Port={port};Protocol=http;Username={Quote(User)};Password={Quote(Password)};Database=default;JsonReadMode=None;JsonWriteMode=None";

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Redact(string value) => PasswordPart().Replace(value, "$1:***@");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^(clickhouse://[^:@/]*):[^@/]*@", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPart();
}
