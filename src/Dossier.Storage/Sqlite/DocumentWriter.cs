using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The prepared INSERT commands of <see cref="SqliteDocumentStore.AddAsync"/>, compiled once per connection and
/// rebound for every row. Not thread-safe: used under the store's lock, inside the caller's transaction.
/// </summary>
internal sealed class DocumentWriter : IDisposable
{
    private static readonly JsonSerializerOptions AliasOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SqliteCommand _document;
    private readonly SqliteCommand _entity;
    private readonly SqliteCommand _role;
    private readonly SqliteCommand _mention;
    private readonly SqliteCommand _time;
    private readonly SqliteCommand _value;
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _actor;
    private readonly SqliteCommand _attribute;
    private readonly SqliteCommand _exists;
    private readonly SqliteCommand[] _all;

    public DocumentWriter(SqliteConnection connection)
    {
        _document = Create(connection, """
            INSERT INTO documents (id, title, source, url, published, language, is_english, text,
                                   char_count, sentence_count, token_count, ingested_at, layers, annotations, topic)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (id) DO NOTHING
            RETURNING doc_key
            """, 15);
        _entity = Create(connection, """
            INSERT INTO entities (doc_key, entity_id, ordinal, name, type, country, sector, code, aliases, place, latitude, longitude)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """, 12);
        _role = Create(connection, """
            INSERT INTO entity_roles (doc_key, entity_id, ordinal, title, organization, country, status)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, 7);
        _mention = Create(connection, """
            INSERT INTO mentions (doc_key, entity_id, ordinal, start_char, end_char, text, sentence, kind)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, 8);
        _time = Create(connection, """
            INSERT INTO times (doc_key, ordinal, text, type, value, start_char, end_char, sentence)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, 8);
        _value = Create(connection, """
            INSERT INTO value_mentions (doc_key, ordinal, text, type, amount, amount_text, unit, start_char, end_char, sentence)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, 10);
        _event = Create(connection, """
            INSERT INTO events (doc_key, event_id, ordinal, type, cameo, quad_class, goldstein, status, mode,
                                trigger_text, trigger_start, trigger_end, sentence,
                                location_text, location_entity, location_country, date_text, date_value,
                                evidence, confidence, domain,
                                location_place, location_country_code, location_latitude, location_longitude, location_scope,
                                document_id, document_title, document_published, document_source, document_url)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                    $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)
            """, 31);
        _actor = Create(connection, """
            INSERT INTO event_actors (doc_key, event_id, side, ordinal, text, entity, country, sector, code)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, 9);
        _attribute = Create(connection, """
            INSERT INTO event_attributes (doc_key, event_id, name, value) VALUES ($1, $2, $3, $4)
            """, 4);
        _exists = Create(connection, "SELECT 1 FROM documents WHERE id = $1", 1);
        _all = [_exists, _document, _entity, _role, _mention, _time, _value, _event, _actor, _attribute];
        foreach (var command in _all)
        {
            command.Prepare();
        }
    }

    /// <summary>Whether a document with exactly this id is stored.</summary>
    public bool Exists(string id) => Run(_exists, scalar: true, id) is not null;

    /// <summary>Binds every command to the transaction of the document being written.</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Inserts the document row (the full-text index follows by trigger).</summary>
    /// <returns>The new row's key, or null when a document with the same id is already stored.</returns>
    public long? InsertDocument(Document d, byte[]? layers, string? annotations, string ingestedAt)
    {
        var result = Run(_document, scalar: true,
            d.Id,
            d.Metadata.Title,
            d.Metadata.Source,
            d.Metadata.Url,
            d.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Language,
            d.IsEnglish ? 1 : 0,
            d.Text,
            d.Text.Length,
            d.Sentences.IsDefault ? 0 : d.Sentences.Length,
            d.Tokens.IsDefault ? 0 : d.Tokens.Length,
            ingestedAt,
            layers,
            annotations,
            d.Topic);
        return result is null ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    /// <summary>Fills the layer tables (entities, roles, mentions, times, values, events, actors, attributes) with
    /// one prepared INSERT per row.</summary>
    /// <param name="afterStage">Called after each group of tables ("entities", "times", "values", "events").</param>
    public void InsertAnnotations(long key, Document d, Action<string> afterStage)
    {
        var ordinal = 0;
        foreach (var e in OrEmpty(d.Entities))
        {
            Run(_entity, scalar: false, key, e.Id, ordinal++, e.Name, e.Type, e.Country, e.Sector, e.Code,
                e.Aliases.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(e.Aliases.ToArray(), AliasOptions),
                PlaceJson.Serialize(e.Place), e.Place?.Latitude, e.Place?.Longitude);
            var r = 0;
            foreach (var role in OrEmpty(e.Roles))
            {
                Run(_role, scalar: false, key, e.Id, r++, role.Title, role.Organization, role.Country, role.Status);
            }

            var m = 0;
            foreach (var mention in OrEmpty(e.Mentions))
            {
                Run(_mention, scalar: false, key, e.Id, m++, mention.Start, mention.End, mention.Text, mention.Sentence, mention.Kind ?? MentionKinds.Name);
            }
        }

        afterStage("entities");
        ordinal = 0;
        foreach (var t in OrEmpty(d.Times))
        {
            Run(_time, scalar: false, key, ordinal++, t.Text, t.Type, t.Value, t.Start, t.End, t.Sentence);
        }

        afterStage("times");
        ordinal = 0;
        foreach (var v in OrEmpty(d.Values))
        {
            Run(_value, scalar: false, key, ordinal++, v.Text, v.Type,
                v.Amount is { } amount ? (double)amount : null,
                v.Amount?.ToString(CultureInfo.InvariantCulture),
                v.Unit, v.Start, v.End, v.Sentence);
        }

        afterStage("values");
        ordinal = 0;
        var published = d.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var e in OrEmpty(d.Events))
        {
            Run(_event, scalar: false, key, e.Id, ordinal++, e.Type, e.Cameo, e.QuadClass, e.Goldstein, e.Status, e.Mode,
                e.Trigger.Text, e.Trigger.Start, e.Trigger.End, e.Sentence,
                e.Location?.Text, e.Location?.Entity, e.Location?.Country,
                e.Date?.Text, e.Date?.Value,
                e.Evidence, e.Confidence, e.Domain,
                PlaceJson.Serialize(e.Location?.Place), e.Location?.Place?.CountryCode, e.Location?.Place?.Latitude, e.Location?.Place?.Longitude,
                e.Location?.Place is null ? null : e.Location.Scope,
                // The document's columns an event list shows with each report (migration 12).
                d.Id, d.Metadata.Title, published, d.Metadata.Source, d.Metadata.Url);
            InsertActors(key, e.Id, "source", e.Source);
            InsertActors(key, e.Id, "target", e.Target);
            foreach (var (name, value) in e.Attributes ?? ImmutableDictionary<string, string>.Empty)
            {
                Run(_attribute, scalar: false, key, e.Id, name, value);
            }
        }

        afterStage("events");
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private void InsertActors(long key, string eventId, string side, ImmutableArray<EventActor> actors)
    {
        var ordinal = 0;
        foreach (var a in OrEmpty(actors))
        {
            Run(_actor, scalar: false, key, eventId, side, ordinal++, a.Text, a.Entity, a.Country, a.Sector, a.Code);
        }
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private static SqliteCommand Create(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        }

        return command;
    }

    private static object? Run(SqliteCommand command, bool scalar, params ReadOnlySpan<object?> values)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        if (scalar)
        {
            return command.ExecuteScalar();
        }

        command.ExecuteNonQuery();
        return null;
    }
}
