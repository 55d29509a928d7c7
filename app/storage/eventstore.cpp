// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstore.h"

#include "domain/countries.h"
#include "io/jsonformat.h"
#include "storage/schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

constexpr int kChildBatch = 500; // rowids per "IN (...)" when loading actors, quotes, ...

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

// Binds a value; a null string becomes an empty one, since text columns are NOT NULL.
void bind(QSqlQuery &query, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull()) {
        query.addBindValue(QStringLiteral(""));
    } else {
        query.addBindValue(value);
    }
}

QByteArray digestOf(const Event &event)
{
    return QCryptographicHash::hash(JsonFormat::toCompactJson(event), QCryptographicHash::Sha1);
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
    if (event.time.end() && *event.time.end() < event.time.start()) {
        return QStringLiteral("it ends before it starts");
    }
    for (const QString &country : event.allCountries() + QStringList{event.location.country}) {
        if (!country.isEmpty() && Countries::lookup(country) != country) {
            return QStringLiteral("\"%1\" is not an ISO 3166-1 alpha-2 country code").arg(country);
        }
    }
    return {};
}

// The prepared statements of one write, reused for every event in it.
class Writer {
public:
    explicit Writer(const QSqlDatabase &db)
        : m_find(db)
        , m_insert(db)
        , m_update(db)
        , m_actor(db)
        , m_eventActor(db)
        , m_country(db)
        , m_quote(db)
        , m_source(db)
        , m_tag(db)
        , m_fts(db)
    {
        m_find.prepare(QStringLiteral("SELECT rowid, digest FROM events WHERE id = ?"));
        m_insert.prepare(QStringLiteral(
            "INSERT INTO events (title, summary, kind, start_s, end_s, precision, cover_end, place, place_country, "
            "latitude, longitude, digest, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        m_update.prepare(QStringLiteral(
            "UPDATE events SET title = ?, summary = ?, kind = ?, start_s = ?, end_s = ?, precision = ?, "
            "cover_end = ?, place = ?, place_country = ?, latitude = ?, longitude = ?, digest = ? WHERE rowid = ?"));
        m_actor.prepare(QStringLiteral("INSERT INTO actors (name, country, type) VALUES (?, ?, ?) "
                                       "ON CONFLICT (name, country) DO UPDATE SET type = excluded.type RETURNING id"));
        m_eventActor.prepare(
            QStringLiteral("INSERT INTO event_actors (event, position, actor, role, title) VALUES (?, ?, ?, ?, ?)"));
        m_country.prepare(
            QStringLiteral("INSERT INTO event_countries (event, position, country, explicit) VALUES (?, ?, ?, ?)"));
        m_quote.prepare(QStringLiteral("INSERT INTO quotes (event, position, speaker, text) VALUES (?, ?, ?, ?)"));
        m_source.prepare(
            QStringLiteral("INSERT INTO sources (event, position, name, url, date) VALUES (?, ?, ?, ?, ?)"));
        m_tag.prepare(QStringLiteral("INSERT INTO tags (event, position, tag) VALUES (?, ?, ?)"));
        for (const char *table : {"event_actors", "event_countries", "quotes", "sources", "tags"}) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("DELETE FROM %1 WHERE event = ?").arg(QLatin1String(table)));
            m_deletes.append(query);
        }
        QSqlQuery fts(db);
        fts.prepare(QStringLiteral("DELETE FROM events_fts WHERE rowid = ?"));
        m_deletes.append(fts);
        m_fts.prepare(QStringLiteral("INSERT INTO events_fts (rowid, title, summary, quotes, actors, place, tags) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    }

    // Returns an empty string on success, else what went wrong.
    QString write(const Event &event, WriteSummary &summary)
    {
        if (const QString problem = problemWith(event); !problem.isEmpty()) {
            return problem;
        }
        const QByteArray digest = digestOf(event);
        m_find.addBindValue(event.id);
        if (!m_find.exec()) {
            return m_find.lastError().text();
        }
        const bool exists = m_find.next();
        const qint64 rowid = exists ? m_find.value(0).toLongLong() : 0;
        const bool same = exists && m_find.value(1).toByteArray() == digest;
        m_find.finish();
        if (same) {
            ++summary.unchanged;
            return {};
        }

        QSqlQuery &row = exists ? m_update : m_insert;
        const QString error = run(row,
            {event.title, event.summary, event.kind, event.time.start(), optionalValue(event.time.end()),
                int(event.time.precision()), event.time.coverEnd(), event.location.place, event.location.country,
                optionalValue(event.location.latitude), optionalValue(event.location.longitude), digest,
                exists ? QVariant(rowid) : QVariant(event.id)});
        if (!error.isEmpty()) {
            return error;
        }
        qint64 id = rowid;
        if (exists) {
            if (const QString error = clearChildren(rowid); !error.isEmpty()) {
                return error;
            }
            ++summary.updated;
        } else {
            id = row.lastInsertId().toLongLong();
            ++summary.added;
        }
        return writeChildren(id, event);
    }

private:
    QString clearChildren(qint64 rowid)
    {
        for (QSqlQuery &query : m_deletes) {
            query.addBindValue(rowid);
            if (!query.exec()) {
                return query.lastError().text();
            }
        }
        return {};
    }

    static QString run(QSqlQuery &query, const QVariantList &values)
    {
        for (const QVariant &value : values) {
            bind(query, value);
        }
        return query.exec() ? QString() : query.lastError().text();
    }

    QString writeChildren(qint64 id, const Event &event)
    {
        QString error;
        QStringList actorText;
        for (int i = 0; i < event.actors.size() && error.isEmpty(); ++i) {
            const Actor &actor = event.actors[i];
            const qint64 actorId = actorIdFor(actor, &error);
            if (error.isEmpty()) {
                error = run(m_eventActor, {id, i, actorId, actor.role, actor.title});
            }
            actorText << actor.name << actor.title;
        }
        const QStringList countries = event.allCountries();
        for (int i = 0; i < countries.size() && error.isEmpty(); ++i) {
            error = run(m_country, {id, i, countries[i], event.countries.contains(countries[i])});
        }
        QStringList quoteText;
        for (int i = 0; i < event.quotes.size() && error.isEmpty(); ++i) {
            error = run(m_quote, {id, i, event.quotes[i].speaker, event.quotes[i].text});
            quoteText << event.quotes[i].speaker << event.quotes[i].text;
        }
        for (int i = 0; i < event.sources.size() && error.isEmpty(); ++i) {
            const Source &source = event.sources[i];
            error = run(m_source, {id, i, source.name, source.url, source.date});
        }
        for (int i = 0; i < event.tags.size() && error.isEmpty(); ++i) {
            error = run(m_tag, {id, i, event.tags[i]});
        }
        if (error.isEmpty()) {
            const QChar space(QLatin1Char(' '));
            error = run(m_fts,
                {id, event.title, event.summary, quoteText.join(space), actorText.join(space), event.location.place,
                    event.tags.join(space)});
        }
        return error;
    }

    qint64 actorIdFor(const Actor &actor, QString *error)
    {
        const QString key = actor.name + QChar(0) + actor.country;
        if (const auto it = m_actorIds.constFind(key); it != m_actorIds.constEnd()) {
            return *it;
        }
        *error = run(m_actor, {actor.name, actor.country, int(actor.type)});
        if (!error->isEmpty() || !m_actor.next()) {
            if (error->isEmpty()) {
                *error = QStringLiteral("actor \"%1\" could not be stored").arg(actor.name);
            }
            return 0;
        }
        const qint64 id = m_actor.value(0).toLongLong();
        m_actor.finish();
        m_actorIds.insert(key, id);
        return id;
    }

    QSqlQuery m_find, m_insert, m_update, m_actor, m_eventActor, m_country, m_quote, m_source, m_tag, m_fts;
    QList<QSqlQuery> m_deletes;
    QHash<QString, qint64> m_actorIds;
};

// What events sort by for each key; the two list columns sort by their first value (never NULL).
QString sortExpression(EventOrder::Key key)
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

bool EventStore::fail(const QString &what) const
{
    m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_path), what);
    return false;
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
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
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
        db.close();
        return fail(error);
    }
    // Only once the file is known to be a timeline: WAL mode is written into the file.
    if (!inMemory) {
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return true;
}

