using System.Text.Json;
using Dossier.Core.Serialization;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

public class AnalyzeCommandTests
{
    [Fact]
    public async Task Analyze_JsonFormat_PrintsDossierDocumentWhoseOffsetsIndexTheText()
    {
        using var run = new CliRun();
        var (exit, output, error) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "court-brief.txt"), "--published", "2025-10-17", "--format", "json");
        Assert.True(exit == ExitCodes.Success, error);
        var document = DossierJson.Deserialize(output);
        Assert.Equal("Shipping executive pleads not guilty to fraud charges", document.Metadata.Title);
        Assert.Equal(new DateOnly(2025, 10, 17), document.Metadata.Published);
        Assert.NotEmpty(document.Sentences);
        Assert.NotEmpty(document.Tokens);
        OffsetAssert.Valid(document);
        using var json = JsonDocument.Parse(output);
        foreach (var token in json.RootElement.GetProperty("tokens").EnumerateArray())
        {
            var start = token.GetProperty("start").GetInt32();
            var end = token.GetProperty("end").GetInt32();
            Assert.Equal(document.Text[start..end], token.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Analyze_JsonlFormat_PrintsOneObjectPerDocument()
    {
        using var run = new CliRun();
        var (exit, output, _) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "wire.jsonl"), "--format", "jsonl");
        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal("dossier/1", JsonDocument.Parse(line).RootElement.GetProperty("schema").GetString()));
    }

    [Fact]
    public async Task Analyze_NoTokens_LeavesTokenArraysOutButKeepsEntities()
    {
        using var run = new CliRun();
        var (exit, output, _) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "court-brief.txt"), "--format", "jsonl", "--no-tokens", "--threads", "1");
        Assert.Equal(ExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("tokens", out _));
        Assert.False(json.RootElement.TryGetProperty("sentences", out _));
        Assert.NotEqual(0, json.RootElement.GetProperty("entities").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_JsonFormatSeveralDocuments_PrintsOneArrayInInputOrder()
    {
        using var run = new CliRun();
        var (exit, output, _) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "wire.jsonl"), Path.Combine(CliRun.Samples, "court-brief.txt"), "--format", "json");
        Assert.Equal(ExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output);
        var sources = json.RootElement.EnumerateArray().Select(d => d.GetProperty("document").GetProperty("source").GetString()).ToList();
        Assert.Equal(3, sources.Count);
        Assert.EndsWith("court-brief.txt", sources[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_TextFormat_PrintsTitleAndSections()
    {
        using var run = new CliRun();
        var (exit, output, _) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "harbour-talks.txt"));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Ministers agree to reopen harbour talks", output);
        Assert.Contains("Entities (", output);
        Assert.Contains("Agenda (", output);
    }

    [Fact]
    public async Task Analyze_BadPublishedDate_IsAUsageError()
    {
        using var run = new CliRun();
        var (exit, _, error) = await run.RunAsync("analyze", Path.Combine(CliRun.Samples, "court-brief.txt"), "--published", "17/10/2025");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("17/10/2025", error);
    }

    [Fact]
    public async Task Analyze_JsonlLineThatIsNotJson_ReportsLineNumberAndKeepsOtherLines()
    {
        using var run = new CliRun();
        var file = run.Write("mixed.jsonl", "{\"text\": \"Officials met in Geneva.\"}\nnot json at all\n{\"text\": \"Talks resumed in Oslo.\"}\n");
        var (exit, output, error) = await run.RunAsync("analyze", file, "--format", "jsonl");
        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("line=2", error);
    }
    [Fact]
    public async Task Analyze_NoMinConfidence_LeavesOutEventsBelowTheModelThresholdThatZeroKeeps()
    {
        using var run = new CliRun();
        var threshold = Engine.DefaultPipeline.DefaultMinConfidence;
        async Task<List<(string Id, double Confidence)>> EventsAsync(params string[] extra)
        {
            var (exit, output, error) = await run.RunAsync(["analyze", CliRun.Samples, "--format", "jsonl", "--no-tokens", .. extra]);
            Assert.True(exit == ExitCodes.Success, error);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => DossierJson.Deserialize(line))
                .SelectMany(d => d.Events.Select(e => (d.Id + "/" + e.Id, e.Confidence)))];
        }

        var shown = await EventsAsync();
        var all = await EventsAsync("--min-confidence", "0");
        Assert.Contains(all, e => e.Confidence < threshold); // the samples have unsure events, so the default has work to do
        Assert.NotEmpty(shown);
        Assert.All(shown, e => Assert.True(e.Confidence >= threshold, $"{e.Id} at {e.Confidence} is under {threshold}"));
        Assert.Equal(all.Where(e => e.Confidence >= threshold).Select(e => e.Id).Order(StringComparer.Ordinal), shown.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ingest_ListingOfStoredDocuments_SaysHowManyEventsAreUnderTheThresholdAndShowListsThemWithZero()
    {
        using var run = new CliRun();
        var (exit, listing, error) = await run.RunWithDbAsync("ingest", Path.Combine(CliRun.Samples, "wire.jsonl"));
        Assert.True(exit == ExitCodes.Success, error);
        var hidden = System.Text.RegularExpressions.Regex.Matches(listing, @"\((\d+) more below confidence").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(hidden > 0, listing);

        var ids = System.Text.RegularExpressions.Regex.Matches(listing, @"  id ([0-9a-f]{12,})").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        var shownByDefault = 0;
        var shownWithZero = 0;
        foreach (var id in ids)
        {
            var (_, byDefault, _) = await run.RunWithDbAsync("show", id);
            var (_, withZero, _) = await run.RunWithDbAsync("show", id, "--min-confidence", "0");
            shownByDefault += TimelineCount(byDefault);
            shownWithZero += TimelineCount(withZero);
        }

        Assert.Equal(shownByDefault + hidden, shownWithZero);
    }

    private static int TimelineCount(string report) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(report, @"Timeline \((\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
