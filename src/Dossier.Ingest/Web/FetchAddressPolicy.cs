using System.Net;
using System.Net.Sockets;
using Dossier.Core.Errors;

namespace Dossier.Ingest.Web;

/// <summary>
/// Which addresses a download may connect to. <see cref="PublicOnly"/> refuses loopback, private, link-local,
/// shared (CGNAT), multicast, unspecified and reserved addresses, and their IPv4-mapped IPv6 forms, except those in
/// the allow-list. The check runs when a connection is opened, after DNS resolution and on every redirect: the host
/// is resolved once, every address is checked, and the socket connects only to the addresses that passed, so a DNS
/// answer that changes between check and connect (rebinding) cannot slip through. No proxy is used under a policy (a
/// proxy would make the check apply to the proxy's address, not the page's).
/// </summary>
/// <remarks>
/// The web server applies <see cref="PublicOnly"/> to the pages it fetches; <c>dossier ingest URL</c> applies no
/// policy (<see cref="ReadOptions.FetchPolicy"/> is null): the user's own machine may read from its intranet.
/// Each policy owns the HTTP client that enforces it, so connections pooled under one allow-list never serve another.
/// </remarks>
public sealed class FetchAddressPolicy
{
    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (CGNAT)"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved"),
        (IPNetwork.Parse("::/128"), "an unspecified"),
        (IPNetwork.Parse("::1/128"), "a loopback"),
        (IPNetwork.Parse("::/96"), "a reserved (IPv4-compatible)"),
        (IPNetwork.Parse("fc00::/7"), "a private"),
        (IPNetwork.Parse("fec0::/10"), "a private (site-local)"),
        (IPNetwork.Parse("fe80::/10"), "a link-local"),
        (IPNetwork.Parse("ff00::/8"), "a multicast"),
    ];

    private readonly Lazy<HttpClient> _client;

    private FetchAddressPolicy(IReadOnlyList<IPNetwork> allowed)
    {
        Allowed = allowed;
        _client = new Lazy<HttpClient>(() => WebSource.CreateClient(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Public addresses only, and those in <paramref name="allowed"/> (for instance <c>127.0.0.1/32</c>).</summary>
    public static FetchAddressPolicy PublicOnly(IEnumerable<IPNetwork> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return new FetchAddressPolicy([.. allowed]);
    }

    /// <summary>The networks fetched from even though they are not public.</summary>
    public IReadOnlyList<IPNetwork> Allowed { get; }

    /// <summary>The HTTP client that connects under this policy.</summary>
    internal HttpClient Client => _client.Value;

    /// <summary>Null when a download may connect to <paramref name="address"/>; else what kind of address it is
    /// ("a loopback", "a private", …).</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (Allowed.Any(n => n.Contains(address) || n.Contains(plain)))
        {
            return null;
        }

        foreach (var (network, kind) in Refused)
        {
            if (network.Contains(plain))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The connection for a request under this policy: the host resolved, each address checked, and a socket
    /// connected to one that passed. Runs for every new connection, redirects included.</summary>
    internal async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var passed = addresses.Where(a => Refusal(a) is null).ToArray();
        if (passed.Length == 0)
        {
            var first = addresses.FirstOrDefault();
            throw first is null
                ? new SocketException((int)SocketError.HostNotFound)
                : new FetchRefusedException(DossierErrors.FetchRefused(host, first.ToString(), Refusal(first)!));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(passed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A download refused by a <see cref="FetchAddressPolicy"/>; the message is the one-line reason.</summary>
internal sealed class FetchRefusedException(string reason) : IOException(reason);
