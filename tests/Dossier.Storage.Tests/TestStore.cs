using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage.Corpus;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using Npgsql;

namespace Dossier.Storage.Tests;

/// <summary>Which store a contract test runs against.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty store of one kind for one test: a SQLite file in a temporary directory, or a new PostgreSQL database
/// on the server of <see cref="Variable"/> (created on first use, dropped on dispose). A PostgreSQL test skips with a
/// message when the variable is unset or the server cannot be reached, so the suite runs unchanged without one.
/// </summary>
public sealed class TestStore : IDisposable
{
    /// <summary>The environment variable with the URL of a server where tests may create databases.</summary>
    public const string Variable = "DOSSIER_TEST_POSTGRES";

    private static readonly Lazy<string?> Unavailable = new(CheckServer);
    private readonly TempDatabase? _sqlite;
    private string? _postgresUrl;
    private string? _database;

    public TestStore(StoreKind kind)
    {
        Kind = kind;
        _sqlite = kind == StoreKind.Sqlite ? new TempDatabase() : null;
    }

    public StoreKind Kind { get; }

    /// <summary>The URL of this test's PostgreSQL database (created now if needed); skips the test when there is no server.</summary>
    public string PostgresUrl
    {
        get
        {
            EnsurePostgres();
            return _postgresUrl!;
        }
    }

