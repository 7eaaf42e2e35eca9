using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Export.Tests;

/// <summary>
/// A real SQLite store in a temporary folder holding three hand-built documents: two English reports (Reuters, AP) with
/// coded entities and events that the corpus layer links and merges, and one French document with no layers.
/// </summary>
/// <remarks>
/// Corpus events: CONSULT Zelensky → Trump (both reports: 2 mentions, 2 articles, 2 sources; evidence with a comma,
/// quotes and a line break; in Washington), AID and COOPERATE Zelensky → Trump (quad class 2), ACCUSE Trump → Zelensky
/// (quad class 3), THREATEN Russia → IGOUNO (a target known only by its code). Network: Zelensky → Trump 3 events
/// (quad classes 1, 2, 2; mean Goldstein (1 + 7.4 + 6.4) / 3), Trump → Zelensky 1 event.
/// </remarks>
internal sealed class ExportSamples : IAsyncDisposable
{
    public const string ConsultEvidence = "Zelensky said, \"We agreed\"\nafter talks in Washington.";
    public const string ReutersUrl = "https://www.reuters.com/world/zelensky-trump";
    public const string ApUrl = "https://apnews.com/article/trump-zelenskyy";

    private ExportSamples(string folder, SqliteDocumentStore store, Document reuters, Document ap, Document french)
    {
        Folder = folder;
        Store = store;
        Reuters = reuters;
        Ap = ap;
        French = french;
    }

    public string Folder { get; }

    public SqliteDocumentStore Store { get; }

    public Document Reuters { get; }

    public Document Ap { get; }

    public Document French { get; }

    public IReadOnlyList<Document> Documents => [Reuters, Ap, French];

    /// <summary>The number of corpus events the three documents make.</summary>
    public const int EventCount = 5;

    /// <summary>The confidence of the one unsure event (AP's threat by Russia); every other event has 0.9.</summary>
    public const double LowConfidence = 0.2;

    public static async Task<ExportSamples> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-export-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = SqliteDocumentStore.Open(Path.Combine(folder, "test.db"));

        var reuters = Build("Zelensky meets Trump",
            "Volodymyr Zelensky met Donald Trump in Washington on Thursday. Zelensky asked for air defence. Trump accused Zelensky of delays.",
            new DateOnly(2025, 10, 16), ReutersUrl,
            [Zelensky("e1"), Trump("e2"), new Entity("e3", "Washington", "GPE") { Country = "USA" }],
            [
                Event("v1", "CONSULT", "040", 1, 1.0, "e1", "e2", "2025-10-16", ConsultEvidence) with { Location = new EventLocation("Washington", "e3", "USA"), Mode = "visit" },
                Event("v2", "AID", "073", 2, 7.4, "e1", "e2", "2025-10-16", "Zelensky asked for air defence."),
                Event("v3", "ACCUSE", "112", 3, -2.0, "e2", "e1", "2025-10-16", "Trump accused Zelensky of delays."),
            ]);
        var ap = Build("Trump hosts Zelenskyy",
            "President Trump hosted Volodymyr Zelensky at the White House. The two agreed to work together. Russia threatened the United Nations.",
            new DateOnly(2025, 10, 17), ApUrl,
            [Zelensky("e1"), Trump("e2"), new Entity("e3", "Russia", "GPE") { Country = "RUS", Code = "RUS" }],
            [
                Event("v1", "CONSULT", "040", 1, 1.0, "e1", "e2", "2025-10-16", "President Trump hosted Volodymyr Zelensky at the White House."),
                Event("v2", "COOPERATE", "061", 2, 6.4, "e1", "e2", "2025-10-16", "The two agreed to work together."),
                Event("v3", "THREATEN", "138", 3, -7.0, "e3", "IGOUNO", null, "Russia threatened the United Nations.", LowConfidence),
            ]);
        var french = new Document("Le président a rencontré son homologue à Paris.", new DocumentMetadata("Rencontre", "samples/fr.txt", new DateOnly(2025, 10, 15)), "fr");

        foreach (var document in new[] { reuters, ap, french })
        {
            await store.AddAsync(document);
        }

        return new ExportSamples(folder, store, reuters, ap, french);
    }

    /// <summary>A path in the temporary folder (not created).</summary>
    public string PathFor(string name) => Path.Combine(Folder, name);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open elsewhere; the OS cleans the temporary folder eventually.
        }
    }

    private static Entity Zelensky(string id) => new(id, "Volodymyr Zelensky", "PERSON")
    {
        Aliases = ["Zelensky"],
        Country = "UKR",
        Sector = "GOV",
        Code = "UKRGOV",
        Roles = [new Role("President", null, "UKR", "current")],
    };

    private static Entity Trump(string id) => new(id, "Donald Trump", "PERSON")
    {
        Aliases = ["Trump"],
        Country = "USA",
        Sector = "GOV",
        Code = "USAGOV",
    };

    /// <summary>An event whose source and target are each a document entity id ("e1") or, otherwise, an actor code.</summary>
    private static Event Event(string id, string type, string cameo, int quad, double goldstein, string source, string target, string? date, string evidence, double confidence = 0.9) =>
        new(id, type, cameo, quad, goldstein, "occurred", new EventSpan("met", 0, 3), 0)
        {
            Source = [Actor(source)],
            Target = [Actor(target)],
            Date = date is null ? null : new EventDate(date, date),
            Evidence = evidence,
            Confidence = confidence,
        };

    private static EventActor Actor(string idOrCode) => idOrCode.StartsWith('e')
        ? new EventActor(idOrCode, idOrCode, null, null, null)
        : new EventActor(idOrCode, null, null, null, idOrCode);

    private static Document Build(string title, string text, DateOnly published, string url, Entity[] entities, Event[] events)
    {
        var document = HandBuilt.Tokenise(text, new DocumentMetadata(title, url, published, url));
        var withMentions = entities.Select(e => e with { Mentions = HandBuilt.MentionsOf(document, e) }).ToImmutableArray();
        return document with { Entities = withMentions, Events = [.. events] };
    }
}
