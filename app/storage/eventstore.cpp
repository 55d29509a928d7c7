// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstore.h"

#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "storage/storefault.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

namespace {

constexpr int kChildBatch = 500; // rowids per "IN (...)" when loading actors, quotes, ...

// What events sort by for each key; the two list columns sort by their first value (never NULL).
QString sortKey(EventOrder::Key key)
{
    switch (key) {
    case EventOrder::Key::Time:
        return QStringLiteral("e.start_s");
    case EventOrder::Key::Title:
        return QStringLiteral("e.title COLLATE NOCASE");
    case EventOrder::Key::Countries:
        return QStringLiteral("coalesce((SELECT min(c.country) FROM event_countries c WHERE c.event = e.rowid), '')");
    case EventOrder::Key::Actors:
        return QStringLiteral("coalesce((SELECT min(a.name) FROM event_actors ea JOIN actors a ON a.id = ea.actor "
                              "WHERE ea.event = e.rowid), '')");
    case EventOrder::Key::Kind:
        return QStringLiteral("e.kind COLLATE NOCASE");
    }
    return QStringLiteral("e.start_s");
}

// The ORDER BY terms for a key and a direction (" DESC" or empty): time goes on to the milliseconds, which order
// events within their second.
QString sortExpression(EventOrder::Key key, const QString &direction)
{
    const QString sort = sortKey(key) + direction;
    return key == EventOrder::Key::Time ? sort + QStringLiteral(", e.start_ms") + direction : sort;
}

QString inList(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
}

} // namespace

EventStore::EventStore(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("annals-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

EventStore::~EventStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase EventStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *EventStore::connectionHandle() const
{
    return sqliteHandle(database());
}

bool EventStore::fail(const QString &what) const
{
    m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_path), what);
    return false;
}

bool EventStore::failQuery(const QSqlQuery &query) const
{
    return fail(StoreFault::describe(connectionHandle(), query.lastError().text()));
}

bool EventStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

bool EventStore::open()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return fail(QStringLiteral("Qt's SQLite driver is missing; install Debian's libqt6sql6-sqlite"));
    }
    const bool inMemory = m_path == QLatin1String(":memory:");
    if (!inMemory) {
        const QFileInfo info(m_path);
        if (info.exists() && !info.isFile()) {
            return fail(QStringLiteral("this is not a file"));
        }
        if (!info.absoluteDir().exists()) {
            return fail(QStringLiteral("the folder %1 does not exist").arg(info.absolutePath()));
        }
    }
    // A file nobody may write is opened read-only, even by root: browse, search and export work, writes do not.
    const bool readOnly = !inMemory && StoreFault::isReadOnly(m_path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1%2")
                             .arg(StoreFault::kBusyTimeoutMs)
                             .arg(readOnly ? QStringLiteral(";QSQLITE_OPEN_READONLY") : QString()));
    if (!db.open()) {
        return fail(db.lastError().text());
    }
    QSqlQuery query(db);
    // A file that is not SQLite shows up on the first read.
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        || !query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
        return fail(QStringLiteral("this is not an Annals timeline (%1)").arg(query.lastError().text()));
    }
    if (!query.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)"))) {
        return fail(QStringLiteral("this SQLite has no FTS5 full-text index"));
    }
    query.exec(QStringLiteral("DROP TABLE temp.fts5_probe"));
    QString error;
    if (!Schema::migrate(db, &error)) {
        error = StoreFault::describe(sqliteHandle(db), error);
        db.close();
        return fail(error);
    }
    // Only once the file is known to be a timeline: WAL mode is written into the file.
    if (!inMemory && !readOnly) {
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return true;
}

QList<Event> EventStore::events(const EventFilter &filter, int limit, int offset, EventOrder order) const
{
    return load(SqlCondition::of(filter), limit, offset, order);
}