    /// <summary>The URL of a server for PostgreSQL tests, or skips the test saying why there is none.</summary>
    public static string RequireServer()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        return Environment.GetEnvironmentVariable(Variable)!.Trim();
    }

    /// <summary>Opens (creating) the store.</summary>
    public StoreUnderTest Open() => Kind == StoreKind.Sqlite
        ? new StoreUnderTest(_sqlite!.Open())
        : new StoreUnderTest(PostgresDocumentStore.Open(PostgresUrl));

    public long Scalar(string sql)
    {
        if (Kind == StoreKind.Sqlite)
        {
            return _sqlite!.Scalar(sql);
        }

        using var connection = new NpgsqlConnection(Storage.Postgres.PostgresUrl.Parse(PostgresUrl).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public long Count(string table) => Scalar($"SELECT count(*) FROM {table}");

    /// <summary>Runs statements (several, separated by semicolons) on the store's database, outside any store.</summary>
    public void Execute(string sql)
    {
        if (Kind == StoreKind.Sqlite)
        {
            using var sqlite = _sqlite!.Connect();
            using var statements = sqlite.CreateCommand();
            statements.CommandText = sql;
            statements.ExecuteNonQuery();
            return;
        }

        using var connection = new NpgsqlConnection(Storage.Postgres.PostgresUrl.Parse(PostgresUrl).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Every row of <paramref name="sql"/> as one line of text (fields joined by " | ", NULL as "null"), sorted.</summary>
    public List<string> Lines(string sql)
    {
        var lines = new List<string>();
        void Read(System.Data.Common.DbDataReader reader)
        {
            while (reader.Read())
            {
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
        }

        if (Kind == StoreKind.Sqlite)
        {
            using var connection = _sqlite!.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            Read(reader);
        }
        else
        {
            using var connection = new NpgsqlConnection(Storage.Postgres.PostgresUrl.Parse(PostgresUrl).ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            using var reader = command.ExecuteReader();
            Read(reader);
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>A sorted, ';'-joined list of <paramref name="expression"/> over <paramref name="from"/> (a FROM … WHERE
    /// clause), as a scalar subquery in this store's SQL.</summary>
    public string JoinedList(string expression, string from) => Kind == StoreKind.Sqlite
        ? $"(SELECT group_concat(x, ';') FROM (SELECT {expression} AS x {from} ORDER BY 1))"
        : $"(SELECT string_agg(x, ';' ORDER BY x) FROM (SELECT ({expression})::text AS x {from}) AS s)";

    public void Dispose()
    {
        _sqlite?.Dispose();
        if (_database is not null)
        {
            try
            {
                using var admin = new NpgsqlConnection(AdminConnectionString());
                admin.Open();
                NpgsqlConnection.ClearAllPools();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server went away; its data directory is thrown away with it.
            }
        }
    }

    private void EnsurePostgres()
    {
        if (_postgresUrl is not null)
        {
            return;
        }

        var server = RequireServer();
        _database = "dossier_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            create.ExecuteNonQuery();
        }

        var uri = new UriBuilder(server) { Path = "/" + _database };
        _postgresUrl = uri.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    private static string AdminConnectionString() =>
        Storage.Postgres.PostgresUrl.Parse(Environment.GetEnvironmentVariable(Variable)!.Trim()).ConnectionString;

    /// <summary>Null when the server of <see cref="Variable"/> answers; else why PostgreSQL tests skip.</summary>
    private static string? CheckServer()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return $"PostgreSQL tests need a server: set {Variable}=postgres://USER:PASSWORD@HOST:PORT/DB (a role that may create databases); .ci/servers/postgres.sh starts one.";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Storage.Postgres.PostgresUrl.Parse(url.Trim()).ConnectionString) { Timeout = 5 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or StoreException or InvalidOperationException)
        {
            return $"PostgreSQL tests skipped: the server of {Variable} ({Storage.Postgres.PostgresUrl.Redact(url.Trim())}) cannot be reached: {ex.Message.ReplaceLineEndings(" ")}";
        }
    }
}

/// <summary>A store under test of either kind, with the contract's two interfaces and the test hooks.</summary>
public sealed class StoreUnderTest : IDocumentStore, ICorpusQueries
{
    private readonly IDocumentStore _store;
    private readonly ICorpusQueries _corpus;

    internal StoreUnderTest(IDocumentStore store)
    {
        _store = store;
        _corpus = (ICorpusQueries)store;
    }

    public IDocumentStore Inner => _store;

    public int SchemaVersion => _store switch
    {
        SqliteDocumentStore s => s.SchemaVersion,
        PostgresDocumentStore p => p.SchemaVersion,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The store's test hook: called inside the transaction of an add after a stage is written (both stores
    /// call it after "document" and "corpus").</summary>
    internal Action<string>? AfterStage
    {
        set
        {
            switch (_store)
            {
                case SqliteDocumentStore s:
                    s.AfterStage = value;
                    break;
                case PostgresDocumentStore p:
                    p.AfterStage = value;
                    break;
            }
        }
    }

    public Task<AddOutcome> AddAsync(Document document, CancellationToken cancellationToken = default) => _store.AddAsync(document, cancellationToken);

    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default) => _store.ContainsAsync(id, cancellationToken);

    public Task<Document?> GetAsync(string id, CancellationToken cancellationToken = default) => _store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, int offset = 0, CancellationToken cancellationToken = default) => _store.ListAsync(limit, offset, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) => _store.SearchAsync(query, limit, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => _store.GetStatisticsAsync(cancellationToken);

    public Task<long> GetVersionAsync(CancellationToken cancellationToken = default) => _store.GetVersionAsync(cancellationToken);

    public Task<IReadOnlyList<CorpusEntitySummary>> ListEntitiesAsync(string? type, string? query, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        _corpus.ListEntitiesAsync(type, query, limit, offset, cancellationToken);

    public Task<CorpusEntityDetails?> GetEntityAsync(string idOrName, int mentionSamples = 10, CancellationToken cancellationToken = default) =>
        _corpus.GetEntityAsync(idOrName, mentionSamples, cancellationToken);

    public Task<IReadOnlyList<CorpusEventSummary>> ListEventsAsync(CorpusEventFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        _corpus.ListEventsAsync(filter, limit, offset, cancellationToken);

    public Task<CorpusEventSummary?> GetEventAsync(long id, CancellationToken cancellationToken = default) => _corpus.GetEventAsync(id, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CorpusEventIdsAsync(string documentId, CancellationToken cancellationToken = default) =>
        _corpus.CorpusEventIdsAsync(documentId, cancellationToken);

    public Task<CorpusTimeline?> TimelineAsync(string entity, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
        _corpus.TimelineAsync(entity, limit, offset, minConfidence, domain, cancellationToken);

    public Task<IReadOnlyList<CorpusEventSummary>> AgendaAsync(DateOnly from, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
        _corpus.AgendaAsync(from, limit, offset, minConfidence, domain, cancellationToken);

    public Task<IReadOnlyList<CorpusEventSummary>> UndatedPlansAsync(DateOnly asOf, int days, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
        _corpus.UndatedPlansAsync(asOf, days, limit, offset, minConfidence, domain, cancellationToken);

    public Task<IReadOnlyList<ActorPair>> NetworkAsync(int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default) =>
        _corpus.NetworkAsync(limit, offset, minConfidence, domain, cancellationToken);

    public void Dispose() => _store.Dispose();

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
