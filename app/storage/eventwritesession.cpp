// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventwritesession.h"

#include "domain/countries.h"
#include "storage/eventstore.h"
#include "storage/fulltextindex.h"
#include "storage/sqlitestatement.h"
#include "storage/storefault.h"
#include "storage/writejournal.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <functional>
#include <limits>

namespace {

// A fingerprint of everything an event holds, so that re-importing an unchanged event writes nothing. Each value
// goes in with its length, so that no two different events can run together into the same bytes. A field added
// to Event must be added here.
class Digest {
public:
    Digest &operator<<(const QString &text)
    {
        *this << qint64(text.size());
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
        return *this;
    }
    Digest &operator<<(qint64 value)
    {
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&value), sizeof value));
        return *this;
    }
    Digest &operator<<(const std::optional<double> &value)
    {
        const double number = value.value_or(std::numeric_limits<double>::quiet_NaN());
        *this << qint64(value.has_value());
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&number), sizeof number));
        return *this;
    }
    QByteArray result() const { return m_hash.result(); }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha1};
};

QByteArray digestOf(const Event &event)
{
    Digest digest;
    digest << event.id << event.title << event.summary << event.kind << event.time.start()
           << event.time.end().value_or(std::numeric_limits<qint64>::min()) << qint64(event.time.precision());
    // Added to the digest only where they are set, so that the events of files written before them keep their
    // digests, and importing such a file again still finds them unchanged.
    if (event.time.qualifiers() != 0 || !event.time.written().isEmpty() || event.time.startMillisecond() != 0
        || event.time.endMillisecond() != 0) {
        // After a sentinel no count can be, so that no other event's fields can run into the same bytes.
        digest << qint64(-1) << qint64(event.time.qualifiers()) << event.time.written()
               << qint64(event.time.startMillisecond()) << qint64(event.time.endMillisecond());
    }
    digest << qint64(event.actors.size());
    for (const Actor &actor : event.actors) {
        digest << actor.name << actor.country << actor.role << actor.title << qint64(actor.type);
    }
    digest << qint64(event.countries.size());
    for (const QString &country : event.countries) {
        digest << country;
    }
    digest << event.location.place << event.location.country << event.location.latitude << event.location.longitude;
    digest << qint64(event.quotes.size());
    for (const Quote &quote : event.quotes) {
        digest << quote.speaker << quote.text;
    }
    digest << qint64(event.sources.size());
    for (const Source &source : event.sources) {
        digest << source.name << source.url << source.date;
    }
    digest << qint64(event.tags.size());
    for (const QString &tag : event.tags) {
        digest << tag;
    }
    return digest.result();
}

// Whatever is wrong with an event that must never reach the file, or an empty string.
QString problemWith(const Event &event)
{
    if (event.id.trimmed().isEmpty()) {
        return QStringLiteral("it has no id");
    }
    if (event.title.trimmed().isEmpty()) {
        return QStringLiteral("it has no title");
    }
    if (event.time.last().isBefore(event.time.first())) {
        return QStringLiteral("it ends before it starts");
    }
    const auto badCountry
        = [](const QString &country) { return !country.isEmpty() && Countries::lookup(country) != country; };
    const auto message = [](const QString &country) {
        return QStringLiteral("\"%1\" is not an ISO 3166-1 alpha-2 country code").arg(country);
    };
    for (const QString &country : event.countries) {
        if (badCountry(country)) {
            return message(country);
        }
    }
    for (const Actor &actor : event.actors) {
        if (badCountry(actor.country)) {
            return message(actor.country);
        }
    }
    return badCountry(event.location.country) ? message(event.location.country) : QString();
}

