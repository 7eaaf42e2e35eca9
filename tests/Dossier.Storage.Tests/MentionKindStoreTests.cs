using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Sqlite;

namespace Dossier.Storage.Tests;

public abstract class MentionKindStoreContract(StoreKind kind) : IDisposable
{
    private readonly TestStore _db = new(kind);

    public void Dispose() => _db.Dispose();

    /// <summary>The sample document with one entity mentioned by a name, a description and a pronoun.</summary>
    internal static Document WithKinds()
    {
        var document = SampleDocuments.Full();
        var text = document.Text;
        int Find(string s) => text.IndexOf(s, StringComparison.Ordinal);
        var trump = document.Entities.Single(e => e.Id == "e2");
        var kinds = trump with
        {
            Mentions =
            [
                new Mention(Find("Trump"), Find("Trump") + 5, "Trump", 0),
                new Mention(Find("Washington"), Find("Washington") + 10, "Washington", 0) { Kind = MentionKinds.Description },
                new Mention(Find("aid"), Find("aid") + 3, "aid", 1) { Kind = MentionKinds.Pronoun },
            ],
        };
        return document with { Entities = [.. document.Entities.Select(e => e.Id == "e2" ? kinds : e)] };
    }

    [SkippableFact]
    public async Task AddThenGet_MentionsOfEachKind_ComeBackWithTheirKinds()
    {
        var document = WithKinds();
        await using var store = _db.Open();
        await store.AddAsync(document);

        var stored = (await store.GetAsync(document.Id))!;
        Assert.Equal(
            [MentionKinds.Name, MentionKinds.Description, MentionKinds.Pronoun],
            stored.Entities.Single(e => e.Id == "e2").Mentions.Select(m => m.Kind).ToArray());
        SampleDocuments.AssertSame(document, stored);
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM mentions WHERE kind = 'description'"));
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM mentions WHERE kind = 'pronoun'"));
    }

    [SkippableFact]
    public async Task GetEntity_MentionSamples_CarryTheirKinds()
    {
        var document = WithKinds();
        await using var store = _db.Open();
        await store.AddAsync(document);

        var details = (await store.GetEntityAsync("Donald Trump"))!;
        Assert.Equal(
            [("Trump", MentionKinds.Name), ("Washington", MentionKinds.Description), ("aid", MentionKinds.Pronoun)],
            details.Mentions.Select(m => (m.Text, m.Kind)).ToArray());
    }

}

/// <summary>Mention kinds on SQLite.</summary>
public sealed class MentionKindStoreTests() : MentionKindStoreContract(StoreKind.Sqlite);

/// <summary>Mention kinds on PostgreSQL (skips without <c>DOSSIER_TEST_POSTGRES</c>).</summary>
public sealed class PostgresMentionKindStoreTests() : MentionKindStoreContract(StoreKind.Postgres);

/// <summary>The migration of a SQLite file written before mention kinds.</summary>
public sealed class SqliteMentionKindMigrationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Open_Version4DatabaseWithDocuments_AddsTheKindColumnAndReadsOldMentionsAsNames()
    {
        var document = SampleDocuments.Full();
        using (var connection = _db.Connect())
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = string.Join('\n', SqliteSchema.Migrations.Where(m => m.Version <= 4).Select(m => m.Sql))
                    + "\nPRAGMA user_version = 4;";
                command.ExecuteNonQuery();
            }

            OldStore.Write(connection, document);
        }

        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM pragma_table_info('mentions') WHERE name = 'kind'"));
        await using (var store = _db.Open())
        {
            Assert.Equal(SqliteSchema.LatestVersion, store.SchemaVersion);
            var stored = (await store.GetAsync(document.Id))!;
            Assert.All(stored.Entities.SelectMany(e => e.Mentions), m => Assert.Equal(MentionKinds.Name, m.Kind));
            var details = (await store.GetEntityAsync("Volodymyr Zelensky"))!;
            Assert.Equal(MentionKinds.Name, Assert.Single(details.Mentions).Kind);
        }

        Assert.Equal(_db.Count("mentions"), _db.Scalar("SELECT count(*) FROM mentions WHERE kind = 'name'"));
    }
}

/// <summary>Writes documents the way a store of schema version 4 or older did: without the columns later migrations add
/// (version 5: <c>mentions.kind</c>; version 6: <c>documents.topic</c>, <c>events.domain</c>; version 7: the place columns of
/// <c>entities</c> and <c>events</c>; version 12: the document columns of <c>events</c>). The writer fills them, so they are
/// there for the write and dropped after it.</summary>
internal static class OldStore
{
    public static void Write(Microsoft.Data.Sqlite.SqliteConnection connection, params Document[] documents)
    {
        Exec(connection, "ALTER TABLE mentions ADD COLUMN kind TEXT; ALTER TABLE documents ADD COLUMN topic TEXT; ALTER TABLE events ADD COLUMN domain TEXT;"
            + string.Concat(LaterColumns.Select(c => $"ALTER TABLE {c.Replace(" ", " ADD COLUMN ", StringComparison.Ordinal)} TEXT;")));
        using (var writer = new DocumentWriter(connection))
        {
            foreach (var document in documents)
            {
                // Version 4 annotations had no mention kinds.
                var annotations = AnnotationsJson.Serialize(document)?.Replace(",\"kind\":\"name\"", "", StringComparison.Ordinal);
                var key = writer.InsertDocument(document, new TokenLayerCodec().Encode(document.Text, document.Sentences, document.Tokens),
                    annotations, "2025-10-18T00:00:00.000Z");
                writer.InsertAnnotations(key!.Value, document, _ => { });
            }
        }

        Exec(connection, "ALTER TABLE mentions DROP COLUMN kind; ALTER TABLE documents DROP COLUMN topic; ALTER TABLE events DROP COLUMN domain;"
            + string.Concat(LaterColumns.Select(c => $"ALTER TABLE {c.Replace(" ", " DROP COLUMN ", StringComparison.Ordinal)};")));
    }

    /// <summary>"table column" of each column that migrations 7 and 12 add to the tables the writer fills.</summary>
    private static readonly string[] LaterColumns =
    [
        "entities place", "entities latitude", "entities longitude", "events location_place", "events location_country_code",
        "events location_latitude", "events location_longitude", "events location_scope",
        "events document_id", "events document_title", "events document_published", "events document_source", "events document_url",
    ];

    private static void Exec(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
