// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventwritesession.h"
#include "storage/sqlitestatement.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

struct Actor;
struct Event;
struct sqlite3;

// The prepared statements of one write (EventWriteSession's), reused for every event in it. They run on SQLite's own
// API: through QSqlQuery, binding values as QVariants cost more than SQLite's own work.
class EventWriter final {
public:
    // With `deferFullText`, the full-text index is left for the session to rebuild once at the end.
    EventWriter(sqlite3 *db, qint64 firstNewRowid, bool deferFullText);
    Q_DISABLE_COPY_MOVE(EventWriter)

    // Whether the last write was refused for repeating an id.
    bool repeated() const { return m_repeated; }
    // What the last write did, and the digest of what it wrote.
    enum class Outcome { None, Added, Updated, Unchanged };
    Outcome outcome() const { return m_outcome; }
    const QByteArray &digest() const { return m_digest; }

    // Called with an event's id just before it is updated or deleted, while the file still holds it as it was.
    std::function<void(const QString &)> beforeChange;

    // Returns an empty string on success, else what went wrong.
    QString write(const Event &event, WriteSummary &summary);

    // The digest of the event with this id as the file holds it now; empty when there is none.
    QByteArray storedDigest(const QString &id, QString *error);

    // Deletes the event with this id (its marks stay, kept by id for an undo); false, with *error empty, when there
    // is none.
    bool remove(const QString &id, QString *error);

private:
    // The values the insert and the update share, in their order.
    static SqliteStatement &bindRow(SqliteStatement &row, const Event &event, const QByteArray &digest);
    static QString run(SqliteStatement &statement) { return statement.exec() ? QString() : statement.errorString(); }
    QString writeChildren(qint64 id, const Event &event);
    qint64 actorIdFor(const Actor &actor, QString *error);

    sqlite3 *m_db;
    qint64 m_firstNewRowid;
    bool m_deferFullText;
    bool m_repeated = false;
    Outcome m_outcome = Outcome::None;
    QByteArray m_digest;
    SqliteStatement m_find, m_insert, m_update, m_actor, m_eventActor, m_country, m_quote, m_source, m_tag, m_ftsAdd,
        m_ftsRemove, m_delete;
    std::vector<std::unique_ptr<SqliteStatement>> m_deletes;
    QHash<QString, qint64> m_actorIds;
    QSet<qint64> m_met; // rows that were there before this write and that it has met: updated or unchanged
};

// A fingerprint of everything an event holds, so that re-importing an unchanged event writes nothing.
QByteArray eventDigest(const Event &event);