// The prepared statements of one write, reused for every event in it. They run on SQLite's own API: through
// QSqlQuery, binding values as QVariants cost more than SQLite's own work.
class Writer {
public:
    // With `deferFullText`, the full-text index is left for the session to rebuild once at the end.
    Writer(sqlite3 *db, qint64 firstNewRowid, bool deferFullText)
        : m_db(db)
        , m_firstNewRowid(firstNewRowid)
        , m_deferFullText(deferFullText)
        , m_find(db, "SELECT rowid, digest FROM events WHERE id = ?")
        , m_insert(db,
              "INSERT INTO events (title, summary, kind, start_s, end_s, precision, cover_end, place, "
              "place_country, latitude, longitude, qualifiers, written, start_ms, end_ms, digest, id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
        , m_update(db,
              "UPDATE events SET title = ?, summary = ?, kind = ?, start_s = ?, end_s = ?, precision = ?, "
              "cover_end = ?, place = ?, place_country = ?, latitude = ?, longitude = ?, qualifiers = ?, "
              "written = ?, start_ms = ?, end_ms = ?, digest = ? WHERE rowid = ?")
        , m_actor(db,
              "INSERT INTO actors (name, country, type) VALUES (?, ?, ?) "
              "ON CONFLICT (name, country) DO UPDATE SET type = excluded.type RETURNING id")
        , m_eventActor(db, "INSERT INTO event_actors (event, position, actor, role, title) VALUES (?, ?, ?, ?, ?)")
        , m_country(db, "INSERT INTO event_countries (event, position, country, explicit) VALUES (?, ?, ?, ?)")
        , m_quote(db, "INSERT INTO quotes (event, position, speaker, text) VALUES (?, ?, ?, ?)")
        , m_source(db, "INSERT INTO sources (event, position, name, url, date) VALUES (?, ?, ?, ?, ?)")
        , m_tag(db, "INSERT INTO tags (event, position, tag) VALUES (?, ?, ?)")
        // The index's text comes from the view both ways: what 'delete' takes out is exactly what went in.
        , m_ftsAdd(db, FullTextIndex::kAdd)
        , m_ftsRemove(db, FullTextIndex::kRemove)
        , m_delete(db, "DELETE FROM events WHERE rowid = ?")
    {
        for (const char *sql : {"DELETE FROM event_actors WHERE event = ?",
                 "DELETE FROM event_countries WHERE event = ?", "DELETE FROM quotes WHERE event = ?",
                 "DELETE FROM sources WHERE event = ?", "DELETE FROM tags WHERE event = ?"}) {
            m_deletes.push_back(std::make_unique<SqliteStatement>(db, sql));
        }
    }

    // Whether the last write was refused for repeating an id.
    bool repeated() const { return m_repeated; }
    // What the last write did, and the digest of what it wrote.
    enum class Outcome { None, Added, Updated, Unchanged };
    Outcome outcome() const { return m_outcome; }
    const QByteArray &digest() const { return m_digest; }

    // Called with an event's id just before it is updated or deleted, while the file still holds it as it was.
    std::function<void(const QString &)> beforeChange;

    // Returns an empty string on success, else what went wrong.
    QString write(const Event &event, WriteSummary &summary)
    {
        m_repeated = false;
        m_outcome = Outcome::None;
        if (const QString problem = problemWith(event); !problem.isEmpty()) {
            return problem;
        }
        const QByteArray digest = digestOf(event);
        m_digest = digest;
        // Most events in an import are new: try the insert first, and look the id up only when it is taken.
        if (!bindRow(m_insert, event, digest).bind(event.id).exec()) {
            return m_insert.errorString();
        }
        if (sqlite3_changes(m_db) == 1) {
            ++summary.added;
            m_outcome = Outcome::Added;
            return writeChildren(sqlite3_last_insert_rowid(m_db), event);
        }
        m_find.bind(event.id);
        const bool exists = m_find.next();
        const qint64 rowid = exists ? m_find.int64(0) : 0;
        const bool same = exists && m_find.blob(1) == digest;
        m_find.reset();
        if (!exists) {
            return m_find.errorString();
        }
        // A row this write added, or one it already met, means the file repeats an id: harmless when it repeats
        // the whole record (a derived id that repeats means just that), a conflict when the contents differ.
        if (rowid >= m_firstNewRowid || m_met.contains(rowid)) {
            if (same) {
                ++summary.repeated;
                return {};
            }
            m_repeated = true;
            return QStringLiteral("its id \"%1\" was already used in this import").arg(event.id);
        }
        m_met.insert(rowid);
        if (same) {
            ++summary.unchanged;
            m_outcome = Outcome::Unchanged;
            return {};
        }
        if (beforeChange) {
            beforeChange(event.id);
        }
        // Out of the index while the view still shows the old text.
        if (!m_ftsRemove.bind(rowid).exec()) {
            return m_ftsRemove.errorString();
        }
        if (!bindRow(m_update, event, digest).bind(rowid).exec()) {
            return m_update.errorString();
        }
        for (const auto &query : m_deletes) {
            if (!query->bind(rowid).exec()) {
                return query->errorString();
            }
        }
        ++summary.updated;
        m_outcome = Outcome::Updated;
        return writeChildren(rowid, event);
    }

    // The digest of the event with this id as the file holds it now; empty when there is none.
    QByteArray storedDigest(const QString &id, QString *error)
    {
        m_find.bind(id);
        const QByteArray digest = m_find.next() ? m_find.blob(1) : QByteArray();
        if (!m_find.done() && digest.isEmpty()) {
            *error = m_find.errorString();
        }
        m_find.reset();
        return digest;
    }

    // Deletes the event with this id (its marks stay, kept by id for an undo); false, with *error empty, when there
    // is none.
    bool remove(const QString &id, QString *error)
    {
        m_find.bind(id);
        const bool exists = m_find.next();
        const qint64 rowid = exists ? m_find.int64(0) : 0;
        m_find.reset();
        if (!exists) {
            return false;
        }
        if (beforeChange) {
            beforeChange(id);
        }
        // Out of the index first, while the view still shows its text; its children go with it (ON DELETE CASCADE).
        if (!m_ftsRemove.bind(rowid).exec()) {
            *error = m_ftsRemove.errorString();
            return false;
        }
        if (!m_delete.bind(rowid).exec()) {
            *error = m_delete.errorString();
            return false;
        }
        return true;
    }

private:
    // The values the insert and the update share, in their order.
    static SqliteStatement &bindRow(SqliteStatement &row, const Event &event, const QByteArray &digest)
    {
        return row.bind(event.title)
            .bind(event.summary)
            .bind(event.kind)
            .bind(event.time.start())
            .bind(event.time.end())
            .bind(int(event.time.precision()))
            .bind(event.time.coverEnd())
            .bind(event.location.place)
            .bind(event.location.country)
            .bind(event.location.latitude)
            .bind(event.location.longitude)
            .bind(int(event.time.qualifiers()))
            .bind(event.time.written())
            .bind(event.time.startMillisecond())
            .bind(event.time.endMillisecond())
            .bindBlob(digest);
    }

    static QString run(SqliteStatement &statement) { return statement.exec() ? QString() : statement.errorString(); }

    QString writeChildren(qint64 id, const Event &event)
    {
        QString error;
        for (int i = 0; i < event.actors.size() && error.isEmpty(); ++i) {
            const Actor &actor = event.actors[i];
            const qint64 actorId = actorIdFor(actor, &error);
            if (error.isEmpty()) {
                error = run(m_eventActor.bind(id).bind(i).bind(actorId).bind(actor.role).bind(actor.title));
            }
        }
        const QStringList countries = event.allCountries();
        for (int i = 0; i < countries.size() && error.isEmpty(); ++i) {
            error = run(m_country.bind(id).bind(i).bind(countries[i]).bind(event.countries.contains(countries[i])));
        }
        for (int i = 0; i < event.quotes.size() && error.isEmpty(); ++i) {
            const Quote &quote = event.quotes[i];
            error = run(m_quote.bind(id).bind(i).bind(quote.speaker).bind(quote.text));
        }
        for (int i = 0; i < event.sources.size() && error.isEmpty(); ++i) {
            const Source &source = event.sources[i];
            error = run(m_source.bind(id).bind(i).bind(source.name).bind(source.url).bind(source.date));
        }
        for (int i = 0; i < event.tags.size() && error.isEmpty(); ++i) {
            error = run(m_tag.bind(id).bind(i).bind(event.tags[i]));
        }
        if (error.isEmpty() && !m_deferFullText) {
            error = run(m_ftsAdd.bind(id));
        }
        return error;
    }

    qint64 actorIdFor(const Actor &actor, QString *error)
    {
        const QString key = actor.name + QChar(0) + actor.country;
        if (const auto it = m_actorIds.constFind(key); it != m_actorIds.constEnd()) {
            return *it;
        }
        m_actor.bind(actor.name).bind(actor.country).bind(int(actor.type));
        if (!m_actor.next()) {
            *error = m_actor.errorString();
            m_actor.reset();
            return 0;
        }
        const qint64 id = m_actor.int64(0);
        m_actor.exec(); // steps past the RETURNING row, so that the statement completes
        m_actorIds.insert(key, id);
        return id;
    }

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

} // namespace

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
    std::unique_ptr<Writer> writer;
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
    d->writer = std::make_unique<Writer>(handle, d->nextRowid(), d->bulk);
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
        using Outcome = Writer::Outcome;
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
    return ::digestOf(event);
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
