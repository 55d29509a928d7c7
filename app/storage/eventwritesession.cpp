// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventwritesession.h"

#include "storage/eventstore.h"
#include "storage/eventwriter.h"
#include "storage/sqlitestatement.h"
#include "storage/storefault.h"
#include "storage/writejournal.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <functional>

struct EventWriteSession::Private {
    Private(EventStore &store, qsizetype total)
        : store(store)
        , db(store.database())
        , total(total)
    {
    }

    // Into an empty timeline, indexes are cheaper built once at the end than kept up row by row: the ordinary
    // ones by sorting, the full-text one by its 'rebuild'. The drop and the rebuild are inside the write's
    // transaction, so a rollback brings the indexes back too.
    bool startBulkIfEmpty()
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM events)")) || !query.next()
            || query.value(0).toBool()) {
            return true;
        }
        bulk = true;
        query.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                                  "AND tbl_name IN ('events', 'event_actors', 'event_countries')"));
        QStringList names;
        while (query.next()) {
            names << query.value(0).toString();
            rebuild << query.value(1).toString();
        }
        for (const QString &name : names) {
            if (!query.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name))) {
                error = query.lastError().text();
                return false;
            }
        }
        return true;
    }

    // The ids this write changed go to the file's log of changes, for other windows on the file; past a thousand,
    // one entry that says "everything" (a NULL id) serves better.
    void logChange(const QString &id)
    {
        if (changed.size() < kLoggedIds) {
            changed << id;
        } else {
            everything = true;
        }
    }

    bool writeChangeLog()
    {
        SqliteStatement log(sqliteHandle(db), "INSERT INTO changes (event) VALUES (?)");
        SqliteStatement logAll(sqliteHandle(db), "INSERT INTO changes (event) VALUES (NULL)");
        bool ok = everything || bulk ? logAll.exec() : true;
        for (qsizetype i = 0; ok && !(everything || bulk) && i < changed.size(); ++i) {
            ok = log.bind(changed[i]).exec();
        }
        SqliteStatement prune(
            sqliteHandle(db), "DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - 5000");
        if (ok && !prune.exec()) {
            ok = false;
            error = prune.errorString();
        } else if (!ok) {
            error = log.errorString().isEmpty() ? logAll.errorString() : log.errorString();
        }
        return ok;
    }

    bool finishBulk()
    {
        if (!bulk) {
            return true;
        }
        QSqlQuery query(db);
        for (const QString &sql :
            QStringList{QStringLiteral("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")} + rebuild) {
            if (!query.exec(sql)) {
                error = query.lastError().text();
                return false;
            }
        }
        return true;
    }

    qint64 nextRowid()
    {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) + 1 FROM events")) && query.next()
            ? query.value(0).toLongLong()
            : 1;
    }

    void rollback()
    {
        writer.reset();
        db.rollback();
        open = false;
    }

    EventStore &store;
    QSqlDatabase db;
    std::unique_ptr<EventWriter> writer;
    bool bulk = false; // the timeline was empty: indexes are built at the end
    bool skipRepeatedIds = false;
    QString title; // for the timeline, if it has none
    QString skipped; // why the last event was left out
    QStringList rebuild; // the indexes to create then
    WriteJournal *journal = nullptr;
    static constexpr qsizetype kLoggedIds = 1000;
    QStringList changed; // for the log of changes
    bool everything = false;
    WriteSummary summary;
    qsizetype total = 0;
    qsizetype count = 0;
    QString error;
    bool open = false;
};

EventWriteSession::EventWriteSession(EventStore &store, qsizetype total)
    : d(std::make_unique<Private>(store, total))
{
    sqlite3 *handle = sqliteHandle(d->db);
    if (!handle) {
        d->error = QStringLiteral("the timeline is not open");
        d->store.fail(d->error);
        return;
    }
    if (const QString why = StoreFault::whyNotWritable(d->store.path(), handle); !why.isEmpty()) {
        d->error = why;
        d->store.fail(QStringLiteral("nothing was written: ") + why);
        return;
    }
    // IMMEDIATE: the write lock is taken now, waiting for another writer to finish, rather than half-way through.
    if (QSqlQuery begin(d->db); !begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        d->error = StoreFault::describe(handle, begin.lastError().text());
        d->store.fail(QStringLiteral("nothing was written: ") + d->error);
        return;
    }
    d->open = true;
    if (!d->startBulkIfEmpty()) {
        d->store.fail(d->error);
        return;
    }
    d->writer = std::make_unique<EventWriter>(handle, d->nextRowid(), d->bulk);
    d->writer->beforeChange = [this](const QString &id) {
        if (d->journal) {
            d->journal->entries.append({id, d->store.event(id), {}});
        }
    };
}

