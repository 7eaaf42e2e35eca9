using Dossier.Storage.Postgres;
using Npgsql;

namespace Dossier.Storage.Tests.Postgres;

/// <summary>The write pool's settings: PostgreSQL plans each prepared statement of a writer for its own values, so a
/// long ingest does not keep a plan made while the corpus tables were nearly empty.</summary>
public sealed class PostgresWritePoolTests : IDisposable
{
    private readonly TestStore _db = new(StoreKind.Postgres);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void WriteConnectionString_UrlWithoutOptions_AddsCustomPlans()
    {
        var (connectionString, _) = PostgresUrl.Parse("postgres://u:p@localhost:5432/db");
        var options = new NpgsqlConnectionStringBuilder(PostgresDocumentStore.WriteConnectionString(connectionString)).Options;
        Assert.Equal("-c plan_cache_mode=force_custom_plan", options);
    }

    [Fact]
    public void WriteConnectionString_UrlWithOtherOptions_KeepsThemAndAddsCustomPlans()
    {
        var (connectionString, _) = PostgresUrl.Parse("postgres://u:p@localhost:5432/db?Options=-c%20work_mem%3D8MB");
        var options = new NpgsqlConnectionStringBuilder(PostgresDocumentStore.WriteConnectionString(connectionString)).Options;
        Assert.Equal("-c work_mem=8MB -c plan_cache_mode=force_custom_plan", options);
    }

    [Fact]
    public void WriteConnectionString_UrlWithItsOwnPlanCacheMode_KeepsTheUrls()
    {
        var (connectionString, _) = PostgresUrl.Parse("postgres://u:p@localhost:5432/db?Options=-c%20plan_cache_mode%3Dauto");
        var options = new NpgsqlConnectionStringBuilder(PostgresDocumentStore.WriteConnectionString(connectionString)).Options;
        Assert.Equal("-c plan_cache_mode=auto", options);
    }

    [SkippableFact]
    public async Task WriteConnectionString_RealServer_SessionPlansEveryStatementForItsValues()
    {
        await using (_db.Open())
        {
        }

        var (connectionString, _) = PostgresUrl.Parse(_db.PostgresUrl);
        await using var connection = new NpgsqlConnection(PostgresDocumentStore.WriteConnectionString(connectionString));
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW plan_cache_mode", connection);
        Assert.Equal("force_custom_plan", await show.ExecuteScalarAsync());
    }
}
