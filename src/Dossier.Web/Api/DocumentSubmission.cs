using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Core.Documents;
using Dossier.Core.Errors;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Extraction.Actors;
using Dossier.Ingest;
using Dossier.Storage;

namespace Dossier.Web.Api;

/// <summary>
/// The body of <c>POST /api/documents</c>, as a JSON object or a form with the same field names. Give exactly one of
/// <paramref name="Text"/> and <paramref name="Html"/>, or <paramref name="Url"/> alone (the server then fetches it).
/// Blank fields count as not given.
/// </summary>
/// <param name="Text">The report as plain text (as in a JSON Lines record for <c>dossier ingest</c>).</param>
/// <param name="Title">The headline; with <paramref name="Html"/> or a fetched URL, overrides the page's own.</param>
/// <param name="Published">A date (YYYY-MM-DD, or any form the ingest date parser reads), or null; with
/// <paramref name="Html"/> or a fetched URL, overrides the page's own.</param>
/// <param name="Url">The document's link when <paramref name="Text"/> or <paramref name="Html"/> is given (kept as
/// given); else the page to fetch, which must be an absolute http(s) URL.</param>
/// <param name="Html">The report as an HTML page; the article is extracted as <c>dossier ingest</c> reads .html files.</param>
public sealed record DocumentSubmission(string? Text = null, string? Title = null, string? Published = null, string? Url = null, string? Html = null)
{
    /// <summary>What a valid submission asks for.</summary>
    internal enum Kind
    {
        Text,
        Html,
        Fetch,
    }

