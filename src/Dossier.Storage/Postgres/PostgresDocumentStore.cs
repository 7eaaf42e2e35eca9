using System.Collections.Immutable;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Storage.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>
/// The team store: a PostgreSQL database shared by any number of processes that add and read documents at once.
/// Same contract as <see cref="SqliteDocumentStore"/> (<see cref="IDocumentStore"/>, <see cref="Corpus.ICorpusQueries"/>),
/// same tables (<see cref="PostgresSchema"/>), same corpus rules.
/// </summary>
/// <remarks>
/// <para>Each <see cref="AddAsync"/> is one transaction: it inserts the document row (<c>ON CONFLICT (id) DO NOTHING</c>:
/// a document another writer stored first is a duplicate; one another writer is storing makes this one wait on the
/// unique key until that writer ends), writes the layer rows (an <c>unnest</c> insert per table), and only then takes the
/// advisory lock <see cref="PostgresSchema.CorpusLock"/> (writers in every process take turns from there to the commit, so
/// the corpus a writer reads is the one it updates), links the document into the corpus and commits, in about five round
/// trips (<see cref="PgBatch"/>, <see cref="PostgresCorpusWriter"/>): the turn each writer takes is the link and the
/// commit. The analysis, which is where the time goes, and the document's own rows happen before and in parallel.
/// <c>store_version</c> moves at the commit (a deferred trigger, migration 12), so the document row takes no lock that
/// another writer's document row waits on.</para>
/// <para>Full-text search uses a generated <c>tsvector</c> column (English stemming) with a GIN index and
/// <c>websearch_to_tsquery</c>; see <see cref="SearchAsync"/> for how the FTS5 syntax maps onto it.</para>
/// <para>Connections come from Npgsql's pool; the instance is thread-safe. Failures surface as <see cref="StoreException"/>
/// with one line naming the store (its URL without the password).</para>
/// </remarks>
public sealed partial class PostgresDocumentStore : IDocumentStore
{
    private const string SummaryColumns = "d.id, d.title, d.source, d.published, d.language, d.char_count, d.sentence_count, d.token_count, d.topic";

    private readonly NpgsqlDataSource _source;

    /// <summary>The pool of the reads outside transactions (<see cref="ReadAsync"/>): multiplexed (<see cref="ReadConnectionString"/>).</summary>
    private readonly NpgsqlDataSource _reads;
    private readonly bool _readOnly;
    private int _disposed;

    private PostgresDocumentStore(NpgsqlDataSource source, NpgsqlDataSource reads, string name, int schemaVersion, bool readOnly)
    {
        _source = source;
        _reads = reads;
        Name = name;
        SchemaVersion = schemaVersion;
        _readOnly = readOnly;
    }

    /// <summary>The store's URL without its password, for messages.</summary>
    public string Name { get; }

    /// <summary>The schema version of the open database (always <see cref="PostgresSchema.LatestVersion"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>The data source, for the work queue and tests.</summary>
    internal NpgsqlDataSource DataSource => _source;

    /// <summary>Test hook: called inside the transaction of <see cref="AddAsync"/> after the document row is written and
    /// after the corpus is linked ("document", "corpus").</summary>
    internal Action<string>? AfterStage { get; set; }

    /// <summary>Opens the store at <paramref name="url"/> (<c>postgres://USER:PASSWORD@HOST:PORT/DB</c>), bringing its schema
    /// to <see cref="PostgresSchema.LatestVersion"/>.</summary>
    /// <exception cref="StoreException">When the URL is malformed, the server cannot be reached or refuses the login, the
    /// database holds tables of its own or a newer schema.</exception>
    public static PostgresDocumentStore Open(string url, StoreAccess access = StoreAccess.ReadWrite)
    {
        var (connectionString, name) = PostgresUrl.Parse(url);
        var builder = new NpgsqlDataSourceBuilder(WriteConnectionString(connectionString));
        var source = builder.Build();
        NpgsqlDataSource? reads = null;
        try
        {
            var version = Migrate(source, name);
            reads = new NpgsqlDataSourceBuilder(ReadConnectionString(connectionString, url)).Build();
            return new PostgresDocumentStore(source, reads, name, version, access == StoreAccess.ReadOnly);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            reads?.Dispose();
            source.Dispose();
            throw Describe(ex, name, "open");
        }
        catch
        {
            reads?.Dispose();
            source.Dispose();
            throw;
        }
    }

