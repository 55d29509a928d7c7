-- SPDX-License-Identifier: GPL-3.0-or-later
-- A timeline as Annals wrote it at schema version 1 (before the digest column and the FTS5 index).
-- Frozen: tst_eventstore opens it to check that migrations carry old files forward. Never edit it.
-- One statement per semicolon; no semicolon inside a literal.
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
INSERT INTO events (rowid, id, title, summary, kind, start_s, end_s, precision, cover_end, place, place_country, latitude, longitude)
    VALUES (1, 'old-1', 'Old talks in Moscow', 'Talks about trade and energy', 'talks', 1679356800, NULL, 2, 1679443200, 'Moscow', 'RU', 55.7558, 37.6173);
INSERT INTO events (rowid, id, title, summary, kind, start_s, end_s, precision, cover_end, place, place_country, latitude, longitude)
    VALUES (2, 'old-2', 'Old summit', '', 'meeting', 1682899200, 1683072000, 2, 1683158400, '', '', NULL, NULL);
INSERT INTO actors (id, name, country, type) VALUES (1, 'Vladimir Putin', 'RU', 0);
INSERT INTO actors (id, name, country, type) VALUES (2, 'Xi Jinping', 'CN', 0);
INSERT INTO event_actors (event, position, actor, role, title) VALUES (1, 0, 1, 'host', '');
INSERT INTO event_actors (event, position, actor, role, title) VALUES (1, 1, 2, 'guest', '');
INSERT INTO event_countries (event, country, explicit, position) VALUES (1, 'RU', 0, 0);
INSERT INTO event_countries (event, country, explicit, position) VALUES (1, 'CN', 0, 1);
INSERT INTO event_countries (event, country, explicit, position) VALUES (2, 'IN', 1, 0);
INSERT INTO quotes (event, position, speaker, text) VALUES (1, 0, 'Vladimir Putin', 'Pipelines matter');
INSERT INTO tags (event, position, tag) VALUES (2, 0, 'summit');
PRAGMA user_version = 1;
