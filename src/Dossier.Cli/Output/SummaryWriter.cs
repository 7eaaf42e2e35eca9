using System.Globalization;
using Dossier.Engine;
using Dossier.Storage;

namespace Dossier.Cli.Output;

/// <summary>Plain-text tables and summaries for the store commands.</summary>
internal static class SummaryWriter
{
    private const int ListedAfterIngest = 20;

    /// <summary>The counts and rate of an ingest, then the first documents stored, their events from <paramref name="minConfidence"/> up.</summary>
    public static async Task WriteIngestAsync(TextWriter output, IngestSummary summary, IDocumentStore store, double minConfidence, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(FormattableString.Invariant(
            $"{summary.New} new, {summary.Duplicates} duplicate, {summary.Failed} failed, {summary.NonEnglish} not English (stored, not analysed)"));
        await output.WriteLineAsync(ThroughputLine(summary));
        if (summary.New == 0)
        {
            return;
        }

        await output.WriteLineAsync();
        foreach (var id in summary.DocumentIds.Take(ListedAfterIngest))
        {
            if (await store.GetAsync(id, cancellationToken) is { } document)
            {
                await DocumentReport.WriteAsync(output, document, minConfidence: minConfidence);
            }
        }

        if (summary.New > ListedAfterIngest)
        {
            await output.WriteLineAsync($"… and {summary.New - ListedAfterIngest} more (dossier documents)");
        }
    }

    /// <summary>Tokens, sentences, time, and the rate after start-up (the first document's reading, compilation and
    /// analysis), which a short run would otherwise be dominated by.</summary>
    public static string ThroughputLine(IngestSummary summary)
    {
        var line = FormattableString.Invariant($"{summary.Words:N0} tokens in {summary.Sentences:N0} sentences, {summary.Elapsed.TotalSeconds:0.00} s");
        return summary.WordsPerSecond is { } rate
            ? line + FormattableString.Invariant($" ({rate:N0} tokens/s after {summary.Startup.TotalSeconds:0.00} s of start-up)")
            : line;
    }

    public static async Task WriteDocumentListAsync(TextWriter output, IReadOnlyList<DocumentSummary> rows)
    {
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("No documents.");
            return;
        }

        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row));
        }
    }

    public static async Task WriteSearchAsync(TextWriter output, IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            await output.WriteLineAsync("No matches.");
            return;
        }

        foreach (var hit in hits)
        {
            await output.WriteLineAsync(Line(hit.Document));
            await output.WriteLineAsync("    " + hit.Snippet.ReplaceLineEndings(" "));
        }
    }

    public static async Task WriteStatisticsAsync(TextWriter output, StoreStatistics s)
    {
        var rows = new (string Name, string Value)[]
        {
            ("documents", s.Documents.ToString("N0", CultureInfo.InvariantCulture)),
            ("english", s.EnglishDocuments.ToString("N0", CultureInfo.InvariantCulture)),
            ("sentences", s.Sentences.ToString("N0", CultureInfo.InvariantCulture)),
            ("tokens", s.Tokens.ToString("N0", CultureInfo.InvariantCulture)),
            ("entities", s.Entities.ToString("N0", CultureInfo.InvariantCulture)),
            ("times", s.Times.ToString("N0", CultureInfo.InvariantCulture)),
            ("values", s.Values.ToString("N0", CultureInfo.InvariantCulture)),
            ("events", s.Events.ToString("N0", CultureInfo.InvariantCulture)),
            ("size", FormattableString.Invariant($"{s.SizeBytes / 1024.0 / 1024.0:0.0} MB")),
            ("schema version", s.SchemaVersion.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (name, value) in rows)
        {
            await output.WriteLineAsync($"{name,-15} {value}");
        }
    }

    private static string Line(DocumentSummary row)
    {
        var date = row.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date   ";
        var language = row.Language ?? "??";
        var topic = row.Topic ?? "-";
        return $"{row.Id[..12]}  {date}  {language}  {topic,-13}  {row.Tokens,6} tok  {row.Title ?? Path.GetFileName(row.Source)}";
    }
}