struct EventWriteSession::Private {
    Private(EventStore &store, qsizetype total)
        : store(store)
        , db(store.database())
        , total(total)
    {
    }

    EventStore &store;
    QSqlDatabase db;
    std::unique_ptr<Writer> writer;
    QSet<QString> seen;
    WriteSummary summary;
    qsizetype total = 0;
    qsizetype count = 0;
    QString error;
    bool open = false;
};

EventWriteSession::EventWriteSession(EventStore &store, qsizetype total)
    : d(std::make_unique<Private>(store, total))
{
    if (!d->db.transaction()) {
        d->error = d->db.lastError().text();
        d->store.fail(d->error);
        return;
    }
    d->open = true;
    d->writer = std::make_unique<Writer>(d->db);
}

EventWriteSession::~EventWriteSession()
{
    if (d->open) {
        d->writer.reset();
        d->db.rollback();
    }
}

bool EventWriteSession::add(const Event &event)
{
    if (!d->open || !d->error.isEmpty()) {
        return false;
    }
    ++d->count;
    QString problem = d->seen.contains(event.id)
        ? QStringLiteral("its id \"%1\" was already used in this import").arg(event.id)
        : d->writer->write(event, d->summary);
    d->seen.insert(event.id);
    if (problem.isEmpty()) {
        return true;
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
        if (d->db.commit()) {
            d->open = false;
            return d->summary;
        }
        d->error = d->db.lastError().text();
    }
    if (d->open) {
        d->writer.reset();
        d->db.rollback();
        d->open = false;
    }
    d->store.fail(QStringLiteral("nothing was written: ") + d->error);
    return std::nullopt;
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

QList<Event> EventStore::events(const EventFilter &filter, int limit, int offset, EventOrder order) const
{
    return load(SqlCondition::of(filter), limit, offset, order);
}

QList<Event> EventStore::load(const SqlCondition &condition, int limit, int offset, EventOrder order) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    const QString direction = order.descending ? QStringLiteral(" DESC") : QString();
    query.prepare(QStringLiteral("SELECT e.rowid, e.id, e.title, e.summary, e.kind, e.start_s, e.end_s, e.precision, "
                                 "e.place, e.place_country, e.latitude, e.longitude FROM events e WHERE %1 "
                                 "ORDER BY %2%3, e.rowid%3 LIMIT ? OFFSET ?")
                      .arg(condition.where, sortExpression(order.key), direction));
    for (const QVariant &value : condition.values) {
        query.addBindValue(value);
    }
    query.addBindValue(limit);
    query.addBindValue(offset);
    QList<Event> result;
    QHash<qint64, qsizetype> indexByRowid;
    if (!query.exec()) {
        fail(query.lastError().text());
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
        event.location.place = query.value(8).toString();
        event.location.country = query.value(9).toString();
        if (!query.value(10).isNull()) {
            event.location.latitude = query.value(10).toDouble();
        }
        if (!query.value(11).isNull()) {
            event.location.longitude = query.value(11).toDouble();
        }
        indexByRowid.insert(query.value(0).toLongLong(), result.size());
        result.append(event);
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
                fail(child.lastError().text());
                return;
            }
            while (child.next()) {
                apply(result[indexByRowid.value(child.value(0).toLongLong())], child);
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

std::optional<Event> EventStore::event(const QString &id) const
{
    const QList<Event> found = load({QStringLiteral("e.id = ?"), {id}}, 1, 0);
    return found.isEmpty() ? std::nullopt : std::optional<Event>(found.first());
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
        fail(query.lastError().text());
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
    }
    QSqlQuery query(database());
    query.prepare(sql.arg(condition.where) + QStringLiteral(" ORDER BY 3 DESC, 1"));
    for (const QVariant &value : condition.values) {
        query.addBindValue(value);
    }
    QList<FacetCount> result;
    if (!query.exec()) {
        fail(query.lastError().text());
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt()});
    }
    return result;
}

