using System.Text.Json;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using Npgsql;

namespace Dossier.Web.Tests;

/// <summary>
/// The event list and the entity API of the web server answer byte for byte the same on a SQLite store and on a
/// PostgreSQL store of the same reports (ingested in the same order), cache off, for filters by actor id and name, type,
/// status, dates, a page limit and the next page's cursor, and for every actor's entity resource by id and by name. Needs a PostgreSQL server (<c>DOSSIER_TEST_POSTGRES</c>); skips without one.
/// </summary>
public sealed class PostgresEventsApiTests
{
    private static readonly (string Title, string Published, string Text)[] Reports =
    [
        ("Trade talks open in Oslo", "2025-03-03",
            "Foreign Minister Anneli Virtanen of Finland met Canadian Prime Minister Graham Lockwood in Oslo on Monday. "
            + "Virtanen said Finland would lend $40 million to the port project. Lockwood welcomed the offer."),
        ("Ministers sign port accord", "2025-03-05",
            "Anneli Virtanen and Graham Lockwood signed an accord on the port project in Oslo on Wednesday. "
            + "Lockwood said Canada would send engineers next year."),
        ("Lockwood criticises tariffs", "2025-03-07",
            "Graham Lockwood criticised new steel tariffs announced by the Brazilian government on Friday. "
            + "Brazil's trade minister Paulo Antunes rejected the criticism and accused Canada of dumping steel."),
        ("Summit planned for June", "2025-03-09",
            "Virtanen will host a summit with Lockwood and Antunes in Helsinki on June 12, 2025. "
            + "Police arrested two protesters outside the Finnish parliament on Sunday."),
        ("Antunes resigns", "2025-03-11",
            "Paulo Antunes resigned as trade minister on Tuesday after protesters marched in Brasilia. "
            + "The Brazilian president thanked Antunes and promised new talks with Canada."),
    ];

