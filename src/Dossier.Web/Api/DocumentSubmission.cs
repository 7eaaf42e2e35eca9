using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Extraction.Actors;
using Dossier.Ingest;
using Dossier.Storage;

namespace Dossier.Web.Api;

/// <summary>The body of <c>POST /api/documents</c>: the same fields as a JSON Lines record for <c>dossier ingest</c>.</summary>
/// <param name="Published">A date (YYYY-MM-DD, or any form the ingest date parser reads), or null.</param>
public sealed record DocumentSubmission(string? Text, string? Title = null, string? Published = null, string? Url = null);

/// <summary>What <c>POST /api/documents</c> answers: the id, and whether the document is new (false: it was stored before).</summary>
public sealed record DocumentCreated(string Id, bool Created, string Location);

/// <summary>
/// Reads a submission the way <c>dossier ingest</c> reads a JSON Lines record (same validation, date parsing and
/// language detection, through <see cref="DocumentReader"/>), analyses it with the default pipeline and stores it.
/// The pipeline is built on first use: its models load once per process.
/// </summary>
internal sealed class DocumentIngestor(IDocumentStore store, Lazy<AnalysisPipeline> pipeline)
{
    /// <summary>What <see cref="DocumentMetadata.Source"/> says for a document posted without a URL.</summary>
    public const string ApiSource = "api";

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

    /// <returns>The stored (or already stored) document's id, or the one-line reason the submission is not a document.</returns>
    public async Task<(string? Id, bool Created, string? Error)> SubmitAsync(DocumentSubmission submission, long maxBytes, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(submission, maxBytes, cancellationToken).ConfigureAwait(false);
        if (read.Document is not { } document)
        {
            return (null, false, read.Error);
        }

        // The reader named the temporary file as the source; the document's own link, else the API, is where it came from.
        var url = document.Metadata.Url;
        document = new Document(document.Text, document.Metadata with { Source = url ?? ApiSource }, document.Language);
        if (await store.ContainsAsync(document.Id, cancellationToken).ConfigureAwait(false))
        {
            return (document.Id, false, null);
        }

        var analysed = await Task.Run(() => pipeline.Value.Process(document), cancellationToken).ConfigureAwait(false);
        var outcome = await store.AddAsync(analysed, cancellationToken).ConfigureAwait(false);
        return (analysed.Id, outcome == AddOutcome.Added, null);
    }

    private static async Task<ReadResult> ReadAsync(DocumentSubmission submission, long maxBytes, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("dossier-post-");
        try
        {
            var file = Path.Combine(directory.FullName, "document.jsonl");
            var line = JsonSerializer.Serialize(submission, LineOptions);
            await File.WriteAllTextAsync(file, line, cancellationToken).ConfigureAwait(false);
            var options = new ReadOptions { MaxBytes = Math.Max(maxBytes * 2, ReadOptions.DefaultMaxBytes) };
            await foreach (var result in DocumentReader.ReadAsync(file, options, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }

            return ReadResult.Failure(ApiSource, "no document");
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
}
