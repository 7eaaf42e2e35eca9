using System.Runtime.CompilerServices;
using Dossier.Core.Documents;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Export;

/// <summary>Reads everything a store holds through its paged queries, one page in memory at a time.</summary>
/// <remarks>Pages are read by offset in the store's stable order; a store written to during an export may shift rows
/// between pages, so rows already returned are skipped by id (a row added meanwhile may be missed).</remarks>
internal static class StorePages
{
    public const int DocumentPage = 100;
    public const int CorpusPage = 250;

    /// <summary>Every stored document with all its layers, newest published first. A document the store cannot read
    /// back is left out and named in <paramref name="skipped"/>; the others follow.</summary>
    public static async IAsyncEnumerable<Document> DocumentsAsync(IDocumentStore store, ICollection<string> skipped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += DocumentPage)
        {
            var page = await store.ListAsync(DocumentPage, offset, cancellationToken).ConfigureAwait(false);
            foreach (var summary in page)
            {
                if (seen.Add(summary.Id) && await TryGetAsync(store, summary.Id, skipped, cancellationToken).ConfigureAwait(false) is { } document)
                {
                    yield return document;
                }
            }

            if (page.Count < DocumentPage)
            {
                yield break;
            }
        }
    }

    private static async Task<Document?> TryGetAsync(IDocumentStore store, string id, ICollection<string> skipped, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.InnerException is not null and not System.Data.Common.DbException)
        {
            // The row was read but its content is damaged; a store that cannot be read at all still stops the export.
            skipped.Add(Dossier.Core.Errors.DossierErrors.StoredDocumentUnreadable(id, e.InnerException.Message.ReplaceLineEndings(" ")) + "; skipped");
            return null;
        }
    }

    /// <summary>Every corpus event with a report of at least <paramref name="minConfidence"/> (0 for all), with its actors
    /// and evidence, latest first, whatever its domain (sport and entertainment events included, flagged by
    /// <see cref="CorpusEventSummary.Domain"/>).</summary>
    public static async IAsyncEnumerable<CorpusEventSummary> EventsAsync(ICorpusQueries corpus, double minConfidence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = new CorpusEventFilter(Domain: Dossier.Core.Labels.DomainFilters.All) { MinConfidence = minConfidence };
        var seen = new HashSet<long>();
        for (var offset = 0; ; offset += CorpusPage)
        {
            var page = await corpus.ListEventsAsync(all, CorpusPage, offset, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                if (seen.Add(e.Id))
                {
                    yield return e;
                }
            }

            if (page.Count < CorpusPage)
            {
                yield break;
            }
        }
    }

    /// <summary>Every corpus entity, most mentioned first.</summary>
    public static async IAsyncEnumerable<CorpusEntitySummary> EntitiesAsync(ICorpusQueries corpus, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        for (var offset = 0; ; offset += CorpusPage)
        {
            var page = await corpus.ListEntitiesAsync(null, null, CorpusPage, offset, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                if (seen.Add(e.Id))
                {
                    yield return e;
                }
            }

            if (page.Count < CorpusPage)
            {
                yield break;
            }
        }
    }

    /// <summary>Every corpus entity by id (one small record each).</summary>
    public static async Task<Dictionary<long, CorpusEntitySummary>> EntityIndexAsync(ICorpusQueries corpus, CancellationToken cancellationToken)
    {
        var index = new Dictionary<long, CorpusEntitySummary>();
        await foreach (var e in EntitiesAsync(corpus, cancellationToken).ConfigureAwait(false))
        {
            index[e.Id] = e;
        }

        return index;
    }

    /// <summary>The distinct document ids of an event's evidence, in evidence order.</summary>
    public static IEnumerable<string> DocumentIds(CorpusEventSummary e) => e.Evidence.Select(v => v.DocumentId).Distinct(StringComparer.Ordinal);
}