    /// <summary>The submission with blank fields made null and the URL trimmed, or the one-line reason it is not valid.</summary>
    internal (DocumentSubmission? Valid, Kind Kind, string? Error) Validate()
    {
        var text = string.IsNullOrWhiteSpace(Text) ? null : Text;
        var html = string.IsNullOrWhiteSpace(Html) ? null : Html;
        var url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim();
        if (text is not null && html is not null)
        {
            return (null, default, "Give either 'text' or 'html', not both.");
        }

        if (text is null && html is null && url is null)
        {
            return (null, default, "Nothing to store: give 'text' (plain text) or 'html' (an HTML page), or 'url' alone (a page to fetch).");
        }

        // A URL to fetch must be http(s). Beside text or HTML it is only the document's link, kept as given (as before);
        // pages show a link that is not http(s) as text.
        if (text is null && html is null && !IsWebUrl(url!))
        {
            return (null, default, "'url' must be an absolute http:// or https:// URL to fetch.");
        }

        var valid = new DocumentSubmission(
            text,
            string.IsNullOrWhiteSpace(Title) ? null : Title,
            string.IsNullOrWhiteSpace(Published) ? null : Published,
            url,
            html);
        return (valid, text is not null ? Kind.Text : html is not null ? Kind.Html : Kind.Fetch, null);
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>What <c>POST /api/documents</c> answers: the id, and whether the document is new (false: it was stored before).</summary>
public sealed record DocumentCreated(string Id, bool Created, string Location);

/// <summary>What became of a submission: the stored (or already stored) document's id, or a one-line detail of why
/// nothing was stored. <see cref="UpstreamFailed"/> is true when the URL to fetch could not be fetched.</summary>
internal sealed record SubmissionOutcome(string? Id, bool Created, string? Error, bool UpstreamFailed = false)
{
    public static SubmissionOutcome Refused(string error, bool upstreamFailed = false) => new(null, false, error, upstreamFailed);
}

/// <summary>
/// Reads a submission the way <c>dossier ingest</c> reads its inputs, through <see cref="DocumentReader"/>: text as a
/// JSON Lines record, HTML as an .html file, a URL as <c>dossier ingest URL</c> fetches it (same time and size limits).
/// The document is then built from a JSON Lines record in every case (same validation, date parsing and language
/// detection), analysed with the default pipeline and stored. The pipeline is built on first use: its models load
/// once per process.
/// </summary>
internal sealed class DocumentIngestor(IDocumentStore store, Lazy<AnalysisPipeline> pipeline)
{
    /// <summary>What <see cref="DocumentMetadata.Source"/> says for a document posted without a URL.</summary>
    public const string ApiSource = "api";

    /// <summary>How <see cref="DocumentReader"/>'s reasons start when a URL could not be fetched at all
    /// (no connection, no answer in time, an error status).</summary>
    private static readonly string FetchFailedPrefix = DossierErrors.Unreachable(string.Empty).TrimEnd(')');

    private static readonly JsonSerializerOptions LineOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Lazy<AnalysisPipeline> CreatePipeline(string? actorsPath, string dbPath) => new(() =>
    {
        var path = actorsPath;
        if (path is null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbPath)) ?? ".", "actors.tsv");
            path = File.Exists(beside) ? beside : null;
        }

        if (path is null)
        {
            return DefaultPipeline.Create();
        }

        var result = ActorKnowledgeBase.Default.WithUserActors(path);
        return result.KnowledgeBase is { } actors
            ? DefaultPipeline.Create(actors)
            : throw new InvalidOperationException($"The actors file cannot be used: {result.Error}");
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <param name="submission">The submission; it is validated here too.</param>
    /// <param name="maxBytes">The request body limit: text and HTML up to it (and more) are read.</param>
    /// <param name="cancellationToken">Stops reading, fetching and analysing.</param>
    public async Task<SubmissionOutcome> SubmitAsync(DocumentSubmission submission, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var (valid, kind, invalid) = submission.Validate();
        if (valid is null)
        {
            return SubmissionOutcome.Refused(invalid!);
        }

        var (read, refused) = await ReadAsync(valid, kind, maxBytes, cancellationToken).ConfigureAwait(false);
        if (read is not { } document)
        {
            return refused!;
        }

        // The reader named a temporary file as the source: a fetched page came from its URL; otherwise the document's
        // own link, else the API, is where it came from.
        var source = kind == DocumentSubmission.Kind.Fetch ? valid.Url! : document.Metadata.Url ?? ApiSource;
        document = new Document(document.Text, document.Metadata with { Source = source }, document.Language);
        if (await store.ContainsAsync(document.Id, cancellationToken).ConfigureAwait(false))
        {
            return new SubmissionOutcome(document.Id, false, null);
        }

        var analysed = await Task.Run(() => pipeline.Value.Process(document), cancellationToken).ConfigureAwait(false);
        var outcome = await store.AddAsync(analysed, cancellationToken).ConfigureAwait(false);
        return new SubmissionOutcome(analysed.Id, outcome == AddOutcome.Added, null);
    }

    private static async Task<(Document? Document, SubmissionOutcome? Refused)> ReadAsync(
        DocumentSubmission submission, DocumentSubmission.Kind kind, long maxBytes, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("dossier-post-");
        try
        {
            var local = new ReadOptions { MaxBytes = Math.Max(maxBytes * 2, ReadOptions.DefaultMaxBytes) };
            var record = new Record(submission.Text, submission.Title, submission.Published, submission.Url);
            if (kind != DocumentSubmission.Kind.Text)
            {
                var (page, refused) = kind == DocumentSubmission.Kind.Html
                    ? await ReadHtmlAsync(directory.FullName, submission.Html!, local, cancellationToken).ConfigureAwait(false)
                    : await FetchAsync(submission.Url!, cancellationToken).ConfigureAwait(false);
                if (page is null)
                {
                    return (null, refused);
                }

                // What the request says wins over what the page says.
                record = new Record(
                    page.Text,
                    submission.Title ?? page.Metadata.Title,
                    submission.Published ?? page.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    kind == DocumentSubmission.Kind.Html ? submission.Url : page.Metadata.Url ?? submission.Url);
            }

            var file = Path.Combine(directory.FullName, "document.jsonl");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(record, LineOptions), cancellationToken).ConfigureAwait(false);
            var results = await ReadAllAsync(file, local, cancellationToken).ConfigureAwait(false);
            return results is [{ Document: { } document }]
                ? (document, null)
                : (null, SubmissionOutcome.Refused($"The document cannot be read: {Reason(results)}."));
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The page read as <c>dossier ingest</c> reads an .html file: its article text, title and date.</summary>
    private static async Task<(Document? Page, SubmissionOutcome? Refused)> ReadHtmlAsync(
        string directory, string html, ReadOptions options, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, "document.html");
        await File.WriteAllTextAsync(file, html, cancellationToken).ConfigureAwait(false);
        var results = await ReadAllAsync(file, options, cancellationToken).ConfigureAwait(false);
        return results is [{ Document: { } page }]
            ? (page, null)
            : (null, SubmissionOutcome.Refused($"The HTML cannot be read: {Reason(results)}."));
    }

    /// <summary>The page at <paramref name="url"/> read as <c>dossier ingest URL</c> reads it, with its default limits.
    /// A feed (any number of items), or anything else that gives more than one document, is refused.</summary>
    private static async Task<(Document? Page, SubmissionOutcome? Refused)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var results = await ReadAllAsync(url, new ReadOptions(), cancellationToken).ConfigureAwait(false);
        // DocumentReader names a feed's items URL#item=N.
        if (results.Any(r => r.Input.StartsWith(url + "#item=", StringComparison.Ordinal)))
        {
            var items = results.Count == 1 ? "1 item" : $"{results.Count} items";
            return (null, SubmissionOutcome.Refused($"The URL is a feed of {items}; ingest feeds with `dossier ingest`."));
        }

        if (results.Count > 1)
        {
            return (null, SubmissionOutcome.Refused($"The URL holds {results.Count} documents; ingest it with `dossier ingest`."));
        }

        if (results is [{ Document: { } page }])
        {
            return (page, null);
        }

        var reason = Reason(results);
        return reason.StartsWith(FetchFailedPrefix, StringComparison.Ordinal)
            ? (null, SubmissionOutcome.Refused($"The URL {reason}.", upstreamFailed: true))
            : (null, SubmissionOutcome.Refused($"The URL cannot be read: {reason}."));
    }

    private static async Task<List<ReadResult>> ReadAllAsync(string pathOrUrl, ReadOptions options, CancellationToken cancellationToken)
    {
        var results = new List<ReadResult>();
        await foreach (var result in DocumentReader.ReadAsync(pathOrUrl, options, cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        return results;
    }

    private static string Reason(List<ReadResult> results) => results.FirstOrDefault(r => r.Error is not null)?.Error ?? "no document";

    /// <summary>A JSON Lines record as <c>dossier ingest</c> reads it.</summary>
    private sealed record Record(string? Text, string? Title, string? Published, string? Url);
}