std::vector<TimelineItem> EventStore::timelineItems(const EventFilter &filter, LaneMode mode) const
{
    const SqlCondition condition = SqlCondition::of(filter);
    const QSqlDatabase db = database();
    const auto prepare = [&](QSqlQuery &query, const QString &sql) {
        query.setForwardOnly(true);
        query.prepare(sql.arg(condition.where));
        for (const QVariant &value : condition.values) {
            query.addBindValue(value);
        }
        return query.exec() || fail(query.lastError().text());
    };
    std::vector<TimelineItem> items;
    QHash<qint64, size_t> indexByRowid;
    QSqlQuery query(db);
    if (!prepare(query,
            QStringLiteral("SELECT e.rowid, e.id, e.title, e.start_s, e.end_s, e.cover_end, e.precision, "
                           "e.kind FROM events e WHERE %1 ORDER BY e.start_s, e.rowid"))) {
        return items;
    }
    while (query.next()) {
        TimelineItem item;
        item.id = query.value(1).toString();
        item.title = query.value(2).toString();
        item.start = query.value(3).toLongLong();
        item.isRange = !query.value(4).isNull() && query.value(4).toLongLong() != item.start;
        item.coverEnd = query.value(5).toLongLong();
        item.precision = Precision(query.value(6).toInt());
        if (mode == LaneMode::Kind) {
            item.laneKeys = {query.value(7).toString()};
        }
        indexByRowid.insert(query.value(0).toLongLong(), items.size());
        items.push_back(std::move(item));
    }
    QString keys;
    if (mode == LaneMode::Country) {
        keys = QStringLiteral("SELECT c.event, c.country FROM event_countries c JOIN events e ON e.rowid = c.event "
                              "WHERE %1 ORDER BY c.event, c.position");
    } else if (mode == LaneMode::Actor) {
        keys = QStringLiteral("SELECT ea.event, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor "
                              "JOIN events e ON e.rowid = ea.event WHERE %1 ORDER BY ea.event, ea.position");
    }
    if (!keys.isEmpty()) {
        QSqlQuery lanes(db);
        if (prepare(lanes, keys)) {
            while (lanes.next()) {
                const auto it = indexByRowid.constFind(lanes.value(0).toLongLong());
                if (it != indexByRowid.constEnd()) {
                    // Two actors of one name (a ministry of two countries) make one lane, and the event shows once.
                    const QString key = lanes.value(1).toString();
                    if (!items[*it].laneKeys.contains(key)) {
                        items[*it].laneKeys.append(key);
                    }
                }
            }
        }
    }
    return items;
}