EventWriteSession::~EventWriteSession()
{
    if (d->open) {
        d->rollback();
    }
}

bool EventWriteSession::add(const Event &event)
{
    if (!d->open || !d->error.isEmpty()) {
        return false;
    }
    ++d->count;
    d->skipped.clear();
    const QString problem = d->writer->write(event, d->summary);
    if (problem.isEmpty()) {
        using Outcome = EventWriter::Outcome;
        const Outcome outcome = d->writer->outcome();
        if (outcome == Outcome::Added || outcome == Outcome::Updated) {
            d->logChange(event.id);
            if (d->journal) {
                if (outcome == Outcome::Added) {
                    d->journal->entries.append({event.id, std::nullopt, {}});
                }
                d->journal->entries.last().after = d->writer->digest();
            }
        }
        return true;
    }
    if (d->skipRepeatedIds && d->writer->repeated()) {
        d->skipped = problem;
        return true;
    }
    if (const QString fault = StoreFault::describe(sqliteHandle(d->db)); !fault.isEmpty()) {
        d->error = fault; // the file's trouble, not this event's
        return false;
    }
    const QString which = d->total > 0 ? QStringLiteral("event %1 of %2").arg(d->count).arg(d->total)
                                       : QStringLiteral("event %1").arg(d->count);
    d->error = QStringLiteral("%1 (\"%2\"): %3").arg(which, event.title.left(60), problem);
    return false;
}

std::optional<WriteSummary> EventWriteSession::commit()
{
    if (d->open && d->error.isEmpty()) {
        d->writer.reset(); // its statements must finish before the commit
        if (!d->title.isEmpty()) {
            QSqlQuery query(d->db);
            query.prepare(QStringLiteral("INSERT OR IGNORE INTO properties (key, value) VALUES ('title', ?)"));
            query.addBindValue(d->title);
            if (!query.exec()) {
                d->error = query.lastError().text();
            }
        }
        const bool changed = d->bulk || !d->changed.isEmpty();
        if (d->error.isEmpty() && (!changed || d->writeChangeLog()) && d->finishBulk() && d->db.commit()) {
            d->open = false;
            return d->summary;
        }
        if (d->error.isEmpty()) {
            d->error = StoreFault::describe(sqliteHandle(d->db), d->db.lastError().text());
        }
    }
    if (d->open) {
        d->rollback();
    }
    d->store.fail(QStringLiteral("nothing was written: ") + d->error);
    return std::nullopt;
}

bool EventWriteSession::remove(const QString &id)
{
    if (!d->open || !d->error.isEmpty()) {
        return false;
    }
    QString error;
    if (!d->writer->remove(id, &error)) {
        d->error = error.isEmpty() ? QStringLiteral("no event has the id \"%1\"").arg(id) : error;
        return false;
    }
    if (d->journal) {
        d->journal->entries.last().after.clear();
    }
    d->logChange(id);
    return true;
}

std::optional<QByteArray> EventWriteSession::storedDigest(const QString &id)
{
    if (!d->open || !d->error.isEmpty()) {
        return std::nullopt;
    }
    QString error;
    QByteArray digest = d->writer->storedDigest(id, &error);
    if (!error.isEmpty()) {
        d->error = error;
        return std::nullopt;
    }
    return digest;
}

void EventWriteSession::setJournal(WriteJournal *journal)
{
    d->journal = journal;
}

void EventWriteSession::fail(const QString &why)
{
    if (d->error.isEmpty()) {
        d->error = why;
    }
}

QByteArray EventWriteSession::digestOf(const Event &event)
{
    return eventDigest(event);
}

void EventWriteSession::setTitleIfUntitled(const QString &title)
{
    d->title = title;
}

void EventWriteSession::setSkipRepeatedIds(bool skip)
{
    d->skipRepeatedIds = skip;
}

QString EventWriteSession::skipped() const
{
    return d->skipped;
}

QString EventWriteSession::errorString() const
{
    return d->store.errorString();
}

std::optional<WriteSummary> EventStore::write(const QList<Event> &events)
{
    EventWriteSession session(*this, events.size());
    for (const Event &event : events) {
        if (!session.add(event)) {
            break;
        }
    }
    return session.commit();
}
