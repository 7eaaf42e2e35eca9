using System.Net;
using Dossier.Ingest.Web;

namespace Dossier.Ingest.Tests;

/// <summary>Issue 14, item 5: which addresses a download under <see cref="FetchAddressPolicy.PublicOnly"/> may reach,
/// and what a refused URL reads as. Without a policy (<c>dossier ingest</c>) loopback URLs are read as before.</summary>
public sealed class FetchAddressPolicyTests : IDisposable
{
    private readonly LocalHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("127.0.0.1", "a loopback")]
    [InlineData("127.255.0.9", "a loopback")]
    [InlineData("::1", "a loopback")]
    [InlineData("::ffff:127.0.0.1", "a loopback")]
    [InlineData("10.20.30.40", "a private")]
    [InlineData("172.16.0.1", "a private")]
    [InlineData("172.31.255.255", "a private")]
    [InlineData("192.168.1.1", "a private")]
    [InlineData("::ffff:192.168.1.1", "a private")]
    [InlineData("fc00::1", "a private")]
    [InlineData("fd12:3456::1", "a private")]
    [InlineData("169.254.169.254", "a link-local")]
    [InlineData("fe80::1", "a link-local")]
    [InlineData("100.64.0.1", "a shared (CGNAT)")]
    [InlineData("100.127.255.254", "a shared (CGNAT)")]
    [InlineData("224.0.0.251", "a multicast")]
    [InlineData("ff02::1", "a multicast")]
    [InlineData("0.0.0.0", "an unspecified")]
    [InlineData("::", "an unspecified")]
    [InlineData("255.255.255.255", "a reserved")]
    public void Refusal_InternalAddress_NamesItsKind(string address, string kind)
    {
        Assert.Equal(kind, FetchAddressPolicy.PublicOnly([]).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Refusal_PublicAddress_IsNull(string address)
    {
        Assert.Null(FetchAddressPolicy.PublicOnly([]).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.0/8", "127.0.0.1")]
    [InlineData("127.0.0.1/32", "::ffff:127.0.0.1")]
    [InlineData("10.0.0.0/8", "10.1.2.3")]
    [InlineData("fd00::/8", "fd00::5")]
    public void Refusal_AddressInTheAllowList_IsNull(string network, string address)
    {
        Assert.Null(FetchAddressPolicy.PublicOnly([IPNetwork.Parse(network)]).Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public void Refusal_AllowListForOneAddress_StillRefusesItsNeighbour()
    {
        Assert.Equal("a loopback", FetchAddressPolicy.PublicOnly([IPNetwork.Parse("127.0.0.1/32")]).Refusal(IPAddress.Parse("127.0.0.2")));
    }

    [Fact]
    public async Task Read_LoopbackUrlUnderPublicOnlyPolicy_UnsupportedWithOneLineReason()
    {
        var url = _server.Add("page.txt", "text/plain", "Port reopens\n\nThe port reopened on Monday after repairs.");

        var result = await Reading.FailOneAsync(url, new ReadOptions { FetchPolicy = FetchAddressPolicy.PublicOnly([]) });

        Assert.Equal(ReadFailureKind.Unsupported, result.FailureKind);
        Assert.StartsWith("refused: 127.0.0.1 is a loopback address", result.Error);
        Assert.DoesNotContain("\n", result.Error!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_LoopbackUrlUnderPolicyThatAllowsIt_IsRead()
    {
        var url = _server.Add("page.txt", "text/plain", "Port reopens\n\nThe port reopened on Monday after repairs.");

        var document = await Reading.ReadOneAsync(url, new ReadOptions { FetchPolicy = FetchAddressPolicy.PublicOnly([IPNetwork.Parse("127.0.0.1/32")]) });

        Assert.Contains("reopened on Monday", document.Text);
    }

    [Fact]
    public async Task Read_LoopbackUrlWithoutPolicy_IsReadAsTheCliDoes()
    {
        var url = _server.Add("page.txt", "text/plain", "Port reopens\n\nThe port reopened on Monday after repairs.");

        var document = await Reading.ReadOneAsync(url, new ReadOptions());

        Assert.Contains("reopened on Monday", document.Text);
    }
}