    /// <summary>The settings of the write pool (documents, the corpus link, the work queue): those of the store's URL, with
    /// PostgreSQL planning each prepared statement for its own values (<c>plan_cache_mode=force_custom_plan</c>, added to
    /// any <c>Options</c> of the URL). A writer's connection lives for a whole ingest, and its prepared statements would
    /// otherwise settle on a generic plan made while the corpus tables were nearly empty, then keep scanning them as they
    /// grow: measured, 500–870 buffers read a single-row corpus update instead of a few, and 2 workers slower than 1
    /// (docs/evaluation.md, the lead's figures of 2026-12-07, late evening).</summary>
    internal static string WriteConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        const string CustomPlans = "-c plan_cache_mode=force_custom_plan";
        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? CustomPlans : builder.Options + " " + CustomPlans;
        }

        return builder.ConnectionString;
    }

    /// <summary>The most connections of the multiplexed read pool (unless the URL sets <c>Maximum Pool Size</c>).</summary>
    internal const int ReadPoolSize = 16;

    /// <summary>The settings of the read pool: those of the store's URL, with Npgsql's multiplexing on (unless the URL
    /// sets <c>Multiplexing</c>): the commands of concurrent reads share a few connections and go out together, so a
    /// web server under load keeps a few busy PostgreSQL backends instead of one per request (measured: about a
    /// quarter less server CPU per event list; see docs/evaluation.md). Reads run outside transactions and keep no
    /// session state, which multiplexing requires; writes and the work queue keep the ordinary pool.</summary>
    internal static string ReadConnectionString(string connectionString, string url)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var query = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Query) : "";
        if (query.Contains("multiplexing", StringComparison.OrdinalIgnoreCase) || !builder.Pooling)
        {
            return builder.ConnectionString;
        }

        builder.Multiplexing = true;
        if (!query.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, ReadPoolSize);
        }

        return builder.ConnectionString;
    }

    private static int Migrate(NpgsqlDataSource source, string name)
    {
        using var connection = source.OpenConnection();
        foreach (var migration in PostgresSchema.Migrations)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLock})");
            var hasSchemaTable = Scalar(connection, transaction, "SELECT to_regclass('dossier_schema') IS NOT NULL") is true;
            if (!hasSchemaTable)
            {
                var tables = Convert.ToInt64(Scalar(connection, transaction,
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"), CultureInfo.InvariantCulture);
                if (tables > 0)
                {
                    throw new StoreException($"{name}: the database has tables of its own, not a Dossier store.");
                }

                Execute(connection, transaction, "CREATE TABLE dossier_schema (id INTEGER PRIMARY KEY CHECK (id = 1), application TEXT NOT NULL, version INTEGER NOT NULL); INSERT INTO dossier_schema VALUES (1, 'dossier', 0)");
            }

            var current = Convert.ToInt32(Scalar(connection, transaction, "SELECT version FROM dossier_schema WHERE id = 1"), CultureInfo.InvariantCulture);
            if (current > PostgresSchema.LatestVersion)
            {
                throw new StoreException($"{name} has schema version {current}, newer than this build of Dossier knows ({PostgresSchema.LatestVersion}); use a newer Dossier.");
            }

            if (current >= migration.Version)
            {
                transaction.Commit();
                continue;
            }

            try
            {
                Execute(connection, transaction, migration.Sql);
                Execute(connection, transaction, $"UPDATE dossier_schema SET version = {migration.Version} WHERE id = 1");
                transaction.Commit();
            }
            catch (PostgresException ex)
            {
                throw new StoreException($"Cannot migrate {name} to schema version {migration.Version} ({migration.Description}): {OneLine(ex.MessageText)}.", ex);
            }
        }

        return PostgresSchema.LatestVersion;
    }

    /// <inheritdoc />
    public async Task<AddOutcome> AddAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_readOnly)
        {
            throw new InvalidOperationException($"The store {Name} was opened read-only; open it with StoreAccess.ReadWrite to add documents.");
        }

        if (await ContainsAsync(document.Id, cancellationToken).ConfigureAwait(false))
        {
            return AddOutcome.Duplicate;
        }

        byte[]? layers;
        string? annotations;
        try
        {
            layers = new TokenLayerCodec().Encode(document.Text, document.Sentences, document.Tokens);
            annotations = AnnotationsJson.Serialize(document);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new StoreException($"Cannot store document {document.Id} in {Name}: its layers cannot be serialised ({ex.Message}).", ex);
        }

        var ingestedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Round trip 1: the document row, without the corpus lock: a second writer of the same id waits on the unique
            // key until this transaction ends, then finds the row (a duplicate) or, after a rollback, stores it itself. The
            // layer rows go out with the link's first read, ahead of the corpus lock in the same round trip; the lock is
            // held only from there to the commit (the link, PostgresCorpusWriter), while the other writers store their
            // document and layer rows.
            var batch = new PgBatch(connection, transaction, cancellationToken);
            long? key = null;
            await batch.ReadAsync(new PgRead(InsertDocumentSql, DocumentParameters(document, layers, annotations, ingestedAt), r => key = r.GetInt64(0)))
                .ConfigureAwait(false);
            if (key is not { } docKey)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return AddOutcome.Duplicate;
            }

            AfterStage?.Invoke("document");
            QueueLayers(batch, docKey, document);
            await new PostgresCorpusWriter(batch).LinkAsync(docKey, document).ConfigureAwait(false);
            AfterStage?.Invoke("corpus");
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return AddOutcome.Added;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new StoreException($"Cannot store document {document.Id} in {Name}: {OneLine(ex.MessageText)} (are the entity or event ids of the document unique?).", ex);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw Describe(ex, Name, $"store document {document.Id} in");
        }
    }

    private const string InsertDocumentSql = """
        INSERT INTO documents (id, title, source, url, published, language, is_english, text,
                               char_count, sentence_count, token_count, ingested_at, layers, annotations, topic, corpus_linked)
        VALUES (@id, @title, @source, @url, @published, @language, @english, @text, @chars, @sentences, @tokens, @ingested, @layers, @annotations, @topic, 1)
        ON CONFLICT (id) DO NOTHING
        RETURNING doc_key
        """;

    private static (string Name, object? Value)[] DocumentParameters(Document d, byte[]? layers, string? annotations, string ingestedAt)
    {
        static NpgsqlParameter Typed(object? value, NpgsqlDbType type) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
        return
        [
            ("@id", Typed(d.Id, NpgsqlDbType.Text)),
            ("@title", Typed(d.Metadata.Title, NpgsqlDbType.Text)),
            ("@source", Typed(d.Metadata.Source, NpgsqlDbType.Text)),
            ("@url", Typed(d.Metadata.Url, NpgsqlDbType.Text)),
            ("@published", Typed(Pg.Day(d.Metadata.Published), NpgsqlDbType.Text)),
            ("@language", Typed(d.Language, NpgsqlDbType.Text)),
            ("@english", Typed(d.IsEnglish ? 1 : 0, NpgsqlDbType.Integer)),
            ("@text", Typed(d.Text, NpgsqlDbType.Text)),
            ("@chars", Typed(d.Text.Length, NpgsqlDbType.Integer)),
            ("@sentences", Typed(d.Sentences.IsDefault ? 0 : d.Sentences.Length, NpgsqlDbType.Integer)),
            ("@tokens", Typed(d.Tokens.IsDefault ? 0 : d.Tokens.Length, NpgsqlDbType.Integer)),
            ("@ingested", Typed(ingestedAt, NpgsqlDbType.Text)),
            ("@layers", Typed(layers, NpgsqlDbType.Bytea)),
            ("@annotations", Typed(annotations, NpgsqlDbType.Text)),
            ("@topic", Typed(d.Topic, NpgsqlDbType.Text)),
        ];
    }

    /// <summary>The layer tables, one statement per table (a document has tens to hundreds of rows) with a column of rows
    /// as an array per column (<c>unnest</c>), queued on <paramref name="batch"/>: they reach the server with the corpus
    /// link's first read, in the same round trip.</summary>
    private static void QueueLayers(PgBatch batch, long key, Document d)
    {
        var entities = OrEmpty(d.Entities);
        if (entities.Length > 0)
        {
            InsertRows(batch, "entities (doc_key, entity_id, ordinal, name, type, country, sector, code, aliases, place, latitude, longitude)", entities.Select((e, i) => new object?[]
            {
                key, e.Id, i, e.Name, e.Type, e.Country, e.Sector, e.Code,
                e.Aliases.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(e.Aliases.ToArray(), AliasOptions),
                Sqlite.PlaceJson.Serialize(e.Place), e.Place?.Latitude, e.Place?.Longitude,
            }), [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                 NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Double]);
            InsertRows(batch, "entity_roles (doc_key, entity_id, ordinal, title, organization, country, status)",
                entities.SelectMany(e => OrEmpty(e.Roles).Select((r, i) => new object?[] { key, e.Id, i, r.Title, r.Organization, r.Country, r.Status })),
                [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text]);
            InsertRows(batch, "mentions (doc_key, entity_id, ordinal, start_char, end_char, text, sentence, kind)",
                entities.SelectMany(e => OrEmpty(e.Mentions).Select((m, i) => new object?[] { key, e.Id, i, m.Start, m.End, m.Text, m.Sentence, m.Kind ?? MentionKinds.Name })),
                [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text]);
        }

        InsertRows(batch, "times (doc_key, ordinal, text, type, value, start_char, end_char, sentence)",
            OrEmpty(d.Times).Select((t, i) => new object?[] { key, i, t.Text, t.Type, t.Value, t.Start, t.End, t.Sentence }),
            [NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer]);
        InsertRows(batch, "value_mentions (doc_key, ordinal, text, type, amount, amount_text, unit, start_char, end_char, sentence)",
            OrEmpty(d.Values).Select((v, i) => new object?[]
            {
                key, i, v.Text, v.Type, v.Amount is { } amount ? (double)amount : null, v.Amount?.ToString(CultureInfo.InvariantCulture), v.Unit, v.Start, v.End, v.Sentence,
            }),
            [NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer]);
        var events = OrEmpty(d.Events);
        if (events.Length == 0)
        {
            return;
        }

        InsertRows(batch, """
            events (doc_key, event_id, ordinal, type, cameo, quad_class, goldstein, status, mode, trigger_text, trigger_start, trigger_end, sentence,
                    location_text, location_entity, location_country, date_text, date_value, evidence, confidence, domain,
                    location_place, location_country_code, location_latitude, location_longitude, location_scope,
                    document_id, document_title, document_published, document_source, document_url)
            """,
            events.Select((e, i) => new object?[]
            {
                key, e.Id, i, e.Type, e.Cameo, e.QuadClass, e.Goldstein, e.Status, e.Mode, e.Trigger.Text, e.Trigger.Start, e.Trigger.End, e.Sentence,
                e.Location?.Text, e.Location?.Entity, e.Location?.Country, e.Date?.Text, e.Date?.Value, e.Evidence, e.Confidence, e.Domain,
                Sqlite.PlaceJson.Serialize(e.Location?.Place), e.Location?.Place?.CountryCode, e.Location?.Place?.Latitude, e.Location?.Place?.Longitude,
                e.Location?.Place is null ? null : e.Location.Scope,
                d.Id, d.Metadata.Title, Pg.Day(d.Metadata.Published), d.Metadata.Source, d.Metadata.Url,
            }),
            [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Double,
             NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
             NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Text,
             NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Text,
             NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text]);
        InsertRows(batch, "event_actors (doc_key, event_id, side, ordinal, text, entity, country, sector, code)",
            events.SelectMany(e => OrEmpty(e.Source).Select((a, i) => (e, a, i, side: "source"))
                    .Concat(OrEmpty(e.Target).Select((a, i) => (e, a, i, side: "target"))))
                .Select(x => new object?[] { key, x.e.Id, x.side, x.i, x.a.Text, x.a.Entity, x.a.Country, x.a.Sector, x.a.Code }),
            [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text]);
        InsertRows(batch, "event_attributes (doc_key, event_id, name, value)",
            events.SelectMany(e => (e.Attributes ?? ImmutableDictionary<string, string>.Empty).Select(p => new object?[] { key, e.Id, p.Key, p.Value })),
            [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text]);
    }

    private static readonly JsonSerializerOptions AliasOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Queues <c>INSERT INTO table (columns) SELECT * FROM unnest(arrays)</c> for <paramref name="rows"/>, nothing when there are none.</summary>
    private static void InsertRows(PgBatch batch, string table, IEnumerable<object?[]> rows, NpgsqlDbType[] types)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var parameters = new (string Name, object? Value)[types.Length];
        for (var c = 0; c < types.Length; c++)
        {
            var column = c;
            Array values = types[c] switch
            {
                NpgsqlDbType.Bigint => list.Select(r => r[column] is null ? (long?)null : Convert.ToInt64(r[column], CultureInfo.InvariantCulture)).ToArray(),
                NpgsqlDbType.Integer => list.Select(r => r[column] is null ? (int?)null : Convert.ToInt32(r[column], CultureInfo.InvariantCulture)).ToArray(),
                NpgsqlDbType.Double => list.Select(r => r[column] is null ? (double?)null : Convert.ToDouble(r[column], CultureInfo.InvariantCulture)).ToArray(),
                NpgsqlDbType.Text => list.Select(r => (string?)r[column]).ToArray(),
                var other => throw new NotSupportedException($"No array column of type {other}."),
            };
            parameters[c] = ("@c" + c.ToString(CultureInfo.InvariantCulture), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | types[c], Value = values });
        }

        batch.Queue($"INSERT INTO {table} SELECT * FROM unnest({string.Join(", ", parameters.Select(p => p.Name))})", parameters);
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    /// <inheritdoc />
    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(async (c, ct) => await Pg.ScalarAsync(c, null, "SELECT 1 FROM documents WHERE id = @id", ct, ("@id", NormaliseId(id))).ConfigureAwait(false) is not null,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Document?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync((c, ct) => GetCoreAsync(c, NormaliseId(id), ct), cancellationToken);
    }

    private async Task<Document?> GetCoreAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        const string Columns = "id, title, source, url, published, language, text, layers, annotations, topic";
        var prefix = id.Length >= 6 && id.Length < 32 && IsHex(id);
        var rows = await Pg.ReadAllAsync(connection, null,
            prefix ? $"SELECT {Columns} FROM documents WHERE id LIKE @pattern LIMIT 2" : $"SELECT {Columns} FROM documents WHERE id = @id",
            r => (Id: r.GetString(0), Title: Pg.Text(r, 1), Source: r.GetString(2), Url: Pg.Text(r, 3), Published: Pg.ParseDay(r, 4),
                Language: Pg.Text(r, 5), Text: r.GetString(6), Layers: r.IsDBNull(7) ? null : (byte[])r.GetValue(7), Annotations: Pg.Text(r, 8), Topic: Pg.Text(r, 9)),
            ct, prefix ? ("@pattern", id + "%") : ("@id", id)).ConfigureAwait(false);
        if (rows.Count != 1)
        {
            return null;
        }

        var row = rows[0];
        var document = new Document(row.Text, new DocumentMetadata(row.Title, row.Source, row.Published, row.Url), row.Language) { Topic = row.Topic };
        try
        {
            var (sentences, tokens) = TokenLayerCodec.Decode(row.Layers, document.Text);
            document = document with { Sentences = sentences, Tokens = tokens };
            return AnnotationsJson.Apply(document, row.Annotations);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NotSupportedException)
        {
            throw new StoreException($"The layers of document {row.Id} in {Name} are corrupt: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return ReadAsync<IReadOnlyList<DocumentSummary>>(async (c, ct) => await Pg.ReadAllAsync(c, null, $"""
            SELECT {SummaryColumns} FROM documents AS d
            ORDER BY d.published DESC NULLS LAST, d.id
            LIMIT @limit OFFSET @offset
            """, ReadSummary, ct, ("@limit", limit), ("@offset", offset)).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <para>The query is read by <c>websearch_to_tsquery('english', …)</c> over the title (weight A) and the text (weight B),
    /// words matched by their English (Snowball) stems, so <c>elections</c> finds <c>election</c>. The documented FTS5
    /// syntax maps onto it: words (all must match), <c>"phrases"</c>, <c>OR</c>, <c>NOT word</c> and <c>-word</c> work as in
    /// SQLite; <c>AND</c> is the default and dropped; <c>prefix*</c> matches the stem of the prefix (<c>elect*</c> finds
    /// <c>election</c>, but <c>presid*</c> does not find <c>president</c>); a column filter <c>title:word</c> searches
    /// both columns; parentheses are ignored (operators bind left to right). A malformed query is never an error: what
    /// cannot be read is left out.</para>
    /// <para><see cref="SearchHit.Rank"/> is minus <c>ts_rank</c> (lower is better, as with SQLite's BM25); the snippet is
    /// <c>ts_headline</c> of the text (the title when the text has no hit), hits in <c>[</c> <c>]</c>.</para>
    /// </remarks>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new StoreException("The search query is not valid: it is empty.");
        }

        var web = PostgresSearch.ToWebSearch(query);
        return ReadAsync<IReadOnlyList<SearchHit>>(async (c, ct) => await Pg.ReadAllAsync(c, null, $"""
            WITH q AS (SELECT websearch_to_tsquery('english', @query) AS q),
            hits AS (
                SELECT {SummaryColumns}, d.text AS body, ts_rank(d.search, q.q) AS score, q.q
                FROM documents AS d, q
                WHERE d.search @@ q.q
                ORDER BY score DESC, d.id
                LIMIT @limit)
            SELECT id, title, source, published, language, char_count, sentence_count, token_count, topic,
                   CASE WHEN to_tsvector('english', body) @@ q OR title IS NULL
                        THEN ts_headline('english', body, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')
                        ELSE ts_headline('english', title, q, 'StartSel=[, StopSel=], HighlightAll=true') END,
                   -score
            FROM hits ORDER BY score DESC, id
            """, r => new SearchHit(ReadSummary(r), Pg.Text(r, 9) ?? "", (double)r.GetFloat(10)),
            ct, ("@query", web), ("@limit", limit)).ConfigureAwait(false), cancellationToken, "search");
    }

    /// <inheritdoc />
    /// <remarks><see cref="StoreStatistics.SizeBytes"/> is the size of the database (<c>pg_database_size</c>).</remarks>
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (c, ct) => (await Pg.ReadAllAsync(c, null, """
            SELECT (SELECT count(*) FROM documents),
                   (SELECT count(*) FROM documents WHERE is_english = 1),
                   (SELECT coalesce(sum(sentence_count), 0) FROM documents),
                   (SELECT coalesce(sum(token_count), 0) FROM documents),
                   (SELECT count(*) FROM entities),
                   (SELECT count(*) FROM times),
                   (SELECT count(*) FROM value_mentions),
                   (SELECT count(*) FROM events),
                   pg_database_size(current_database()),
                   (SELECT version FROM dossier_schema WHERE id = 1)
            """, r => new StoreStatistics(
                Pg.Int(r, 0), Pg.Int(r, 1), Pg.Long(r, 2), Pg.Long(r, 3), Pg.Long(r, 4), Pg.Long(r, 5), Pg.Long(r, 6), Pg.Long(r, 7), Pg.Long(r, 8), Pg.Int(r, 9)),
            ct).ConfigureAwait(false))[0], cancellationToken);

    /// <inheritdoc />
    /// <remarks>The <c>store_version</c> row, which a trigger moves on in the transaction of every change of <c>documents</c>.</remarks>
    public Task<long> GetVersionAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (c, ct) => (await Pg.LongAsync(c, null, "SELECT version FROM store_version WHERE id = 1", ct).ConfigureAwait(false)) ?? 0, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _reads.Dispose();
            _source.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _reads.DisposeAsync().ConfigureAwait(false);
            await _source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken, string action = "read")
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            await using var connection = await _reads.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await body(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw Describe(ex, Name, action);
        }
    }

    private static DocumentSummary ReadSummary(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        Pg.Text(reader, 1),
        reader.GetString(2),
        Pg.ParseDay(reader, 3),
        Pg.Text(reader, 4),
        Pg.Int(reader, 5),
        Pg.Int(reader, 6),
        Pg.Int(reader, 7),
        Pg.Text(reader, 8));

    private static string NormaliseId(string id) => id.Trim().ToLowerInvariant();

    private static bool IsHex(string value) => value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    internal static StoreException Describe(Exception ex, string name, string action)
    {
        var reason = ex switch
        {
            PostgresException pg => pg.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => $"the server refused the login ({pg.MessageText})",
                PostgresErrorCodes.InvalidCatalogName => $"no such database ({pg.MessageText})",
                _ => pg.MessageText,
            },
            NpgsqlException { InnerException: SocketException socket } => $"cannot reach the server ({socket.Message})",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException => "the server did not answer in time",
            NpgsqlException { InnerException: { } inner } npgsql => $"{npgsql.Message} ({inner.Message})",
            _ => ex.Message,
        };
        return new StoreException($"Cannot {action} {name}: {OneLine(reason)}.", ex);
    }

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        return command.ExecuteScalar();
    }
}
