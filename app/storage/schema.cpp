// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Each step takes the file from version (index) to version (index + 1). Never edit a step that has shipped;
// add one.
const char *const kSteps[] = {
    // 0 -> 1
    R"sql(
    CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT '',
        start_s INTEGER NOT NULL,
        end_s INTEGER,
        precision INTEGER NOT NULL,
        cover_end INTEGER NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        place_country TEXT NOT NULL DEFAULT '',
        latitude REAL,
        longitude REAL
    );
    CREATE INDEX events_start ON events(start_s);
    CREATE INDEX events_kind ON events(kind COLLATE NOCASE, start_s);
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT '',
        type INTEGER NOT NULL DEFAULT 0,
        UNIQUE (name, country)
    );
    CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
    CREATE TABLE event_actors (
        event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        actor INTEGER NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (event, position)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_actor ON event_actors(actor, event);
    CREATE TABLE event_countries (
        event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
        country TEXT NOT NULL,
        explicit INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (event, country)
    ) WITHOUT ROWID;
    CREATE INDEX event_countries_country ON event_countries(country, event);
    CREATE TABLE quotes (
        event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        speaker TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        PRIMARY KEY (event, position)
    ) WITHOUT ROWID;
    CREATE TABLE sources (
        event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (event, position)
    ) WITHOUT ROWID;
    CREATE TABLE tags (
        event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (event, position)
    ) WITHOUT ROWID;
    )sql",
    // 1 -> 2
    R"sql(
    ALTER TABLE events ADD COLUMN digest BLOB;
    CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, quotes, actors, place, tags,
                                               tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts(rowid, title, summary, quotes, actors, place, tags)
        SELECT e.rowid, e.title, e.summary,
               (SELECT group_concat(q.speaker || ' ' || q.text, ' ') FROM quotes q WHERE q.event = e.rowid),
               (SELECT group_concat(a.name || ' ' || ea.title, ' ')
                  FROM event_actors ea JOIN actors a ON a.id = ea.actor WHERE ea.event = e.rowid),
               e.place,
               (SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.event = e.rowid)
        FROM events e;
    )sql",
    // 2 -> 3: the full-text index takes its text from the events through a view instead of keeping a copy, so
    // that a bulk import into an empty timeline can build it once, at the end ('rebuild'), which is much faster
    // than row by row. Every change to it reads the same view, so what is removed is what was added.
    R"sql(
    CREATE VIEW events_fts_source AS
        SELECT e.rowid AS id, e.title AS title, e.summary AS summary,
               (SELECT group_concat(q.speaker || ' ' || q.text, ' ') FROM quotes q WHERE q.event = e.rowid)
                   AS quotes,
               (SELECT group_concat(a.name || ' ' || ea.title, ' ')
                  FROM event_actors ea JOIN actors a ON a.id = ea.actor WHERE ea.event = e.rowid) AS actors,
               e.place AS place,
               (SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.event = e.rowid) AS tags
        FROM events e;
    DROP TABLE events_fts;
    CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, quotes, actors, place, tags,
                                               content = 'events_fts_source', content_rowid = 'id',
                                               tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');
    )sql",
    // 3 -> 4: what the timeline says of itself (its title), as keys and values.
    R"sql(
    CREATE TABLE properties (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    )sql",
    // 4 -> 5: what a source says of a date's certainty (EventTime::Qualifier bits) and the date as it wrote it, and
    // the milliseconds of times known to the millisecond, which order events within their second.
    R"sql(
    ALTER TABLE events ADD COLUMN qualifiers INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN written TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN start_ms INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN end_ms INTEGER NOT NULL DEFAULT 0;
    )sql",
    // 5 -> 6: the analyst's own marks, apart from what sources say, by event id (so that a re-import, which updates
    // an event by its id, never touches them, and a deleted event brought back by undo finds them again): stars,
    // tags, dated notes and links between events; saved views; and a log of what changed, so that a window on the
    // same file takes in another's changes without reading the whole timeline again. Notes and the analyst's tags
    // are searched with the rest.
    R"sql(
    CREATE TABLE stars (event TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE marks_tags (event TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (event, tag)) WITHOUT ROWID;
    CREATE INDEX marks_tags_tag ON marks_tags(tag COLLATE NOCASE, event);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        event TEXT NOT NULL,
        written INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX notes_event ON notes(event);
    CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        UNIQUE (source, target, label)
    );
    CREATE INDEX links_target ON links(target);
    CREATE TABLE views (name TEXT PRIMARY KEY, definition TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, event TEXT);
    DROP TABLE events_fts;
    DROP VIEW events_fts_source;
    CREATE VIEW events_fts_source AS
        SELECT e.rowid AS id, e.title AS title, e.summary AS summary,
               (SELECT group_concat(q.speaker || ' ' || q.text, ' ') FROM quotes q WHERE q.event = e.rowid)
                   AS quotes,
               (SELECT group_concat(a.name || ' ' || ea.title, ' ')
                  FROM event_actors ea JOIN actors a ON a.id = ea.actor WHERE ea.event = e.rowid) AS actors,
               e.place AS place,
               (SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.event = e.rowid) AS tags,
               (SELECT group_concat(n.text, ' ') FROM notes n WHERE n.event = e.id) AS notes,
               (SELECT group_concat(m.tag, ' ') FROM marks_tags m WHERE m.event = e.id) AS marks
        FROM events e;
    CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, quotes, actors, place, tags, notes, marks,
                                               content = 'events_fts_source', content_rowid = 'id',
                                               tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');
    )sql",
};
static_assert(std::size(kSteps) == Schema::kVersion);

bool execScript(QSqlDatabase &db, const QString &script, QString *error)
{
    // QSqlQuery runs one statement at a time; the scripts hold no semicolons inside literals.
    const QStringList statements = script.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &statement : statements) {
        if (statement.trimmed().isEmpty()) {
            continue;
        }
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            if (error) {
                *error = query.lastError().text();
            }
            return false;
        }
    }
    return true;
}

} // namespace

namespace Schema {

int version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

bool migrate(QSqlDatabase &db, QString *error)
{
    const int current = version(db);
    if (current < 0) {
        if (error) {
            *error = QStringLiteral("its schema version cannot be read: %1").arg(db.lastError().text());
        }
        return false;
    }
    if (current == 0) {
        // A new file is empty; an SQLite file with tables of its own belongs to something else: leave it alone.
        QSqlQuery tables(db);
        if (tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) && tables.next()
            && tables.value(0).toInt() > 0) {
            if (error) {
                *error = QStringLiteral("this is an SQLite file, but not an Annals timeline");
            }
            return false;
        }
    }
    if (current > kVersion) {
        if (error) {
            *error = QStringLiteral("it was written by a newer Annals (schema version %1; this one reads up to %2)")
                         .arg(current)
                         .arg(kVersion);
        }
        return false;
    }
    for (int step = current; step < kVersion; ++step) {
        QString stepError;
        if (!db.transaction()) {
            stepError = db.lastError().text();
        } else if (!execScript(db, QString::fromUtf8(kSteps[step]), &stepError)
            || !execScript(db, QStringLiteral("PRAGMA user_version = %1").arg(step + 1), &stepError) || !db.commit()) {
            db.rollback();
        } else {
            continue;
        }
        if (error) {
            *error = QStringLiteral("cannot upgrade it from schema version %1: %2").arg(step).arg(stepError);
        }
        return false;
    }
    return true;
}

} // namespace Schema
