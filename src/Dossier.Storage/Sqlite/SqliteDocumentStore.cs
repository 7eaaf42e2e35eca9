using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;
using Dossier.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The embedded document store: one SQLite file (plus its <c>-wal</c> and <c>-shm</c> companions) in WAL mode
/// with <c>synchronous=NORMAL</c> and foreign keys on. Each <see cref="AddAsync"/> is one transaction that writes
/// the document row, its full-text index entry and its layer rows together or not at all. Schema changes are
/// the ordered <see cref="SqliteSchema.Migrations"/>, tracked in <c>PRAGMA user_version</c>.
/// </summary>
/// <remarks>
/// <para>Thread safety: an instance may be shared by concurrent callers. Writes go through one writing connection,
/// one at a time (a <see cref="SemaphoreSlim"/>); reads borrow one of a small pool of read-only connections
/// (<see cref="ReaderPool"/>), so they run in parallel with each other and with a write. Several
/// processes or instances may open the same file: readers never wait for a writer (opening an existing store and
/// reading takes no write lock, and <see cref="StoreAccess.ReadOnly"/> guarantees it), and a writer waits up to the
/// busy timeout (5 s by default) for another writer to finish, then fails with a <see cref="StoreException"/> saying
/// how long it waited.</para>
/// <para>All failures of SQLite surface as <see cref="StoreException"/> with a one-line message naming the file;
/// <see cref="OperationCanceledException"/> surfaces as such and rolls back an unfinished
/// <see cref="AddAsync"/>. The async methods complete synchronously after taking the lock: SQLite has no
/// asynchronous I/O.</para>
/// </remarks>
public sealed partial class SqliteDocumentStore : IDocumentStore
{
    /// <summary>How long a write waits for another writer before giving up.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private const int SqliteError = 1;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteNotADatabase = 26;

    private const string SummaryColumns = "d.id, d.title, d.source, d.published, d.language, d.char_count, d.sentence_count, d.token_count, d.topic";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ReaderPool _readers;
    private readonly DocumentWriter _writer;
    private readonly CorpusWriter _corpus;
    private readonly TokenLayerCodec _codec = new();
    private readonly bool _readOnly;
    private bool _disposed;
    private bool _wrote;