    [SkippableFact]
    public async Task EventsApi_SameReportsOnSqliteAndPostgres_AnswersTheSameJson()
    {
        var server = Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES");
        Skip.If(string.IsNullOrWhiteSpace(server), "DOSSIER_TEST_POSTGRES is not set: no PostgreSQL server to test against.");
        var directory = Directory.CreateTempSubdirectory("dossier-pg-events-tests-").FullName;
        var database = "dossier_test_" + Guid.NewGuid().ToString("N")[..16];
        var admin = PostgresUrl.Parse(server.Trim()).ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var url = new UriBuilder(server.Trim()) { Path = "/" + database }.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        try
        {
            var input = Path.Combine(directory, "reports.jsonl");
            await File.WriteAllLinesAsync(input, Reports.Select(r => JsonSerializer.Serialize(new { title = r.Title, published = r.Published, text = r.Text })));
            var db = Path.Combine(directory, "dossier.db");
            var pipeline = DefaultPipeline.Create();
            await using (var sqlite = SqliteDocumentStore.Open(db))
            {
                Assert.True((await new IngestService(pipeline, sqlite).IngestAsync([input], new ReadOptions())).Failures.IsEmpty);
            }

            await using (var postgres = PostgresDocumentStore.Open(url))
            {
                Assert.True((await new IngestService(pipeline, postgres).IngestAsync([input], new ReadOptions())).Failures.IsEmpty);
            }

            var (sqliteApp, sqliteAddress) = await WebAppFixture.StartAsync(new DossierWebOptions(db) { CacheResponses = false });
            await using var _ = sqliteApp;
            var (postgresApp, postgresAddress) = await WebAppFixture.StartAsync(
                new DossierWebOptions(Path.Combine(directory, "unused.db")) { CacheResponses = false, StoreUrl = url });
            await using var __ = postgresApp;
            using var sqliteClient = new HttpClient { BaseAddress = sqliteAddress };
            using var postgresClient = new HttpClient { BaseAddress = postgresAddress };

            // Filters from the store's own events: every actor by id and by name, each type and status that occurs.
            // Corpus entity ids are each store's own (PostgreSQL's identity sequences skip numbers that SQLite's rowids
            // do not), so an actor's id is looked up in each store, and the answers are compared with every entity id
            // written as its entity's name; everything else must be the same, byte for byte.
            var sqliteIds = await ActorIdsAsync(sqliteClient);
            var postgresIds = await ActorIdsAsync(postgresClient);
            Assert.Equal(sqliteIds.Keys.Order(StringComparer.Ordinal), postgresIds.Keys.Order(StringComparer.Ordinal));
            Assert.NotEmpty(sqliteIds);
            using var all = JsonDocument.Parse(await sqliteClient.GetStringAsync("/api/events?limit=200&domain=all"));
            var events = all.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.True(events.Count >= 3, $"the reports gave {events.Count} corpus events; the comparison needs a few");
            var types = events.Select(e => e.GetProperty("type").GetString()!).Distinct().ToList();
            var statuses = events.Select(e => e.GetProperty("status").GetString()!).Distinct().ToList();
            var paths = new List<string> { "/api/events", "/api/events?domain=all", "/api/events?limit=2", "/api/events?from=2025-03-06&to=2025-12-31",
                "/api/events?actor=999999", "/api/events?actor=nobody%20of%20that%20name" };
            foreach (var name in sqliteIds.Keys)
            {
                paths.Add("/api/events?actor={" + name + "}");
                paths.Add("/api/events?actor=" + Uri.EscapeDataString(name));
            }

            paths.AddRange(types.Select(t => $"/api/events?type={t}&domain=all"));
            paths.AddRange(statuses.Select(s => $"/api/events?status={s}"));
            paths.AddRange(sqliteIds.Keys.Take(2).SelectMany(name => types.Select(t => "/api/events?actor={" + name + "}" + $"&type={t}&status={statuses[0]}")));
            // The confidence filter at each report confidence that occurs (equality at the threshold included), alone and
            // with a type and status (PostgreSQL answers these from corpus_events.confidence and its day indexes).
            foreach (var confidence in events.Select(e => e.GetProperty("confidence").GetDouble()).Distinct().Order().Take(4))
            {
                var value = confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                paths.Add($"/api/events?minConfidence={value}&domain=all");
                paths.Add($"/api/events?type={types[0]}&status={statuses[0]}&minConfidence={value}");
                paths.Add("/api/events?actor={" + sqliteIds.Keys.First() + "}" + $"&minConfidence={value}&domain=all");
            }

            using (var page = JsonDocument.Parse(await sqliteClient.GetStringAsync("/api/events?limit=2&domain=all")))
            {
                if (page.RootElement.GetProperty("nextCursor").GetString() is { } cursor)
                {
                    paths.Add("/api/events?limit=2&domain=all&cursor=" + Uri.EscapeDataString(cursor));
                }
            }

            var nonEmpty = 0;
            foreach (var path in paths)
            {
                var expected = WithNames(await sqliteClient.GetStringAsync(WithId(path, sqliteIds)));
                var actual = WithNames(await postgresClient.GetStringAsync(WithId(path, postgresIds)));
                Assert.True(expected == actual, $"{path}: SQLite answered\n{expected}\nPostgreSQL answered\n{actual}");
                using var json = JsonDocument.Parse(expected);
                nonEmpty += json.RootElement.GetProperty("items").GetArrayLength() > 0 ? 1 : 0;
            }

            Assert.True(nonEmpty > paths.Count / 2, $"only {nonEmpty} of {paths.Count} filters found events");

            // The entity API (details, sample mentions, connections, latest events) for every actor, by id and by name.
            foreach (var name in sqliteIds.Keys)
            {
                foreach (var path in new[] { "/api/entities/{" + name + "}", "/api/entities/" + Uri.EscapeDataString(name) })
                {
                    var expected = WithEntityNames(await sqliteClient.GetStringAsync(WithId(path, sqliteIds)));
                    var actual = WithEntityNames(await postgresClient.GetStringAsync(WithId(path, postgresIds)));
                    Assert.True(expected == actual, $"{path}: SQLite answered\n{expected}\nPostgreSQL answered\n{actual}");
                    Assert.Contains("\"mentions\":[{", expected, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The store's own id of each actor that some event names, by the actor's name.</summary>
    private static async Task<Dictionary<string, long>> ActorIdsAsync(HttpClient client)
    {
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/events?limit=200&domain=all"));
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var actor in Actors(all.RootElement))
        {
            if (actor.GetProperty("entityId").ValueKind == JsonValueKind.Number)
            {
                ids[actor.GetProperty("name").GetString()!] = actor.GetProperty("entityId").GetInt64();
            }
        }

        return ids;
    }

    private static IEnumerable<JsonElement> Actors(JsonElement page) => page.GetProperty("items").EnumerateArray()
        .SelectMany(e => e.GetProperty("source").EnumerateArray().Concat(e.GetProperty("target").EnumerateArray()));

    /// <summary>The path with <c>{NAME}</c> replaced by the store's id of that actor.</summary>
    private static string WithId(string path, Dictionary<string, long> ids)
    {
        var open = path.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return path;
        }

        var close = path.IndexOf('}', open);
        return path[..open] + ids[path[(open + 1)..close]].ToString(System.Globalization.CultureInfo.InvariantCulture) + path[(close + 1)..];
    }

    /// <summary>An entity resource with its id and every actor's entity id replaced by the name beside it (ids are the store's own).</summary>
    private static string WithEntityNames(string body)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        var entity = root["entity"]!.AsObject();
        entity["id"] = "entity named " + entity["name"]!.GetValue<string>();
        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonObject o)
            {
                if (o["entityId"] is not null && o["name"] is { } actorName)
                {
                    o["entityId"] = "entity named " + actorName.GetValue<string>();
                }

                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    Walk(child);
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray a)
            {
                foreach (var child in a)
                {
                    Walk(child);
                }
            }
        }

        Walk(root);
        return root.ToJsonString();
    }

    /// <summary>The answer with each actor's entity id replaced by its name (ids are the store's own).</summary>
    private static string WithNames(string body)
    {
        var page = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        foreach (var item in page["items"]!.AsArray())
        {
            foreach (var actor in item!["source"]!.AsArray().Concat(item["target"]!.AsArray()))
            {
                if (actor!["entityId"] is not null)
                {
                    actor["entityId"] = "entity named " + actor["name"]!.GetValue<string>();
                }
            }
        }

        return page.ToJsonString();
    }
}
