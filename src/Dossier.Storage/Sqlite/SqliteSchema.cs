using Dossier.Core.Labels;

namespace Dossier.Storage.Sqlite;

/// <summary>One step of the SQLite schema: applied once, in a transaction, and recorded in <c>PRAGMA user_version</c>.</summary>
/// <param name="Version">The <c>user_version</c> the database has after this step; steps are numbered 1, 2, 3 … without gaps.</param>
/// <param name="Description">What the step does, for logs and error messages.</param>
/// <param name="Sql">The statements of the step. They run inside the step's transaction, so they must not change
/// the journal mode or run <c>VACUUM</c>.</param>
public sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>
/// The versioned schema of the SQLite store. A database is at version <c>PRAGMA user_version</c>;
/// opening it applies every <see cref="Migrations"/> entry above that version, each in its own transaction,
/// and refuses a database whose version is newer than <see cref="LatestVersion"/>.
/// </summary>
/// <remarks>
/// Layout of version 1:
/// <list type="bullet">
/// <item><c>documents</c>: one row per document. <c>doc_key</c> is an INTEGER PRIMARY KEY (a stable rowid that
/// the full-text index and the layer tables refer to, kept by VACUUM); <c>id</c> is the 32-hex document id, unique.
/// <c>layers</c> holds the sentences and tokens (with the syntax fields) in a compact binary form;
/// <c>annotations</c> holds entities, times, values and events as JSON (camelCase, like <c>dossier/1</c>).
/// Those two columns are the source of truth that <c>GetAsync</c> reads.</item>
/// <item><c>documents_fts</c>: FTS5 over title and text, external content (<c>documents</c>, rowid = <c>doc_key</c>),
/// kept in step by triggers; Porter stemming over unicode61 without diacritics.</item>
/// <item><c>entities</c>, <c>entity_roles</c>, <c>mentions</c>, <c>times</c>, <c>value_mentions</c>, <c>events</c>,
/// <c>event_actors</c>, <c>event_attributes</c>: the same layers flattened for SQL queries; offsets are
/// <c>start_char</c>/<c>end_char</c> (half-open UTF-16 offsets). Rows go away with their document (ON DELETE CASCADE).</item>
/// </list>
/// Version 2 adds the corpus, one entity per real-world actor and one event per real-world event across documents
/// (filled by <c>CorpusWriter</c> in the transaction of each added document; documents stored before version 2 are
/// linked when the store is next opened, those with <c>documents.corpus_linked = 0</c>):
/// <list type="bullet">
/// <item><c>corpus_entities</c> (canonical name, type, country, latest sector and code, mention and document counts,
/// first and last publication date), <c>corpus_entity_aliases</c> (every normalised name, alias and surname, indexed
/// by <c>norm</c> for lookups) and <c>corpus_entity_roles</c> (roles with first/last seen and document count);
/// <c>entities.corpus_id</c> links each document entity to its corpus entity.</item>
/// <item><c>corpus_events</c> (type, mode, CAMEO, quad class, Goldstein, most advanced status, date, location, actor
/// keys, counts of mentions, documents and sources), <c>corpus_event_actors</c>, <c>corpus_event_sources</c>;
/// <c>events.corpus_event_id</c> links each document event (its evidence) to its corpus event.</item>
/// </list>
/// Version 3 adds indexes on corpus events by type and by status, each in day order, and by date, so that the event
/// filters and the agenda read a page from an index instead of sorting every event.
/// Version 4 adds <c>store_version</c>, one row whose number triggers on <c>documents</c> move on in the transaction
/// of every insert, update or delete (a document's corpus links included), so that readers in any process can tell
/// whether what they cached is still current.
/// Version 5 adds <c>mentions.kind</c> (<c>name</c>, <c>description</c> or <c>pronoun</c>, as in <c>dossier/1</c> 1.1);
/// mentions stored before it are <c>name</c>, as their annotations JSON, which has no kind, reads back; analysing such a
/// document again gives the real kinds.
/// Version 6 adds the document's topic (<c>documents.topic</c>, indexed) and the domain of events
/// (<c>events.domain</c>: the topic of a sport or entertainment document; <c>corpus_events.domain</c>: set when every
/// report of the corpus event has a domain, the least in ordinal order, so that the default views leave it out).
/// Version 8 (keep watch, <c>dossier watch</c> and <c>dossier follow</c>) adds <c>watch_sources</c> (one row per polled
/// URL: interval, ETag and Last-Modified for conditional GETs, next poll, consecutive failures and the last error),
/// <c>watch_items</c> (every feed item or page version ever discovered, keyed by its article URL, so nothing is fetched
/// twice: <c>pending</c> until stored, then <c>done</c> with its document id, or <c>failed</c> after its last attempt),
/// <c>follows</c> (saved queries with a cursor over <c>documents.doc_key</c> and the last alert seen),
/// <c>follow_alerts</c> (one per follow and matching document event: a new event, a new report, or a status change) and
/// <c>follow_outbox</c> (one webhook delivery per alert, retried with back-off until delivered).
/// Version 9 adds <c>corpus_event_dates</c> and <c>events_changes_of_plan</c> (the corpus merge's lookups by a date that
/// is not a day and of changes of plan). Version 10 extends <c>corpus_events_by_key</c> with <c>last_published</c>, so
/// that an undated mention finds the corpus events of its key reported in its window with one index range.
/// Version 11 adds to <c>corpus_entity_aliases</c> its corpus entity's <c>type</c> and <c>bare</c> (1 for a person
/// whose canonical name is one word), kept by the corpus writer and indexed after <c>norm</c>, so that the corpus merge
/// finds the entities a key may join without reading every entity that carries the key; and it marks in
/// <c>corpus_event_dates</c> (by an empty date value) the corpus events that hold a report of a change of plan.
/// </remarks>
public static class SqliteSchema
{
    /// <summary>Written to <c>PRAGMA application_id</c> ("DOSS") so that a Dossier store can be told from other SQLite files.</summary>
    public const int ApplicationId = 0x444F5353;

    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "documents, layer tables and full-text index", $"""
            PRAGMA application_id = {ApplicationId};

            CREATE TABLE documents (
                doc_key        INTEGER PRIMARY KEY,
                id             TEXT    NOT NULL UNIQUE,
                title          TEXT,
                source         TEXT    NOT NULL,
                url            TEXT,
                published      TEXT,
                language       TEXT,
                is_english     INTEGER NOT NULL CHECK (is_english IN (0, 1)),
                text           TEXT    NOT NULL,
                char_count     INTEGER NOT NULL,
                sentence_count INTEGER NOT NULL,
                token_count    INTEGER NOT NULL,
                ingested_at    TEXT    NOT NULL,
                layers         BLOB,
                annotations    TEXT
            );
            CREATE INDEX documents_by_published ON documents (published DESC, id);

            CREATE VIRTUAL TABLE documents_fts USING fts5(
                title, text,
                content = 'documents', content_rowid = 'doc_key',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.doc_key, new.title, new.text);
            END;
            CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.doc_key, old.title, old.text);
            END;
            CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, text ON documents BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.doc_key, old.title, old.text);
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.doc_key, new.title, new.text);
            END;

            CREATE TABLE entities (
                doc_key   INTEGER NOT NULL REFERENCES documents (doc_key) ON DELETE CASCADE,
                entity_id TEXT    NOT NULL,
                ordinal   INTEGER NOT NULL,
                name      TEXT    NOT NULL,
                type      TEXT    NOT NULL,
                country   TEXT,
                sector    TEXT,
                code      TEXT,
                aliases   TEXT,
                PRIMARY KEY (doc_key, entity_id)
            ) WITHOUT ROWID;
            CREATE INDEX entities_by_name ON entities (name);
            CREATE INDEX entities_by_type ON entities (type, country);

            CREATE TABLE entity_roles (
                doc_key      INTEGER NOT NULL,
                entity_id    TEXT    NOT NULL,
                ordinal      INTEGER NOT NULL,
                title        TEXT    NOT NULL,
                organization TEXT,
                country      TEXT,
                status       TEXT    NOT NULL,
                PRIMARY KEY (doc_key, entity_id, ordinal),
                FOREIGN KEY (doc_key, entity_id) REFERENCES entities (doc_key, entity_id) ON DELETE CASCADE
            ) WITHOUT ROWID;

            CREATE TABLE mentions (
                doc_key    INTEGER NOT NULL,
                entity_id  TEXT    NOT NULL,
                ordinal    INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char   INTEGER NOT NULL,
                text       TEXT    NOT NULL,
                sentence   INTEGER NOT NULL,
                PRIMARY KEY (doc_key, entity_id, ordinal),
                FOREIGN KEY (doc_key, entity_id) REFERENCES entities (doc_key, entity_id) ON DELETE CASCADE
            ) WITHOUT ROWID;

            CREATE TABLE times (
                doc_key    INTEGER NOT NULL REFERENCES documents (doc_key) ON DELETE CASCADE,
                ordinal    INTEGER NOT NULL,
                text       TEXT    NOT NULL,
                type       TEXT    NOT NULL,
                value      TEXT,
                start_char INTEGER NOT NULL,
                end_char   INTEGER NOT NULL,
                sentence   INTEGER NOT NULL,
                PRIMARY KEY (doc_key, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX times_by_value ON times (value);

            CREATE TABLE value_mentions (
                doc_key     INTEGER NOT NULL REFERENCES documents (doc_key) ON DELETE CASCADE,
                ordinal     INTEGER NOT NULL,
                text        TEXT    NOT NULL,
                type        TEXT    NOT NULL,
                amount      REAL,
                amount_text TEXT,
                unit        TEXT,
                start_char  INTEGER NOT NULL,
                end_char    INTEGER NOT NULL,
                sentence    INTEGER NOT NULL,
                PRIMARY KEY (doc_key, ordinal)
            ) WITHOUT ROWID;

            CREATE TABLE events (
                doc_key          INTEGER NOT NULL REFERENCES documents (doc_key) ON DELETE CASCADE,
                event_id         TEXT    NOT NULL,
                ordinal          INTEGER NOT NULL,
                type             TEXT    NOT NULL,
                cameo            TEXT    NOT NULL,
                quad_class       INTEGER NOT NULL,
                goldstein        REAL    NOT NULL,
                status           TEXT    NOT NULL,
                mode             TEXT,
                trigger_text     TEXT    NOT NULL,
                trigger_start    INTEGER NOT NULL,
                trigger_end      INTEGER NOT NULL,
                sentence         INTEGER NOT NULL,
                location_text    TEXT,
                location_entity  TEXT,
                location_country TEXT,
                date_text        TEXT,
                date_value       TEXT,
                evidence         TEXT    NOT NULL,
                confidence       REAL    NOT NULL,
                PRIMARY KEY (doc_key, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX events_by_type ON events (type);
            CREATE INDEX events_by_cameo ON events (cameo);
            CREATE INDEX events_by_date ON events (date_value);

            CREATE TABLE event_actors (
                doc_key  INTEGER NOT NULL,
                event_id TEXT    NOT NULL,
                side     TEXT    NOT NULL CHECK (side IN ('source', 'target')),
                ordinal  INTEGER NOT NULL,
                text     TEXT    NOT NULL,
                entity   TEXT,
                country  TEXT,
                sector   TEXT,
                code     TEXT,
                PRIMARY KEY (doc_key, event_id, side, ordinal),
                FOREIGN KEY (doc_key, event_id) REFERENCES events (doc_key, event_id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE INDEX event_actors_by_code ON event_actors (code);

            CREATE TABLE event_attributes (
                doc_key  INTEGER NOT NULL,
                event_id TEXT    NOT NULL,
                name     TEXT    NOT NULL,
                value    TEXT    NOT NULL,
                PRIMARY KEY (doc_key, event_id, name),
                FOREIGN KEY (doc_key, event_id) REFERENCES events (doc_key, event_id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            """),
        new(2, "corpus entities and events across documents", """
            CREATE TABLE corpus_entities (
                corpus_id      INTEGER PRIMARY KEY,
                name           TEXT    NOT NULL,
                type           TEXT    NOT NULL,
                country        TEXT,
                sector         TEXT,
                code           TEXT,
                code_published TEXT,
                mention_count  INTEGER NOT NULL DEFAULT 0,
                document_count INTEGER NOT NULL DEFAULT 0,
                first_seen     TEXT,
                last_seen      TEXT
            );
            CREATE INDEX corpus_entities_by_type ON corpus_entities (type, mention_count DESC);
            CREATE INDEX corpus_entities_by_mentions ON corpus_entities (mention_count DESC, corpus_id);

            CREATE TABLE corpus_entity_aliases (
                corpus_id INTEGER NOT NULL REFERENCES corpus_entities (corpus_id) ON DELETE CASCADE,
                norm      TEXT    NOT NULL,
                kind      TEXT    NOT NULL CHECK (kind IN ('name', 'alias', 'surname')),
                alias     TEXT    NOT NULL,
                PRIMARY KEY (corpus_id, norm, kind)
            ) WITHOUT ROWID;
            CREATE INDEX corpus_entity_aliases_by_norm ON corpus_entity_aliases (norm);

            CREATE TABLE corpus_entity_roles (
                corpus_id      INTEGER NOT NULL REFERENCES corpus_entities (corpus_id) ON DELETE CASCADE,
                role_key       TEXT    NOT NULL,
                title          TEXT    NOT NULL,
                organization   TEXT,
                country        TEXT,
                status         TEXT    NOT NULL,
                first_seen     TEXT,
                last_seen      TEXT,
                document_count INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (corpus_id, role_key)
            ) WITHOUT ROWID;

            ALTER TABLE entities ADD COLUMN corpus_id INTEGER REFERENCES corpus_entities (corpus_id);
            CREATE INDEX entities_by_corpus ON entities (corpus_id);

            CREATE TABLE corpus_events (
                corpus_event_id INTEGER PRIMARY KEY,
                type            TEXT    NOT NULL,
                mode            TEXT,
                cameo           TEXT    NOT NULL,
                quad_class      INTEGER NOT NULL,
                goldstein       REAL    NOT NULL,
                status          TEXT    NOT NULL,
                status_class    TEXT    NOT NULL,
                date_value      TEXT,
                date_day        TEXT,
                location_text   TEXT,
                source_key      TEXT    NOT NULL,
                target_key      TEXT    NOT NULL,
                first_published TEXT,
                last_published  TEXT,
                mention_count   INTEGER NOT NULL DEFAULT 0,
                document_count  INTEGER NOT NULL DEFAULT 0,
                source_count    INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX corpus_events_by_key ON corpus_events (type, source_key, target_key, status_class);
            CREATE INDEX corpus_events_by_day ON corpus_events (coalesce(date_day, first_published), corpus_event_id);

            CREATE TABLE corpus_event_actors (
                corpus_event_id INTEGER NOT NULL REFERENCES corpus_events (corpus_event_id) ON DELETE CASCADE,
                side            TEXT    NOT NULL CHECK (side IN ('source', 'target')),
                ordinal         INTEGER NOT NULL,
                corpus_id       INTEGER REFERENCES corpus_entities (corpus_id),
                code            TEXT,
                text            TEXT    NOT NULL,
                PRIMARY KEY (corpus_event_id, side, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX corpus_event_actors_by_entity ON corpus_event_actors (corpus_id, side);

            CREATE TABLE corpus_event_sources (
                corpus_event_id INTEGER NOT NULL REFERENCES corpus_events (corpus_event_id) ON DELETE CASCADE,
                source          TEXT    NOT NULL,
                PRIMARY KEY (corpus_event_id, source)
            ) WITHOUT ROWID;

            ALTER TABLE events ADD COLUMN corpus_event_id INTEGER REFERENCES corpus_events (corpus_event_id);
            CREATE INDEX events_by_corpus ON events (corpus_event_id);

            ALTER TABLE documents ADD COLUMN corpus_linked INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX documents_to_link ON documents (doc_key) WHERE corpus_linked = 0;
            """),
        new(3, "indexes that serve the event filters in day order", """
            CREATE INDEX corpus_events_by_type_day ON corpus_events (type, coalesce(date_day, first_published), corpus_event_id);
            CREATE INDEX corpus_events_by_status_day ON corpus_events (status, coalesce(date_day, first_published), corpus_event_id);
            CREATE INDEX corpus_events_by_date_day ON corpus_events (date_day);
            """),
        new(4, "a version number that every change of the documents table moves on", """
            CREATE TABLE store_version (
                id      INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            );
            INSERT INTO store_version (id, version) VALUES (1, 0);
            CREATE TRIGGER store_version_after_insert AFTER INSERT ON documents BEGIN
                UPDATE store_version SET version = version + 1 WHERE id = 1;
            END;
            CREATE TRIGGER store_version_after_update AFTER UPDATE ON documents BEGIN
                UPDATE store_version SET version = version + 1 WHERE id = 1;
            END;
            CREATE TRIGGER store_version_after_delete AFTER DELETE ON documents BEGIN
                UPDATE store_version SET version = version + 1 WHERE id = 1;
            END;
            """),
        new(5, "the kind of each mention: name, description or pronoun", """
            ALTER TABLE mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';
            """),
        new(6, "document topics and event domains", """
            ALTER TABLE documents ADD COLUMN topic TEXT;
            CREATE INDEX documents_by_topic ON documents (topic);
            ALTER TABLE events ADD COLUMN domain TEXT;
            ALTER TABLE corpus_events ADD COLUMN domain TEXT;
            CREATE INDEX corpus_events_by_domain ON corpus_events (domain) WHERE domain IS NOT NULL;
            """),
        new(7, "places: the gazetteer record of place entities and of event locations", """
            ALTER TABLE entities ADD COLUMN place TEXT;
            ALTER TABLE entities ADD COLUMN latitude REAL;
            ALTER TABLE entities ADD COLUMN longitude REAL;
            ALTER TABLE events ADD COLUMN location_place TEXT;
            ALTER TABLE events ADD COLUMN location_country_code TEXT;
            ALTER TABLE events ADD COLUMN location_latitude REAL;
            ALTER TABLE events ADD COLUMN location_longitude REAL;
            ALTER TABLE events ADD COLUMN location_scope TEXT;
            ALTER TABLE corpus_events ADD COLUMN location_place TEXT;
            ALTER TABLE corpus_events ADD COLUMN location_country_code TEXT;
            ALTER TABLE corpus_events ADD COLUMN location_latitude REAL;
            ALTER TABLE corpus_events ADD COLUMN location_longitude REAL;
            ALTER TABLE corpus_events ADD COLUMN location_scope TEXT;
            CREATE INDEX corpus_events_by_place ON corpus_events (location_country_code) WHERE location_latitude IS NOT NULL;
            """),
        new(8, "keep watch: polled sources, seen items, follows, their alerts and the webhook outbox", """
            CREATE TABLE watch_sources (
                url            TEXT    PRIMARY KEY,
                interval_s     INTEGER NOT NULL,
                etag           TEXT,
                last_modified  TEXT,
                next_poll_ms   INTEGER NOT NULL DEFAULT 0,
                failures       INTEGER NOT NULL DEFAULT 0,
                last_error     TEXT,
                last_status    INTEGER,
                last_polled_ms INTEGER,
                polls          INTEGER NOT NULL DEFAULT 0,
                not_modified   INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;

            CREATE TABLE watch_items (
                item_key        TEXT    PRIMARY KEY,
                source_url      TEXT    NOT NULL,
                url             TEXT,
                title           TEXT,
                state           TEXT    NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_ms INTEGER NOT NULL DEFAULT 0,
                last_error      TEXT,
                document_id     TEXT,
                discovered_ms   INTEGER NOT NULL,
                done_ms         INTEGER
            ) WITHOUT ROWID;
            CREATE INDEX watch_items_pending ON watch_items (next_attempt_ms) WHERE state = 'pending';

            CREATE TABLE follows (
                follow_id      INTEGER PRIMARY KEY,
                name           TEXT    NOT NULL,
                actor          TEXT,
                event_type     TEXT,
                status         TEXT,
                country        TEXT,
                min_confidence REAL    NOT NULL DEFAULT 0,
                webhook_url    TEXT,
                webhook_secret TEXT,
                created_ms     INTEGER NOT NULL,
                doc_cursor     INTEGER NOT NULL DEFAULT 0,
                seen_alert     INTEGER NOT NULL DEFAULT 0
            );

            CREATE TABLE follow_alerts (
                alert_id        INTEGER PRIMARY KEY,
                follow_id       INTEGER NOT NULL REFERENCES follows (follow_id) ON DELETE CASCADE,
                corpus_event_id INTEGER NOT NULL,
                document_id     TEXT    NOT NULL,
                event_id        TEXT    NOT NULL,
                kind            TEXT    NOT NULL CHECK (kind IN ('new', 'report', 'status')),
                status          TEXT    NOT NULL,
                previous_status TEXT,
                type            TEXT    NOT NULL,
                title           TEXT,
                url             TEXT,
                evidence        TEXT    NOT NULL,
                published       TEXT,
                created_ms      INTEGER NOT NULL,
                UNIQUE (follow_id, document_id, corpus_event_id)
            );
            CREATE INDEX follow_alerts_by_follow ON follow_alerts (follow_id, alert_id);

            CREATE TABLE follow_outbox (
                alert_id        INTEGER PRIMARY KEY REFERENCES follow_alerts (alert_id) ON DELETE CASCADE,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_ms INTEGER NOT NULL DEFAULT 0,
                delivered_ms    INTEGER,
                last_error      TEXT
            );
            CREATE INDEX follow_outbox_due ON follow_outbox (next_attempt_ms) WHERE delivered_ms IS NULL;
            """),
        // Every corpus event that holds a mention with a date value that is not a day (a week, a month, a year), by its
        // key and that value, so that a new mention with such a date finds the corpus events it joins without reading
        // its key's group (CorpusWriter.AgreeableMembers). Changes of plan are left out (they agree by publication).
        // Filled here with every dated mention but those surely dated to a day (a superset is harmless: only values that
        // are not days are looked up); the corpus writer adds exactly those that are not days. And the few reports of a
        // change of plan by corpus event, which every new mention looks up in its key's corpus events (instead of reading
        // every report of them).
        new(9, "the corpus events of a key by a date value that is not a day; reports of a change of plan by corpus event", $"""
            CREATE TABLE corpus_event_dates (
                type            TEXT    NOT NULL,
                source_key      TEXT    NOT NULL,
                target_key      TEXT    NOT NULL,
                status_class    TEXT    NOT NULL,
                date_value      TEXT    NOT NULL,
                corpus_event_id INTEGER NOT NULL REFERENCES corpus_events (corpus_event_id) ON DELETE CASCADE,
                PRIMARY KEY (type, source_key, target_key, status_class, date_value, corpus_event_id)
            ) WITHOUT ROWID;
            CREATE INDEX corpus_event_dates_by_event ON corpus_event_dates (corpus_event_id);
            INSERT OR IGNORE INTO corpus_event_dates (type, source_key, target_key, status_class, date_value, corpus_event_id)
            SELECT c.type, c.source_key, c.target_key, c.status_class, e.date_value, c.corpus_event_id
            FROM events AS e JOIN corpus_events AS c ON c.corpus_event_id = e.corpus_event_id
            WHERE e.date_value IS NOT NULL
              AND e.status NOT IN ('{EventStatuses.Postponed}', '{EventStatuses.Cancelled}')
              AND NOT (e.date_value GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'
                       AND (length(e.date_value) = 10 OR substr(e.date_value, 11, 1) = 'T')
                       AND date(substr(e.date_value, 1, 10)) = substr(e.date_value, 1, 10));
            CREATE INDEX events_changes_of_plan ON events (corpus_event_id) WHERE status IN ('{EventStatuses.Postponed}', '{EventStatuses.Cancelled}');
            """),
        // The corpus events of a key by the last day they were reported: an undated new mention agrees only with undated
        // mentions published a few days from it, so it reads the key's corpus events still reported in that window
        // (CorpusWriter.AgreeableMembers) instead of every report of every key published in it.
        new(10, "the corpus events of a key by their last publication date", """
            DROP INDEX corpus_events_by_key;
            CREATE INDEX corpus_events_by_key ON corpus_events (type, source_key, target_key, status_class, last_published);
            """),
        // Each name, alias and surname row carries its corpus entity's type and whether that entity is a bare person (its
        // canonical name one word: EntityMatcher.IsBarePerson), so that the corpus merge's lookup by key reads only the rows
        // of the entities it may join (CorpusWriter.FindEntities): a bare surname's key ("clark") otherwise matches the
        // one-word alias rows of every full-name person of that surname, each read and dropped. Filled here from the rows
        // themselves: a corpus entity's canonical name has as many words as the longest of its 'name' rows (each name it
        // took is one of them), so a person is bare when none of its 'name' rows has two words.
        // And the corpus events of a key that hold a report of a change of plan, marked in corpus_event_dates by an empty
        // date value (CorpusWriter.ChangeOfPlanMark), which every new mention of the key reads: found through the partial
        // index of such reports, the planner read every change of plan of the store, a number that grows with the corpus.
        new(11, "each corpus entity name row carries the entity's type and bareness, indexed with the name; the corpus events of a key that hold a change of plan", $"""
            ALTER TABLE corpus_entity_aliases ADD COLUMN type TEXT NOT NULL DEFAULT '';
            ALTER TABLE corpus_entity_aliases ADD COLUMN bare INTEGER NOT NULL DEFAULT 0;
            UPDATE corpus_entity_aliases SET type = (SELECT c.type FROM corpus_entities AS c WHERE c.corpus_id = corpus_entity_aliases.corpus_id);
            UPDATE corpus_entity_aliases SET bare = 1
            WHERE type = '{EntityTypes.Person}'
              AND corpus_id NOT IN (SELECT corpus_id FROM corpus_entity_aliases WHERE kind = 'name' AND instr(norm, ' ') > 0);
            DROP INDEX corpus_entity_aliases_by_norm;
            CREATE INDEX corpus_entity_aliases_by_norm ON corpus_entity_aliases (norm, type, bare);
            INSERT OR IGNORE INTO corpus_event_dates (type, source_key, target_key, status_class, date_value, corpus_event_id)
            SELECT c.type, c.source_key, c.target_key, c.status_class, '', c.corpus_event_id
            FROM events AS e JOIN corpus_events AS c ON c.corpus_event_id = e.corpus_event_id
            WHERE e.status IN ('{EventStatuses.Postponed}', '{EventStatuses.Cancelled}');
            """),
        // What a page of events shows of its actors' corpus entities and of its reports' documents, carried on the rows
        // the page reads already, so that the list reads neither corpus_entities nor documents (PostgreSQL's migration 11
        // is the twin, where the saving was measured; branch pg9). A change of an entity's name or code, or of a
        // document's id, title, source, address or date, is copied by a trigger; CorpusWriter fills the actors' copies
        // when it writes or repoints an actor row, DocumentWriter the reports' when it writes an event.
        new(12, "event actors carry their corpus entity's name and code, reports their document's id, title, date, source and address", """
            ALTER TABLE corpus_event_actors ADD COLUMN entity_name TEXT;
            ALTER TABLE corpus_event_actors ADD COLUMN entity_code TEXT;
            UPDATE corpus_event_actors SET (entity_name, entity_code) =
                (SELECT c.name, c.code FROM corpus_entities AS c WHERE c.corpus_id = corpus_event_actors.corpus_id)
            WHERE corpus_id IS NOT NULL;
            CREATE TRIGGER corpus_entities_copy AFTER UPDATE OF name, code ON corpus_entities
            WHEN OLD.name IS NOT NEW.name OR OLD.code IS NOT NEW.code
            BEGIN
                UPDATE corpus_event_actors SET entity_name = NEW.name, entity_code = NEW.code WHERE corpus_id = NEW.corpus_id;
            END;

            ALTER TABLE events ADD COLUMN document_id TEXT;
            ALTER TABLE events ADD COLUMN document_title TEXT;
            ALTER TABLE events ADD COLUMN document_published TEXT;
            ALTER TABLE events ADD COLUMN document_source TEXT;
            ALTER TABLE events ADD COLUMN document_url TEXT;
            UPDATE events SET (document_id, document_title, document_published, document_source, document_url) =
                (SELECT d.id, d.title, d.published, d.source, d.url FROM documents AS d WHERE d.doc_key = events.doc_key);
            CREATE TRIGGER documents_copy AFTER UPDATE OF id, title, published, source, url ON documents
            WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title OR OLD.published IS NOT NEW.published
                 OR OLD.source IS NOT NEW.source OR OLD.url IS NOT NEW.url
            BEGIN
                UPDATE events SET document_id = NEW.id, document_title = NEW.title, document_published = NEW.published,
                    document_source = NEW.source, document_url = NEW.url
                WHERE doc_key = NEW.doc_key;
            END;
            """),
    ];

    /// <summary>The version a database has once every migration has run.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