    private SqliteDocumentStore(string path, SqliteConnection connection, TimeSpan busyTimeout, int schemaVersion, bool readOnly = false)
    {
        Path = path;
        _connection = connection;
        _readOnly = readOnly;
        _readers = new ReaderPool(connection.ConnectionString, busyTimeout, ReaderPool.DefaultSize);
        SchemaVersion = schemaVersion;
        _writer = new DocumentWriter(connection);
        _corpus = new CorpusWriter(connection);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open database (always <see cref="SqliteSchema.LatestVersion"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>Whether the store was opened with <see cref="StoreAccess.ReadOnly"/>: it cannot add documents.</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>Test hook: called inside the transaction of <see cref="AddAsync"/> after each stage
    /// ("document", "entities", "times", "values", "events", "corpus") is written.</summary>
    internal Action<string>? AfterStage { get; set; }

    /// <summary>The writer's connection, for a benchmark that profiles the statements it runs.</summary>
    internal SqliteConnection WriterConnection => _connection;

    /// <summary>Opens the store at <paramref name="path"/>, creating the file if needed and bringing its schema
    /// to <see cref="SqliteSchema.LatestVersion"/>.</summary>
    /// <param name="path">The database file; its directory must exist.</param>
    /// <param name="busyTimeout">How long a write waits for another writer; <see cref="DefaultBusyTimeout"/> when null.</param>
    /// <exception cref="StoreException">When the file cannot be created or opened, is not a SQLite database or not a
    /// Dossier store, is corrupt, has a newer schema than this build knows, or is locked beyond the busy timeout.</exception>
    /// <param name="access"><see cref="StoreAccess.ReadOnly"/> for a store that only reads: it never takes the write lock,
    /// so it never waits for another process's write (a store that does not exist yet, or needs a migration, is set up
    /// first by a read-write open).</param>
    public static SqliteDocumentStore Open(string path, TimeSpan? busyTimeout = null, StoreAccess access = StoreAccess.ReadWrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var timeout = busyTimeout ?? DefaultBusyTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, nameof(busyTimeout));
        if (access == StoreAccess.ReadOnly)
        {
            return OpenReadOnly(path, timeout);
        }

        string fullPath;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StoreException($"Cannot open the store '{path}': the path is not valid ({ex.Message}).", ex);
        }

        if (Directory.Exists(fullPath))
        {
            throw new StoreException($"Cannot open the store '{fullPath}': it is a directory, not a database file.");
        }

        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            throw new StoreException($"Cannot create the store '{fullPath}': the directory '{directory}' does not exist.");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself until the command timeout (whole seconds);
            // SQLite's busy_timeout below does the precise waiting.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        SqliteDocumentStore? store = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds};");
            var version = CheckIdentity(connection, fullPath);
            // WAL persists in the file; switching needs the write lock, so only ask when it is not set yet.
            if (!string.Equals(Scalar<string>(connection, "PRAGMA journal_mode;"), "wal", StringComparison.OrdinalIgnoreCase))
            {
                Execute(connection, "PRAGMA journal_mode = WAL;");
            }

            // NORMAL: a commit writes the WAL without fsync (durable against a process crash, not a power cut);
            // the fsyncs happen at checkpoints, so checkpoint every 4,000 pages (16 MiB) rather than SQLite's 1,000.
            Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 4000;");
            version = Migrate(connection, fullPath, version);
            store = new SqliteDocumentStore(fullPath, connection, timeout, version);
            // Documents stored before the corpus existed (schema version 1) join it now.
            store.LinkPendingDocuments();
            return store;
        }
        catch (SqliteException ex)
        {
            store?.DisposeQuietly();
            connection.Dispose();
            throw Describe(ex, fullPath, "open", Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            store?.DisposeQuietly();
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing, current store without ever asking for the write lock: read-only connections
    /// (SQLite refuses any write on them), no migration, no corpus linking, no <c>PRAGMA optimize</c> on close. Under
    /// WAL such reads never wait for a writer. A store that is missing, not yet in WAL mode, older than this build or
    /// with documents still to link into the corpus is first brought up to date by a read-write open (which may wait).</summary>
    private static SqliteDocumentStore OpenReadOnly(string path, TimeSpan timeout)
    {
        string fullPath;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Open(path, timeout); // throws the StoreException that names the bad path
        }

        if (!File.Exists(fullPath) || new FileInfo(fullPath).Length == 0)
        {
            Open(path, timeout).Dispose();
        }

        for (var attempt = 0; ; attempt++)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            }.ToString());
            SqliteDocumentStore? store = null;
            var started = Stopwatch.GetTimestamp();
            try
            {
                connection.Open();
                Execute(connection, $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA query_only = 1;");
                var version = CheckIdentity(connection, fullPath);
                var current = version == SqliteSchema.LatestVersion
                    && string.Equals(Scalar<string>(connection, "PRAGMA journal_mode;"), "wal", StringComparison.OrdinalIgnoreCase)
                    && Scalar<long>(connection, "SELECT EXISTS (SELECT 1 FROM documents WHERE corpus_linked = 0);") == 0;
                if (current || attempt > 0)
                {
                    store = new SqliteDocumentStore(fullPath, connection, timeout, version, readOnly: true);
                    return store;
                }
            }
            catch (SqliteException ex)
            {
                store?.DisposeQuietly();
                connection.Dispose();
                throw Describe(ex, fullPath, "open", Stopwatch.GetElapsedTime(started));
            }
            catch
            {
                store?.DisposeQuietly();
                connection.Dispose();
                throw;
            }

            connection.Dispose();
            // Set the store up once (create, WAL, migrate, link), then open it read-only.
            Open(path, timeout).Dispose();
        }
    }

    /// <inheritdoc />
    /// <remarks>One transaction (BEGIN IMMEDIATE … COMMIT) per document; a duplicate id writes nothing.</remarks>
    public async Task<AddOutcome> AddAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return AddCore(document, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds documents one after another, each in its own transaction, under one hold of the lock.</summary>
    /// <returns>How many were added and how many were already stored.</returns>
    /// <exception cref="StoreException">When a document cannot be written; the documents before it stay stored.</exception>
    public async Task<(int Added, int Duplicates)> AddRangeAsync(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int added = 0, duplicates = 0;
            foreach (var document in documents)
            {
                ArgumentNullException.ThrowIfNull(document, nameof(documents));
                if (AddCore(document, cancellationToken) == AddOutcome.Added)
                {
                    added++;
                }
                else
                {
                    duplicates++;
                }
            }

            return (added, duplicates);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await ReadAsync(
            session => session.Command("SELECT 1 FROM documents WHERE id = $id", ("$id", NormaliseId(id))).ExecuteScalar() is not null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The id is matched without regard to case; a prefix that matches several documents gives null.</remarks>
    public async Task<Document?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await ReadAsync(session => GetCore(session.Connection, NormaliseId(id)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Documents without a date come after all dated ones.</remarks>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return await ReadAsync(session =>
            {
                using var command = session.Connection.CreateCommand();
                command.CommandText = $"""
                    SELECT {SummaryColumns} FROM documents AS d
                    ORDER BY d.published DESC NULLS LAST, d.id
                    LIMIT $limit OFFSET $offset
                    """;
                command.Parameters.AddWithValue("$limit", limit);
                command.Parameters.AddWithValue("$offset", offset);
                using var reader = command.ExecuteReader();
                var list = new List<DocumentSummary>();
                while (reader.Read())
                {
                    list.Add(ReadSummary(reader));
                }

                return (IReadOnlyList<DocumentSummary>)list;
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="query"/> is FTS5 syntax (words, <c>"phrases"</c>, <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>prefix*</c>,
    /// <c>title:word</c>); words are matched by their Porter stems, so <c>elections</c> finds <c>election</c>.
    /// <see cref="SearchHit.Rank"/> is the BM25 score (title hits weigh three times text hits): lower is better,
    /// and hits come best first. The snippet is up to 16 words of the best-matching column with every hit in
    /// <c>[</c> <c>]</c> and "…" where text was left out.
    /// </remarks>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new StoreException("The search query is not valid: it is empty.");
        }

        return await ReadAsync(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = $"""
                SELECT {SummaryColumns},
                       snippet(documents_fts, -1, '[', ']', '…', 16),
                       bm25(documents_fts, 3.0, 1.0) AS score
                FROM documents_fts JOIN documents AS d ON d.doc_key = documents_fts.rowid
                WHERE documents_fts MATCH $query
                ORDER BY score, d.id
                LIMIT $limit
                """;
            command.Parameters.AddWithValue("$query", query);
            command.Parameters.AddWithValue("$limit", limit);
            try
            {
                using var reader = command.ExecuteReader();
                var hits = new List<SearchHit>();
                while (reader.Read())
                {
                    hits.Add(new SearchHit(ReadSummary(reader), reader.IsDBNull(9) ? "" : reader.GetString(9), reader.GetDouble(10)));
                }

                return (IReadOnlyList<SearchHit>)hits;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteError)
            {
                throw new StoreException($"The search query '{OneLine(query)}' is not valid: {SqliteMessage(ex)}.", ex);
            }
        }, cancellationToken, "search").ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><see cref="StoreStatistics.SizeBytes"/> is the database's page count times page size (the WAL file not included).</remarks>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        return await ReadAsync(session =>
            {
                using var command = session.Connection.CreateCommand();
                command.CommandText = """
                    SELECT (SELECT count(*) FROM documents),
                           (SELECT count(*) FROM documents WHERE is_english = 1),
                           (SELECT coalesce(sum(sentence_count), 0) FROM documents),
                           (SELECT coalesce(sum(token_count), 0) FROM documents),
                           (SELECT count(*) FROM entities),
                           (SELECT count(*) FROM times),
                           (SELECT count(*) FROM value_mentions),
                           (SELECT count(*) FROM events),
                           (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()),
                           (SELECT user_version FROM pragma_user_version())
                    """;
                using var reader = command.ExecuteReader();
                reader.Read();
                return new StoreStatistics(
                    reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt32(9));
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The <c>store_version</c> row, which triggers move on with every change of <c>documents</c>.</remarks>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        return await ReadAsync(
            session => Convert.ToInt64(session.Command("SELECT version FROM store_version WHERE id = 1").ExecuteScalar(), CultureInfo.InvariantCulture),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for any running operation, then closes the connections (after <c>PRAGMA optimize</c>).</summary>
    public void Dispose()
    {
        _readers.Dispose();
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            if (_wrote && !_readOnly)
            {
                // Best effort and without waiting: statistics are an optimisation, and ANALYZE needs the write lock,
                // which another process may hold. raw exec skips Microsoft.Data.Sqlite's own retrying on SQLITE_BUSY.
                SQLitePCL.raw.sqlite3_exec(_connection.Handle, "PRAGMA busy_timeout = 0; PRAGMA optimize;");
            }

            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the prepared commands of a store that failed to open; the caller disposes the connection.</summary>
    private void DisposeQuietly()
    {
        _disposed = true;
        _writer.Dispose();
        _readers.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private AddOutcome AddCore(Document document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_readOnly)
        {
            throw new InvalidOperationException($"The store '{Path}' was opened read-only; open it with StoreAccess.ReadWrite to add documents.");
        }

        if (Guard("read", () => ContainsCore(document.Id)))
        {
            return AddOutcome.Duplicate;
        }

        byte[]? layers;
        string? annotations;
        try
        {
            layers = _codec.Encode(document.Text, document.Sentences, document.Tokens);
            annotations = AnnotationsJson.Serialize(document);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new StoreException($"Cannot store document {document.Id} in '{Path}': its layers cannot be serialised ({ex.Message}).", ex);
        }

        var ingestedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        SqliteTransaction? transaction = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            _wrote = true;
            transaction = _connection.BeginTransaction(deferred: false);
            _writer.Enlist(transaction);
            var key = _writer.InsertDocument(document, layers, annotations, ingestedAt);
            if (key is not { } docKey)
            {
                // Another connection stored it between the check and the lock.
                transaction.Rollback();
                return AddOutcome.Duplicate;
            }

            Stage("document", cancellationToken);
            _writer.InsertAnnotations(docKey, document, stage => Stage(stage, cancellationToken));
            _corpus.Link(docKey, document, transaction);
            Stage("corpus", cancellationToken);
            transaction.Commit();
            return AddOutcome.Added;
        }
        catch (SqliteException ex)
        {
            RollBack(transaction);
            throw ex.SqliteErrorCode == SqliteConstraint
                ? new StoreException($"Cannot store document {document.Id} in '{Path}': {SqliteMessage(ex)} (are the entity or event ids of the document unique?).", ex)
                : Describe(ex, Path, $"store document {document.Id} in", Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            RollBack(transaction);
            throw;
        }
        finally
        {
            _writer.Enlist(null);
            transaction?.Dispose();
        }
    }

    private void Stage(string stage, CancellationToken cancellationToken)
    {
        AfterStage?.Invoke(stage);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void RollBack(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
        }
    }

    private bool ContainsCore(string id) => _writer.Exists(id);

    private Document? GetCore(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        const string Columns = "id, title, source, url, published, language, text, layers, annotations, topic";
        if (id.Length >= 6 && id.Length < 32 && IsHex(id))
        {
            // A prefix: GLOB is case-sensitive and uses the unique index on id; ids are lower-case hex.
            command.CommandText = $"SELECT {Columns} FROM documents WHERE id GLOB $pattern LIMIT 2";
            command.Parameters.AddWithValue("$pattern", id + "*");
        }
        else
        {
            command.CommandText = $"SELECT {Columns} FROM documents WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
        }

        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var storedId = reader.GetString(0);
        var metadata = new DocumentMetadata(
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(4) ? null : ParseDate(reader.GetString(4)),
            reader.IsDBNull(3) ? null : reader.GetString(3));
        var document = new Document(reader.GetString(6), metadata, reader.IsDBNull(5) ? null : reader.GetString(5))
        {
            Topic = reader.IsDBNull(9) ? null : reader.GetString(9),
        };
        var layers = reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7);
        var annotations = reader.IsDBNull(8) ? null : reader.GetString(8);
        if (reader.Read())
        {
            return null; // an ambiguous prefix
        }

        try
        {
            var (sentences, tokens) = TokenLayerCodec.Decode(layers, document.Text);
            document = document with { Sentences = sentences, Tokens = tokens };
            return AnnotationsJson.Apply(document, annotations);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NotSupportedException)
        {
            throw new StoreException($"The layers of document {storedId} in '{Path}' are corrupt: {ex.Message}", ex);
        }
    }

    private static DocumentSummary ReadSummary(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : ParseDate(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));

    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string NormaliseId(string id) => id.Trim().ToLowerInvariant();

    private static bool IsHex(string value) => value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(GetType().FullName);
        }
    }

    /// <summary>Runs <paramref name="body"/> on a pooled read-only connection and its prepared statements; SQLite failures
    /// become <see cref="StoreException"/>.</summary>
    private async Task<T> ReadAsync<T>(Func<ReadSession, T> body, CancellationToken cancellationToken, string action = "read")
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReaderPool.Lease lease;
        var started = Stopwatch.GetTimestamp();
        try
        {
            lease = await _readers.RentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Describe(ex, Path, action, Stopwatch.GetElapsedTime(started));
        }

        using (lease)
        {
            return Guard(action, () => body(lease.Session));
        }
    }

    private T Guard<T>(string action, Func<T> body)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return body();
        }
        catch (SqliteException ex)
        {
            throw Describe(ex, Path, action, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Reads the header fields and refuses files that are not (or not yet) Dossier stores.</summary>
    /// <returns>The schema version (<c>user_version</c>).</returns>
    private static int CheckIdentity(SqliteConnection connection, string path)
    {
        // The first statement that reads the file: a non-database fails here with SQLITE_NOTADB.
        var version = (int)Scalar<long>(connection, "PRAGMA user_version;");
        var applicationId = (int)Scalar<long>(connection, "PRAGMA application_id;");
        if (applicationId != 0 && applicationId != SqliteSchema.ApplicationId)
        {
            throw new StoreException($"'{path}' is a SQLite database of another application (application_id {applicationId}), not a Dossier store.");
        }

        if (version == 0 && Scalar<long>(connection, "SELECT count(*) FROM sqlite_schema;") > 0)
        {
            throw new StoreException($"'{path}' is a SQLite database with tables of its own, not a Dossier store.");
        }

        if (version > SqliteSchema.LatestVersion)
        {
            throw new StoreException(
                $"'{path}' has schema version {version}, newer than this build of Dossier knows ({SqliteSchema.LatestVersion}); use a newer Dossier.");
        }

        if (version < 0)
        {
            throw new StoreException($"'{path}' has an invalid schema version {version}.");
        }

        return version;
    }

    private static int Migrate(SqliteConnection connection, string path, int version)
    {
        foreach (var migration in SqliteSchema.Migrations)
        {
            if (migration.Version <= version)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            // Another process may have migrated between our check and our write lock.
            var current = (int)Scalar<long>(connection, "PRAGMA user_version;", transaction);
            if (current >= migration.Version)
            {
                transaction.Rollback();
                version = current;
                continue;
            }

            try
            {
                Execute(connection, migration.Sql, transaction);
                Execute(connection, $"PRAGMA user_version = {migration.Version};", transaction);
                transaction.Commit();
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is not (SqliteBusy or SqliteLocked or SqliteNotADatabase or SqliteCorrupt))
            {
                throw new StoreException($"Cannot migrate '{path}' to schema version {migration.Version} ({migration.Description}): {SqliteMessage(ex)}.", ex);
            }

            version = migration.Version;
        }

        return version;
    }

    /// <param name="waited">How long the failed operation ran: for a busy database, how long it waited for the lock.</param>
    private static StoreException Describe(SqliteException ex, string path, string action, TimeSpan waited)
    {
        var reason = SqliteMessage(ex);
        var message = ex.SqliteErrorCode switch
        {
            SqliteNotADatabase => $"'{path}' is not a SQLite database or is corrupt ({reason}).",
            SqliteCorrupt => $"'{path}' is corrupt ({reason}).",
            SqliteBusy or SqliteLocked => DossierErrors.Store(path, DossierErrors.StoreLocked(waited)),
            SqliteCantOpen => $"Cannot open or create the store '{path}' ({reason}).",
            SqliteReadOnly => $"Cannot write to '{path}': it is read-only ({reason}).",
            SqliteFull => $"Cannot write to '{path}': the disk is full ({reason}).",
            _ => $"Cannot {action} '{path}': {reason}.",
        };
        return new StoreException(message, ex);
    }

    /// <summary>SQLite's own message without Microsoft.Data.Sqlite's "SQLite Error n: '…'." wrapper, on one line.</summary>
    private static string SqliteMessage(SqliteException ex)
    {
        var match = WrappedMessage().Match(ex.Message);
        return OneLine(match.Success ? match.Groups[1].Value : ex.Message);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex(@"^SQLite Error \d+: '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex WrappedMessage();

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}