QList<Event> EventStore::load(
    const SqlCondition &condition, int limit, int offset, EventOrder order, QList<qint64> *rowidsOut) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    const QString direction = order.descending ? QStringLiteral(" DESC") : QString();
    query.prepare(QStringLiteral("SELECT e.rowid, e.id, e.title, e.summary, e.kind, e.start_s, e.end_s, e.precision, "
                                 "e.place, e.place_country, e.latitude, e.longitude, e.qualifiers, e.written, "
                                 "e.start_ms, e.end_ms FROM events e WHERE %1 "
                                 "ORDER BY %2, e.rowid%3 LIMIT ? OFFSET ?")
                      .arg(condition.where, sortExpression(order.key, direction), direction));
    for (const QVariant &value : condition.values) {
        query.addBindValue(value);
    }
    query.addBindValue(limit);
    query.addBindValue(offset);
    QList<Event> result;
    QHash<qint64, qsizetype> indexByRowid;
    m_error.clear();
    if (!query.exec()) {
        failQuery(query);
        return result;
    }
    while (query.next()) {
        Event event;
        event.id = query.value(1).toString();
        event.title = query.value(2).toString();
        event.summary = query.value(3).toString();
        event.kind = query.value(4).toString();
        const auto precision = Precision(query.value(7).toInt());
        event.time = query.value(6).isNull()
            ? EventTime(query.value(5).toLongLong(), precision)
            : EventTime(query.value(5).toLongLong(), query.value(6).toLongLong(), precision);
        event.time.setQualifiers(quint8(query.value(12).toInt()));
        event.time.setWritten(query.value(13).toString());
        event.time.setMilliseconds(query.value(14).toInt(), query.value(15).toInt());
        event.location.place = query.value(8).toString();
        event.location.country = query.value(9).toString();
        if (!query.value(10).isNull()) {
            event.location.latitude = query.value(10).toDouble();
        }
        if (!query.value(11).isNull()) {
            event.location.longitude = query.value(11).toDouble();
        }
        indexByRowid.insert(query.value(0).toLongLong(), result.size());
        if (rowidsOut) {
            rowidsOut->append(query.value(0).toLongLong());
        }
        result.append(event);
    }

    if (query.lastError().isValid()) {
        // A damaged page ends the read early: say so, rather than pass a part for the whole.
        failQuery(query);
    }
    // The children, a batch of events at a time.
    const QList<qint64> rowids = indexByRowid.keys();
    const QSqlDatabase db = database();
    for (qsizetype first = 0; first < rowids.size(); first += kChildBatch) {
        const QList<qint64> batch = rowids.mid(first, kChildBatch);
        const QString in = inList(batch.size());
        const auto each = [&](const QString &sql, const auto &apply) {
            QSqlQuery child(db);
            child.setForwardOnly(true);
            child.prepare(sql.arg(in));
            for (const qint64 rowid : batch) {
                child.addBindValue(rowid);
            }
            if (!child.exec()) {
                failQuery(child);
                return;
            }
            while (child.next()) {
                apply(result[indexByRowid.value(child.value(0).toLongLong())], child);
            }
            if (child.lastError().isValid()) {
                failQuery(child);
            }
        };
        each(QStringLiteral("SELECT ea.event, a.name, a.country, a.type, ea.role, ea.title FROM event_actors ea "
                            "JOIN actors a ON a.id = ea.actor WHERE ea.event IN %1 ORDER BY ea.event, ea.position"),
            [](Event &event, const QSqlQuery &q) {
                event.actors.append({q.value(1).toString(), q.value(2).toString(), q.value(4).toString(),
                    q.value(5).toString(), Actor::Type(q.value(3).toInt())});
            });
        each(QStringLiteral("SELECT event, country FROM event_countries WHERE explicit AND event IN %1 "
                            "ORDER BY event, position"),
            [](Event &event, const QSqlQuery &q) { event.countries.append(q.value(1).toString()); });
        each(QStringLiteral("SELECT event, speaker, text FROM quotes WHERE event IN %1 ORDER BY event, position"),
            [](Event &event, const QSqlQuery &q) {
                event.quotes.append({q.value(1).toString(), q.value(2).toString()});
            });
        each(QStringLiteral("SELECT event, name, url, date FROM sources WHERE event IN %1 ORDER BY event, position"),
            [](Event &event, const QSqlQuery &q) {
                event.sources.append({q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
            });
        each(QStringLiteral("SELECT event, tag FROM tags WHERE event IN %1 ORDER BY event, position"),
            [](Event &event, const QSqlQuery &q) { event.tags.append(q.value(1).toString()); });
    }
    return result;
}

QList<Event> EventStore::eventsAt(const QList<qint64> &rowids) const
{
    if (rowids.isEmpty()) {
        return {};
    }
    SqlCondition condition{QStringLiteral("e.rowid IN ") + inList(rowids.size()), {}};
    for (const qint64 rowid : rowids) {
        condition.values << rowid;
    }
    QList<qint64> loadedRowids;
    const QList<Event> found = load(condition, -1, 0, {}, &loadedRowids);
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < loadedRowids.size(); ++i) {
        at.insert(loadedRowids[i], i);
    }
    QList<Event> result;
    result.reserve(found.size());
    for (const qint64 rowid : rowids) {
        if (const auto it = at.constFind(rowid); it != at.constEnd()) {
            result.append(found[*it]);
        }
    }
    return result;
}

std::optional<Event> EventStore::event(const QString &id) const
{
    const QList<Event> found = load({QStringLiteral("e.id = ?"), {id}}, 1, 0);
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.first());
}