QStringList EventStore::laneOrder(LaneMode mode) const
{
    QStringList keys;
    const std::optional<EventFilter::Dimension> dimension = mode == LaneMode::Country
        ? std::optional(EventFilter::Dimension::Country)
        : mode == LaneMode::Actor ? std::optional(EventFilter::Dimension::Actor)
        : mode == LaneMode::Kind  ? std::optional(EventFilter::Dimension::Kind)
                                  : std::nullopt;
    if (dimension) {
        for (const FacetCount &facet : counts(*dimension)) {
            keys << facet.key;
        }
    }
    return keys;
}

int EventStore::rowOf(const QString &id, const EventFilter &filter, EventOrder order) const
{
    // The events that sort before it: a smaller key, or the same key and a smaller rowid (both reversed when
    // descending), among those the filter keeps.
    const SqlCondition condition = SqlCondition::of(filter);
    const QString key = sortExpression(order.key);
    const QString before = order.descending ? QStringLiteral(">") : QStringLiteral("<");
    QSqlQuery query(database());
    query.prepare(QStringLiteral("WITH target AS (SELECT e.rowid AS r, %1 AS k FROM events e WHERE e.id = ? AND %2) "
                                 "SELECT (SELECT count(*) FROM target), count(*) FROM events e, target WHERE %2 AND "
                                 "((%1) %3 target.k OR ((%1) = target.k AND e.rowid %3 target.r))")
                      .arg(key, condition.where, before));
    query.addBindValue(id);
    for (int pass = 0; pass < 2; ++pass) {
        for (const QVariant &value : condition.values) {
            query.addBindValue(value);
        }
    }
    if (!query.exec() || !query.next()) {
        fail(query.lastError().text());
        return -1;
    }
    return query.value(0).toInt() == 0 ? -1 : query.value(1).toInt();
}

std::optional<QString> EventStore::neighbour(const QString &id, const EventFilter &filter, int step) const
{
    const SqlCondition condition = SqlCondition::of(filter);
    const bool forward = step > 0;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("WITH target AS (SELECT rowid AS r, start_s AS s FROM events WHERE id = ?) "
                                 "SELECT e.id FROM events e, target WHERE %1 AND "
                                 "(e.start_s %2 target.s OR (e.start_s = target.s AND e.rowid %2 target.r)) "
                                 "ORDER BY e.start_s %3, e.rowid %3 LIMIT 1")
                      .arg(condition.where, forward ? QStringLiteral(">") : QStringLiteral("<"),
                          forward ? QStringLiteral("ASC") : QStringLiteral("DESC")));
    query.addBindValue(id);
    for (const QVariant &value : condition.values) {
        query.addBindValue(value);
    }
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return query.value(0).toString();
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
        fail(query.lastError().text());
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
