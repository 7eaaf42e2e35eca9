using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Ingest.Web;
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
/// Reads a submission the way <c>dossier ingest</c> reads its inputs, through <see cref="DocumentReader"/> and from
/// memory: text as a JSON Lines record, HTML as an .html file, a URL as <c>dossier ingest URL</c> fetches it (same
/// time and size limits). The document is then built as a JSON Lines record in every case (same validation, date
/// parsing and language detection) and handed to the <see cref="IngestService"/>, which analyses and stores it. The
/// pipeline is built on first use: its models load once per process.
/// </summary>
internal sealed class DocumentIngestor(IDocumentStore store, Lazy<AnalysisPipeline> pipeline, FetchAddressPolicy fetchPolicy)
{
    /// <summary>What <see cref="DocumentMetadata.Source"/> says for a document posted without a URL.</summary>
    public const string ApiSource = "api";

    /// <summary>The name a posted document carries in read failures.</summary>
    private const string PostedInput = "POST /api/documents";

    public static Lazy<AnalysisPipeline> CreatePipeline(string? actorsPath, string dbPath) => new(
        () => DefaultPipeline.TryCreate(actorsPath, dbPath, out var error)
            ?? throw new InvalidOperationException($"The actors file cannot be used: {error}"),
        LazyThreadSafetyMode.ExecutionAndPublication);

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

        var (read, refused) = await ReadAsync(valid, kind, maxBytes, fetchPolicy, cancellationToken).ConfigureAwait(false);
        if (read is not { } document)
        {
            return refused!;
        }

        // A fetched page came from its URL; otherwise the document's own link, else the API, is where it came from.
        var source = kind == DocumentSubmission.Kind.Fetch ? valid.Url! : document.Metadata.Url ?? ApiSource;
        document = new Document(document.Text, document.Metadata with { Source = source }, document.Language);
        // A client that goes away stops the analysis between stages and nothing is stored.
        var (id, created) = await new IngestService(pipeline.Value, store).IngestAsync(document, cancellationToken).ConfigureAwait(false);
        return new SubmissionOutcome(id, created, null);
    }

    private static async Task<(Document? Document, SubmissionOutcome? Refused)> ReadAsync(
        DocumentSubmission submission, DocumentSubmission.Kind kind, long maxBytes, FetchAddressPolicy fetchPolicy, CancellationToken cancellationToken)
    {
        var local = new ReadOptions { MaxBytes = Math.Max(maxBytes * 2, ReadOptions.DefaultMaxBytes) };
        var (text, title, published, url) = (submission.Text, submission.Title, submission.Published, submission.Url);
        if (kind != DocumentSubmission.Kind.Text)
        {
            var (page, refused) = kind == DocumentSubmission.Kind.Html
                ? ReadHtml(submission.Html!, submission.Url, local)
                : await FetchAsync(submission.Url!, fetchPolicy, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                return (null, refused);
            }

            // What the request says wins over what the page says.
            text = page.Text;
            title = submission.Title ?? page.Metadata.Title;
            published = submission.Published ?? page.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            url = kind == DocumentSubmission.Kind.Html ? submission.Url : page.Metadata.Url ?? submission.Url;
        }

        var result = DocumentReader.ReadRecord(PostedInput, text ?? "", title, published, url, local);
        return result.Document is { } document
            ? (document, null)
            : (null, SubmissionOutcome.Refused($"The document cannot be read: {result.Error}."));
    }

    /// <summary>The page read as <c>dossier ingest</c> reads an .html file: its article text, title and date.</summary>
    private static (Document? Page, SubmissionOutcome? Refused) ReadHtml(string html, string? url, ReadOptions options)
    {
        var result = DocumentReader.ReadHtml(PostedInput, html, url, options);
        return result.Document is { } page
            ? (page, null)
            : (null, SubmissionOutcome.Refused($"The HTML cannot be read: {result.Error}."));
    }

    /// <summary>The page at <paramref name="url"/> read as <c>dossier ingest URL</c> reads it, with its default limits,
    /// but only from the addresses <paramref name="fetchPolicy"/> allows (public ones and the <c>--allow-fetch-from</c>
    /// networks). A feed (any number of items), or anything else that gives more than one document, is refused.</summary>
    private static async Task<(Document? Page, SubmissionOutcome? Refused)> FetchAsync(
        string url, FetchAddressPolicy fetchPolicy, CancellationToken cancellationToken)
    {
        var results = new List<ReadResult>();
        await foreach (var result in DocumentReader.ReadAsync(url, new ReadOptions { FetchPolicy = fetchPolicy }, cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

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

        var failure = results.FirstOrDefault(r => r.Error is not null);
        var reason = failure?.Error ?? "no document";
        return failure?.FailureKind == ReadFailureKind.Unreachable
            ? (null, SubmissionOutcome.Refused($"The URL {reason}.", upstreamFailed: true))
            : (null, SubmissionOutcome.Refused($"The URL cannot be read: {reason}."));
    }
}