std::optional<qint64> EventStore::rowidOf(const QString &id) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT rowid FROM events WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

QByteArray EventStore::digestOf(const QString &id) const
{
    sqlite3 *db = connectionHandle();
    if (!db) {
        return {};
    }
    SqliteStatement find(db, "SELECT digest FROM events WHERE id = ?");
    return find.bind(id).next() ? find.blob(0) : QByteArray();
}

int EventStore::count(const EventFilter &filter) const
{
    const SqlCondition condition = SqlCondition::of(filter);
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT count(*) FROM events e WHERE ") + condition.where);
    for (const QVariant &value : condition.values) {
        query.addBindValue(value);
    }
    if (!query.exec() || !query.next()) {
        failQuery(query);
        return 0;
    }
    return query.value(0).toInt();
}

QList<FacetCount> EventStore::counts(EventFilter::Dimension dimension, const EventFilter &filter) const
{
    const SqlCondition condition = SqlCondition::of(filter);
    QString sql;
    switch (dimension) {
    case EventFilter::Dimension::Country:
        sql = QStringLiteral("SELECT c.country, '', count(*) FROM event_countries c JOIN events e ON e.rowid = c.event "
                             "WHERE %1 GROUP BY c.country");
        break;
    case EventFilter::Dimension::Actor:
        sql = QStringLiteral("SELECT a.name, a.country, count(DISTINCT e.rowid) FROM event_actors ea "
                             "JOIN actors a ON a.id = ea.actor JOIN events e ON e.rowid = ea.event "
                             "WHERE %1 GROUP BY a.id");
        break;
    case EventFilter::Dimension::Kind:
        sql = QStringLiteral("SELECT e.kind, '', count(*) FROM events e WHERE %1 GROUP BY e.kind COLLATE NOCASE");
        break;
    case EventFilter::Dimension::Certainty:
        // Per qualifiers, folded into the kinds of certainty below.
        sql = QStringLiteral("SELECT e.qualifiers, '', count(*) FROM events e WHERE %1 GROUP BY e.qualifiers");
        break;
    case EventFilter::Dimension::MarkTag:
        sql = QStringLiteral("SELECT min(m.tag), '', count(*) FROM marks_tags m JOIN events e ON e.id = m.event "
                             "WHERE %1 GROUP BY m.tag COLLATE NOCASE");
        break;
    }
    QSqlQuery query(database());
    query.prepare(sql.arg(condition.where) + QStringLiteral(" ORDER BY 3 DESC, 1"));
    for (const QVariant &value : condition.values) {
        query.addBindValue(value);
    }
    QList<FacetCount> result;
    if (!query.exec()) {
        failQuery(query);
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt()});
    }
    if (dimension == EventFilter::Dimension::Certainty) {
        QList<FacetCount> kinds;
        for (const Certainty::Kind kind : Certainty::kAll) {
            int count = 0;
            for (const FacetCount &row : std::as_const(result)) {
                count += (Certainty::of(quint8(row.key.toInt())) & kind) ? row.count : 0;
            }
            if (count > 0) {
                kinds.append({Certainty::name(kind), QString(), count});
            }
        }
        std::sort(kinds.begin(), kinds.end(), [](const FacetCount &a, const FacetCount &b) {
            return a.count != b.count ? a.count > b.count : a.key < b.key;
        });
        return kinds;
    }
    return result;
}

QList<Event> EventStore::related(const QString &id, int limit) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("WITH target AS (SELECT rowid AS r, start_s AS s FROM events WHERE id = ?) "
                                 "SELECT DISTINCT e.id, abs(e.start_s - target.s) AS distance FROM target "
                                 "JOIN event_actors mine ON mine.event = target.r "
                                 "JOIN event_actors theirs ON theirs.actor = mine.actor AND theirs.event <> target.r "
                                 "JOIN events e ON e.rowid = theirs.event ORDER BY distance, e.start_s LIMIT ?"));
    query.addBindValue(id);
    query.addBindValue(limit);
    QList<Event> result;
    if (!query.exec()) {
        failQuery(query);
        return result;
    }
    QStringList ids;
    while (query.next()) {
        if (!ids.contains(query.value(0).toString())) {
            ids << query.value(0).toString();
        }
    }
    for (const QString &other : std::as_const(ids)) {
        if (std::optional<Event> event = this->event(other)) {
            result.append(*event);
        }
    }
    return result;
}

QString EventStore::title() const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM properties WHERE key = 'title'"));
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool EventStore::setTitle(const QString &title)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO properties (key, value) VALUES ('title', ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(title);
    if (!query.exec()) {
        failQuery(query);
        return false;
    }
    return true;
}

QString EventStore::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}
