using System.Net;
using System.Text.RegularExpressions;

namespace Dossier.Web.Tests;

/// <summary>The network page's markup (quad-class edges, legend, the hooks its script uses) and the script itself.</summary>
[Collection(WebCollection.Name)]
public class NetworkPageTests(WebAppFixture fixture)
{
    private const string ScriptTag = "<script src=\"/assets/network.js\" defer></script>";

    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task NetworkPage_Get_ColoursEachEdgeByQuadClassWithTheBreakdownInItsTitle()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/network"));

        var edges = Regex.Matches(html, "<line class=\"q([0-4])\" data-from=\"(\\d+)\" data-to=\"(\\d+)\"[^>]* marker-end=\"url\\(#arrow-q\\1\\)\"><title>([^<]*)</title></line>");
        Assert.NotEmpty(edges);
        Assert.Equal(Regex.Matches(html, "<line ").Count, edges.Count);
        Assert.All(edges, edge => Assert.Matches(
            "^.+ → .+: \\d+ events?, mean Goldstein -?\\d+\\.\\d; verbal cooperation \\d+, material cooperation \\d+, verbal conflict \\d+, material conflict \\d+$",
            WebUtility.HtmlDecode(edge.Groups[4].Value)));
        // Santos meets Merz: a consultation, verbal cooperation (quad class 1).
        Assert.Contains(edges, edge => edge.Groups[1].Value == "1"
            && edge.Groups[4].Value.StartsWith("Maria Santos → Friedrich Merz:", StringComparison.Ordinal)
            && !edge.Groups[4].Value.Contains("verbal cooperation 0", StringComparison.Ordinal));
        for (var q = 0; q <= 4; q++)
        {
            Assert.Contains($"<marker id=\"arrow-q{q}\" class=\"q{q}\"", html);
        }
    }

    [Fact]
    public async Task NetworkPage_Get_DrawsNodesAsNumberedGroupsThatTheEdgesReferTo()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/network"));

        var nodes = Regex.Matches(html, "<g class=\"node\" data-node=\"(\\d+)\" transform=\"translate\\(-?[\\d.]+ -?[\\d.]+\\)\"><a href=\"/entities/\\d+\"><circle r=\"7\">");
        Assert.True(nodes.Count >= 2, $"{nodes.Count} linked nodes");
        var numbers = nodes.Select(n => int.Parse(n.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        foreach (Match end in Regex.Matches(html, "data-(?:from|to)=\"(\\d+)\""))
        {
            Assert.InRange(int.Parse(end.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, numbers.Count - 1);
        }

        Assert.Contains(">Maria Santos</text></a></g>", html);
    }

    [Fact]
    public async Task NetworkPage_Get_ShowsALegendOfTheFourQuadClassesAndNone()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/network"));

        Assert.Contains("<ul class=\"network-legend\"", html);
        var legend = html[html.IndexOf("<ul class=\"network-legend\"", StringComparison.Ordinal)..];
        legend = legend[..(legend.IndexOf("</ul>", StringComparison.Ordinal) + 5)];
        Assert.Contains("<span class=\"swatch q1\" aria-hidden=\"true\"></span>Verbal cooperation</li>", legend);
        Assert.Contains("<span class=\"swatch q2\" aria-hidden=\"true\"></span>Material cooperation</li>", legend);
        Assert.Contains("<span class=\"swatch q3\" aria-hidden=\"true\"></span>Verbal conflict</li>", legend);
        Assert.Contains("<span class=\"swatch q4\" aria-hidden=\"true\"></span>Material conflict</li>", legend);
        Assert.Contains("<span class=\"swatch q0\" aria-hidden=\"true\"></span>No quad class</li>", legend);
    }

    [Fact]
    public async Task NetworkPage_Get_LoadsTheNetworkScriptOnceWithNoInlineScript()
    {
        var html = await Http.HtmlAsync(await _client.GetAsync("/network"));

        Assert.Single(Regex.Matches(html, Regex.Escape(ScriptTag)));
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotMatch("\\son[a-z]+=", html);
    }

    [Fact]
    public async Task NetworkPage_Get_IsTheSameOnEveryRequest()
    {
        var first = await Http.HtmlAsync(await _client.GetAsync("/network"));
        var second = await Http.HtmlAsync(await _client.GetAsync("/network"));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events")]
    public async Task OtherPages_Get_DoNotLoadTheNetworkScript(string path)
    {
        var html = await Http.HtmlAsync(await _client.GetAsync(path));

        Assert.DoesNotContain("/assets/network.js", html);
    }

    [Fact]
    public async Task NetworkScript_Get_IsServedAsJavaScriptAndKeptToTheSelfOnlyPolicy()
    {
        var response = await _client.GetAsync("/assets/network.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("svg.network", script);
        Assert.Contains("data-node", script);
        Assert.Contains("Reset view", script);
        Assert.DoesNotContain("eval(", script);
        Assert.DoesNotContain("new Function", script);
        Assert.DoesNotContain("innerHTML", script);
        Assert.DoesNotContain("http", script);
    }
}
