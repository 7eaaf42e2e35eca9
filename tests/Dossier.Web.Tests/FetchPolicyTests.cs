using System.Net;
using System.Net.Http.Json;
using Dossier.Storage.Sqlite;

namespace Dossier.Web.Tests;

/// <summary>Issue 14, item 5: <c>POST /api/documents {"url": …}</c> fetches only from public addresses unless
/// <see cref="DossierWebOptions.AllowFetchFrom"/> names the network; the check runs after DNS and on every redirect.
/// <see cref="UpstreamServer"/> listens on 127.0.0.1; the shared server allows exactly 127.0.0.1/32.</summary>
[Collection(WebCollection.Name)]
public class FetchPolicyTests(WebAppFixture fixture, UpstreamServer upstream) : IClassFixture<UpstreamServer>
{
    /// <summary>The page at <c>/internal-report</c> on <see cref="UpstreamServer"/>, fetched by no other test.</summary>
    public const string InternalTitle = "Grain silo fire closes Klaipeda port";

    public const string InternalParagraphs = """
        <p>A fire broke out in a grain silo at the port of Klaipeda on Sunday night, and the harbour master closed
           the northern terminal to shipping while crews from three towns fought the blaze until dawn.</p>
        <p>The port authority said no one was hurt, but that about four thousand tonnes of wheat bound for Egypt
           had been lost, and that the cause of the fire was not yet known.</p>
        <p>Lithuania's transport minister visited the site on Monday and promised that the terminal would reopen
           within a week once engineers had checked the conveyors and the quay.</p>
        """;

    [Fact]
    public async Task PostUrl_LoopbackAddressWithoutAllowList_Is400NamingTheAddressAndNothingIsFetchedOrStored()
    {
        var url = new Uri(upstream.BaseAddress, "/internal-report").AbsoluteUri;
        var problem = await PostToServerWithoutAllowListAsync(url);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("127.0.0.1 is a loopback address", detail);
        Assert.Contains("--allow-fetch-from", detail);
        Assert.DoesNotContain('\n', detail);
        await AssertArticleNotStoredAsync();
    }

    [Fact]
    public async Task PostUrl_HostNameThatResolvesToLoopback_Is400AfterDnsResolution()
    {
        var url = $"http://localhost:{upstream.BaseAddress.Port}/internal-report";
        var problem = await PostToServerWithoutAllowListAsync(url);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("refused: localhost is ", detail);
        Assert.Contains("a loopback address", detail);
        await AssertArticleNotStoredAsync();
    }

    [Fact]
    public async Task PostUrl_AllowedServerRedirectingToAnotherLoopbackAddress_Is400OnTheRedirect()
    {
        // 127.0.0.1 is allowed, 127.0.0.2 is not: the redirect's connection is checked too. (Were it not, the fetch
        // would fail with "connection refused", 502: nothing listens on 127.0.0.2.)
        var target = $"http://127.0.0.2:{upstream.BaseAddress.Port}/article";
        var url = new Uri(upstream.BaseAddress, "/redirect?to=" + Uri.EscapeDataString(target)).AbsoluteUri;
        using var client = fixture.CreateClient(WebAppFixture.Token);

        var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.BadRequest);

        Assert.Contains("127.0.0.2 is a loopback address", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("http://10.0.0.1/", "10.0.0.1 is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address")]
    [InlineData("http://[::ffff:10.0.0.1]/", "10.0.0.1 is a private address")]
    [InlineData("http://[::1]/", "::1 is a loopback address")]
    [InlineData("http://0.0.0.0/", "0.0.0.0 is an unspecified address")]
    public async Task PostUrl_InternalAddress_Is400WithoutConnecting(string url, string expected)
    {
        using var client = fixture.CreateClient(WebAppFixture.Token);

        var problem = await Http.ProblemAsync(await client.PostAsJsonAsync("/api/documents", new { url }), HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    private async Task<System.Text.Json.JsonElement> PostToServerWithoutAllowListAsync(string url)
    {
        var (app, address) = await WebAppFixture.StartAsync(new DossierWebOptions(fixture.DbPath) { ApiToken = WebAppFixture.Token });
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", WebAppFixture.Token);
            var response = await client.PostAsJsonAsync("/api/documents", new { url });
            var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
            await app.StopAsync();
            return problem;
        }
    }

    private async Task AssertArticleNotStoredAsync()
    {
        await using var store = SqliteDocumentStore.Open(fixture.DbPath);
        var titles = (await store.ListAsync(10_000)).Select(d => d.Title);
        Assert.DoesNotContain(InternalTitle, titles);
    }
}
