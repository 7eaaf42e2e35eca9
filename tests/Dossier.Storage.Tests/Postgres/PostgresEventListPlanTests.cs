using Dossier.Storage.Postgres;
using Npgsql;

namespace Dossier.Storage.Tests.Postgres;

/// <summary>How PostgreSQL finds a page of an event list: the ids in day order from a day index alone (migration 9 put
/// the filtered columns in them), so that the events the filters pass over are not read.</summary>
public sealed class PostgresEventListPlanTests : IDisposable
{
    private readonly TestStore _db = new(StoreKind.Postgres);

    public void Dispose() => _db.Dispose();

    [SkippableTheory]
    [InlineData("ce.type = 'CONSULT' AND ce.status = 'occurred' AND", "corpus_events_by_type_day")]
    [InlineData("ce.type = 'CONSULT' AND", "corpus_events_by_type_day")]
    [InlineData("ce.status = 'planned' AND", "corpus_events_by_status_day")]
    [InlineData("ce.status = 'planned' AND coalesce(ce.date_day, ce.first_published) >= '2021-01-01' AND", "corpus_events_by_status_day")]
    [InlineData("", "corpus_events_by_day")]
    public async Task EventListIds_ConfidenceAndDomainFilters_IndexOnlyScanInDayOrder(string where, string index)
    {
        await using (_db.Open())
        {
        }

        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(_db.PostgresUrl).ConnectionString);
        await connection.OpenAsync();
        // 6,000 synthetic corpus events (four types, three statuses, confidences 0 to 0.9, every other one of the sport
        // domain), so that the planner weighs the paths as on a real store; the page's filters pass about one in eight.
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO corpus_events (type, cameo, quad_class, goldstein, status, status_class, source_key, target_key,
                                       date_day, first_published, confidence, domain)
            SELECT (ARRAY['CONSULT', 'ACCUSE', 'AID', 'AGREE'])[1 + i % 4], '040', 1, 1.0,
                   (ARRAY['occurred', 'planned', 'possible'])[1 + i % 3], 'c', 's' || i, 't' || i,
                   CASE WHEN i % 7 > 0 THEN to_char(date '2020-01-01' + i % 1500, 'YYYY-MM-DD') END,
                   to_char(date '2020-01-01' + i % 1600, 'YYYY-MM-DD'), (i % 10) / 10.0, CASE WHEN i % 2 = 0 THEN 'sport' END
            FROM generate_series(1, 6000) AS i
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE corpus_events", connection))
        {
            await vacuum.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand($"""
            EXPLAIN SELECT ce.corpus_event_id FROM corpus_events AS ce
            WHERE {where} ce.confidence >= 0.3 AND ce.domain IS NULL
            ORDER BY coalesce(ce.date_day, ce.first_published) DESC NULLS LAST, ce.corpus_event_id DESC
            LIMIT 51
            """, connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, step => step.Contains($"Index Only Scan Backward using {index} ", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.TrimStart(' ', '-', '>').StartsWith("Sort", StringComparison.Ordinal));
    }
}
