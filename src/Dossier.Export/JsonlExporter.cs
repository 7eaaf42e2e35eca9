using Dossier.Core.Serialization;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Export;

/// <summary>JSON Lines: one compact <c>dossier/1</c> object (<see cref="DossierJson"/>) per stored document, newest
/// published first, each line ended by '\n', with the events of at least <see cref="ExportOptions.MinConfidence"/> (as
/// <c>dossier analyze --format jsonl</c> prints them). Documents are read and written one at a time; one that cannot be
/// read is left out and named in <see cref="ExportResult.Skipped"/>.</summary>
public sealed class JsonlExporter : TextExporter
{
    public override string Format => "jsonl";

    public override string Description => "one dossier/1 JSON object per stored document, one per line";

    public override string RecordName => "documents";

    protected override async Task<long> WriteAsync(IDocumentStore store, ICorpusQueries corpus, ExportOptions options, TextWriter output, ICollection<string> skipped, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var document in StorePages.DocumentsAsync(store, skipped, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(DossierJson.Serialize(document.WithEventsFrom(options.MinConfidence)).AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync('\n').ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
