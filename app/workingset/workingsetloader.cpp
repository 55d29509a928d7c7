// SPDX-License-Identifier: GPL-3.0-or-later
#include "workingsetloader.h"

#include "storage/sqlitestatement.h"
#include "workingset/workingset.h"
#include "workingset/workingsetupdate.h"

#include <QHash>

#include <sqlite3.h>

#include <algorithm>
#include <numeric>
#include <thread>

namespace {

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// Ids for the values of one dictionary, looked up by their bytes without a copy per row.
class Interner {
public:
    explicit Interner(QStringList &keys)
        : m_keys(keys)
    {
    }
    quint32 idOf(std::string_view utf8, const QByteArray &key)
    {
        if (const auto it = m_ids.constFind(key); it != m_ids.constEnd()) {
            return *it;
        }
        const auto id = quint32(m_keys.size());
        m_keys << QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        m_ids.insert(QByteArray(key.constData(), key.size()), id); // a copy: `key` may be SQLite's bytes
        return id;
    }
    quint32 idOf(std::string_view utf8) { return idOf(utf8, QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size()))); }

private:
    QStringList &m_keys;
    QHash<QByteArray, quint32> m_ids;
};

bool failed(const SqliteStatement &statement, QString *error)
{
    if (statement.done()) {
        return false;
    }
    *error = statement.errorString();
    return true;
}


// The events' own columns, in rowid order.
struct EventColumns {
    std::vector<qint64> rowids, starts, coverEnds;
    std::vector<Precision> precisions;
    std::vector<quint8> shapes; // WorkingSet::Shape bits
    std::vector<quint16> milliseconds; // of the start: they order events within their second
    std::vector<quint16> kinds; // into kindKeys
    QStringList kindKeys;
    StringArena titles, ids;
    std::vector<quint32>
        timeOrder; // the events in time order (start, its millisecond, then rowid), sorted by the reader

    // Whether event a starts before event b (of `other`, or of this).
    bool before(quint32 a, const EventColumns &other, quint32 b) const
    {
        return starts[a] != other.starts[b] ? starts[a] < other.starts[b] : milliseconds[a] < other.milliseconds[b];
    }
};

// Every event's countries and actors, as (event rowid, value) in rowid order.
struct ChildRows {
    std::vector<qint64> countryRowids;
    std::vector<quint16> countries;
    std::vector<qint64> actorRowids;
    std::vector<quint32> actors; // into WorkingSet::actors
};

// A read transaction for the life of the object.
class ReadTransaction {
public:
    explicit ReadTransaction(sqlite3 *db)
        : m_begin(db, "BEGIN")
        , m_end(db, "COMMIT")
    {
        m_open = m_begin.exec();
    }
    ~ReadTransaction()
    {
        if (m_open) {
            m_end.exec();
        }
    }
    Q_DISABLE_COPY_MOVE(ReadTransaction)
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_begin.errorString(); }

private:
    SqliteStatement m_begin;
    SqliteStatement m_end;
    bool m_open = false;
};

// The rowids of the events, first and last; {1, 0} when there are none.
std::pair<qint64, qint64> rowidRange(sqlite3 *db, QString *error)
{
    SqliteStatement range(db, "SELECT min(rowid), max(rowid) FROM events");
    if (!range.next()) {
        *error = range.errorString();
        return {1, 0};
    }
    return range.isNull(0) ? std::pair<qint64, qint64>{1, 0} : std::pair{range.int64(0), range.int64(1)};
}

// The events with rowids in [from, to].
bool readEvents(sqlite3 *db, qint64 from, qint64 to, EventColumns &out, QString *error)
{
    ReadTransaction transaction(db);
    if (!transaction.isOpen()) {
        *error = transaction.errorString();
        return false;
    }
    const size_t count = size_t(std::max<qint64>(0, to - from + 1)); // a bound, exact where no event was removed
    out.rowids.reserve(count);
    out.starts.reserve(count);
    out.coverEnds.reserve(count);
    out.precisions.reserve(count);
    out.shapes.reserve(count);
    out.milliseconds.reserve(count);
    out.kinds.reserve(count);
    out.titles.reserve(count, count * 64);
    out.ids.reserve(count, count * 12);
    // Kinds are few: each spelling met is looked up by its bytes in a short list, no allocation per event.
    QHash<QByteArray, quint16> kindIds; // by the kind folded as NOCASE folds it
    std::vector<std::pair<QByteArray, quint16>> spellings;
    SqliteStatement events(db,
        "SELECT rowid, id, title, start_s, end_s, cover_end, precision, kind, qualifiers, start_ms FROM events "
        "WHERE rowid BETWEEN ? AND ? ORDER BY rowid");
    events.bind(from).bind(to);
    while (events.next()) {
        out.rowids.push_back(events.int64(0));
        if (!out.ids.append(events.text(1)) || !out.titles.append(events.text(2))) {
            *error = QStringLiteral("the titles and ids are too long to hold in memory (over 4 GB)");
            return false;
        }
        const qint64 start = events.int64(3);
        out.starts.push_back(start);
        const auto qualifiers = quint8(events.int64(8) & EventTime::kQualifierBits);
        const bool range = !events.isNull(4) && events.int64(4) != start;
        out.shapes.push_back(WorkingSet::shapeOf(range, qualifiers));
        out.milliseconds.push_back(quint16(std::clamp<qint64>(events.int64(9), 0, 999)));
        out.coverEnds.push_back(events.int64(5));
        out.precisions.push_back(Precision(std::clamp<qint64>(events.int64(6), 0, qint64(Precision::Millisecond))));
        const std::string_view kind = events.text(7);
        const auto known = std::find_if(spellings.begin(), spellings.end(),
            [&](const auto &spelling) { return std::string_view(spelling.first.constData(), size_t(spelling.first.size())) == kind; });
        if (known != spellings.end()) {
            out.kinds.push_back(known->second);
            continue;
        }
        QByteArray folded = bytes(kind);
        for (char &c : folded) {
            if (c >= 'A' && c <= 'Z') {
                c = char(c - 'A' + 'a');
            }
        }
        auto it = kindIds.constFind(folded);
        if (it == kindIds.constEnd()) {
            if (kindIds.size() >= 0xFFFF) {
                *error = QStringLiteral("the timeline has more than 65,535 kinds");
                return false;
            }
            it = kindIds.insert(folded, quint16(out.kindKeys.size()));
            out.kindKeys << QString::fromUtf8(kind.data(), qsizetype(kind.size()));
        }
        if (spellings.size() < 64) {
            spellings.emplace_back(bytes(kind), *it);
        }
        out.kinds.push_back(*it);
    }
    if (failed(events, error)) {
        return false;
    }
    out.timeOrder.resize(out.rowids.size());
    std::iota(out.timeOrder.begin(), out.timeOrder.end(), 0);
    std::stable_sort(
        out.timeOrder.begin(), out.timeOrder.end(), [&](quint32 a, quint32 b) { return out.before(a, out, b); });
    return true;
}

bool readChildRows(sqlite3 *db, WorkingSet &set, ChildRows &out, QString *error)
{
    ReadTransaction transaction(db);
    if (!transaction.isOpen()) {
        *error = transaction.errorString();
        return false;
    }
    Interner codes(set.countryKeys);
    // Alpha-2 codes by their two bytes, without a hash.
    std::vector<qint32> byTwoBytes(65536, -1);
    const auto countryId = [&](std::string_view code) {
        if (code.size() != 2) {
            return codes.idOf(code);
        }
        qint32 &id = byTwoBytes[size_t(quint8(code[0])) << 8 | quint8(code[1])];
        if (id < 0) {
            id = qint32(codes.idOf(code));
        }
        return quint32(id);
    };
    {
        // The table's own order, (event, country): an event's countries in code order. (Without the ORDER BY,
        // SQLite would rather read the smaller index by country.)
        SqliteStatement rows(db, "SELECT event, country FROM event_countries ORDER BY event, country");
        while (rows.next()) {
            const quint32 id = countryId(rows.text(1));
            if (id > 0xFFFF) {
                *error = QStringLiteral("the timeline has more than 65,535 countries");
                return false;
            }
            out.countryRowids.push_back(rows.int64(0));
            out.countries.push_back(quint16(id));
        }
        if (failed(rows, error)) {
            return false;
        }
    }
    // Actors: the table first, then each event's, in their order.
    Interner names(set.names);
    std::vector<quint32> byId; // actor ids are the table's rowids: small and dense
    {
        SqliteStatement rows(db, "SELECT id, name, country FROM actors ORDER BY id");
        while (rows.next()) {
            const qint64 id = rows.int64(0);
            if (id < 0 || id > 64 * 1024 * 1024) {
                *error = QStringLiteral("an actor's id is out of range (%1)").arg(id);
                return false;
            }
            if (byId.size() <= size_t(id)) {
                byId.resize(size_t(id) + 1, 0);
            }
            byId[size_t(id)] = quint32(set.actors.size());
            const std::string_view country = rows.text(2);
            set.actors.push_back({names.idOf(rows.text(1)), country.empty() ? WorkingSet::kNoKey : countryId(country)});
        }
        if (failed(rows, error)) {
            return false;
        }
    }
    SqliteStatement links(db, "SELECT event, actor FROM event_actors ORDER BY event, position");
    while (links.next()) {
        const qint64 actor = links.int64(1);
        out.actorRowids.push_back(links.int64(0));
        out.actors.push_back(actor >= 0 && size_t(actor) < byId.size() ? byId[size_t(actor)] : 0);
    }
    return !failed(links, error);
}


constexpr quint32 kSecondHalf = 0x80000000u;

// The second half of the events after the first: its kinds take the first half's ids, or new ones.
bool append(EventColumns &to, EventColumns &&from, QString *error)
{
    std::vector<quint16> kindIds;
    for (const QString &kind : std::as_const(from.kindKeys)) {
        const QByteArray folded = asciiFolded(kind);
        qsizetype id = 0;
        while (id < to.kindKeys.size() && asciiFolded(to.kindKeys[id]) != folded) {
            ++id;
        }
        if (id == to.kindKeys.size()) {
            if (id >= 0xFFFF) {
                *error = QStringLiteral("the timeline has more than 65,535 kinds");
                return false;
            }
            to.kindKeys << kind;
        }
        kindIds.push_back(quint16(id));
    }
    for (quint16 &kind : from.kinds) {
        kind = kindIds[kind];
    }
    for (quint32 &place : from.timeOrder) {
        place |= kSecondHalf; // told apart from the first half's in the merge below
    }
    // Both halves are in time order already: one merge, the first half first among equal starts (smaller rowids).
    const auto shift = quint32(to.rowids.size());
    std::vector<quint32> order;
    order.reserve(to.timeOrder.size() + from.timeOrder.size());
    std::merge(to.timeOrder.begin(), to.timeOrder.end(), from.timeOrder.begin(), from.timeOrder.end(),
        std::back_inserter(order), [&](quint32 a, quint32 b) {
            const EventColumns &ca = a & kSecondHalf ? from : to;
            const EventColumns &cb = b & kSecondHalf ? from : to;
            return ca.before(a & ~kSecondHalf, cb, b & ~kSecondHalf);
        });
    for (quint32 &place : order) {
        place = place & kSecondHalf ? (place & ~kSecondHalf) + shift : place;
    }
    to.timeOrder = std::move(order);
    const auto join = [](auto &a, const auto &b) { a.insert(a.end(), b.begin(), b.end()); };
    join(to.rowids, from.rowids);
    join(to.starts, from.starts);
    join(to.coverEnds, from.coverEnds);
    join(to.precisions, from.precisions);
    join(to.shapes, from.shapes);
    join(to.milliseconds, from.milliseconds);
    join(to.kinds, from.kinds);
    if (!to.titles.append(from.titles) || !to.ids.append(from.ids)) {
        *error = QStringLiteral("the titles and ids are too long to hold in memory (over 4 GB)");
        return false;
    }
    return true;
}

} // namespace

namespace WorkingSetLoader {

sqlite3 *openReadOnly(const QString &path, QString *error)
{
    sqlite3 *db = nullptr;
    const QByteArray name = path.toUtf8();
    if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(path, db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString());
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

std::shared_ptr<const WorkingSet> load(sqlite3 *db, QString *error, const QString &path)
{
    auto set = std::make_shared<WorkingSet>();
    QString why;
    const auto [first, last] = rowidRange(db, &why);
    if (!why.isEmpty()) {
        *error = why;
        return nullptr;
    }
    // With a file, three readers share the work, each through a connection of its own: the first half of the events
    // here, the second half and the countries and actors on two more threads. Each read is one read transaction, so
    // that a table agrees with itself while an import writes; should an import land between their starts, a child of
    // an event the events' read did not see is passed over, and the window reads the timeline again once the import
    // ends anyway.
    EventColumns events;
    EventColumns later;
    ChildRows children;
    QString laterError;
    QString childError;
    std::vector<std::thread> helpers;
    const qint64 middle = path.isEmpty() ? last : first + (last - first) / 2;
    const auto onItsOwn = [&](QString *why, const auto &read) {
        sqlite3 *connection = openReadOnly(path, why);
        if (!connection) {
            return;
        }
        helpers.emplace_back([connection, read, why] {
            if (!read(connection) && why->isEmpty()) {
                *why = QStringLiteral("cannot read the timeline");
            }
            sqlite3_close(connection);
        });
    };
    if (!path.isEmpty()) {
        onItsOwn(&childError, [&](sqlite3 *connection) { return readChildRows(connection, *set, children, &childError); });
        onItsOwn(&laterError,
            [&, from = middle + 1, to = last](sqlite3 *connection) { return readEvents(connection, from, to, later, &laterError); });
    }
    bool read = readEvents(db, first, middle, events, error);
    for (std::thread &helper : helpers) {
        helper.join();
    }
    if (read && path.isEmpty() && !readChildRows(db, *set, children, &childError) && childError.isEmpty()) {
        childError = QStringLiteral("cannot read the countries and actors");
    }
    for (const QString &why : {laterError, childError}) {
        if (read && !why.isEmpty()) {
            *error = why;
            read = false;
        }
    }
    if (!read) {
        return nullptr;
    }
    if (!append(events, std::move(later), error)) {
        return nullptr;
    }
    set->kindKeys = events.kindKeys;

    // Into time order (start, its millisecond, then rowid).
    const size_t n = events.rowids.size();
    const std::vector<quint32> order = std::move(events.timeOrder);
    const auto gather = [&](auto &out, const auto &in) {
        out.resize(n);
        for (size_t row = 0; row < n; ++row) {
            out[row] = in[order[row]];
        }
    };
    gather(set->rowids, events.rowids);
    gather(set->starts, events.starts);
    gather(set->startMilliseconds, events.milliseconds);
    gather(set->coverEnds, events.coverEnds);
    gather(set->precisions, events.precisions);
    gather(set->shapes, events.shapes);
    gather(set->kinds, events.kinds);
    set->rowidPlace = order;
    set->titles = std::move(events.titles);
    set->ids = std::move(events.ids);
    // Each event's children, found by merging their rowids with the events' (both ascending), then put in time order.
    const auto lists = [&](const std::vector<qint64> &childRowids, const auto &values, auto &offsets, auto &out) {
        std::vector<quint32> first(n), last(n); // each event's children, in rowid order
        size_t child = 0;
        for (size_t place = 0; place < n; ++place) {
            while (child < childRowids.size() && childRowids[child] < events.rowids[place]) {
                ++child; // a child of an event this read did not see
            }
            first[place] = quint32(child);
            while (child < childRowids.size() && childRowids[child] == events.rowids[place]) {
                ++child;
            }
            last[place] = quint32(child);
        }
        offsets.clear();
        offsets.reserve(n + 1);
        offsets.push_back(0);
        out.reserve(values.size());
        for (size_t row = 0; row < n; ++row) {
            const quint32 place = order[row];
            out.insert(out.end(), values.begin() + first[place], values.begin() + last[place]);
            offsets.push_back(quint32(out.size()));
        }
    };
    std::thread countries(
        [&] { lists(children.countryRowids, children.countries, set->countryOffsets, set->countryValues); });
    lists(children.actorRowids, children.actors, set->actorOffsets, set->actorValues);
    countries.join();
    set->finish();
    if (!WorkingSetUpdate::readMarks(db, *set, error)) {
        return nullptr;
    }
    return set;
}

std::optional<std::vector<quint64>> matchText(sqlite3 *db, const WorkingSet &set, const QString &expression,
    QString *error)
{
    std::vector<quint64> bits((set.size() + 63) / 64, 0);
    if (expression.isEmpty()) {
        return bits; // nothing searchable: nothing matches
    }
    SqliteStatement match(db, "SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid");
    match.bind(expression);
    // The index answers in rowid order, and rowsByRowid is in rowid order: one merge, no search.
    size_t cursor = 0;
    const std::vector<quint32> &byRowid = set.rowsByRowid;
    while (match.next()) {
        const qint64 rowid = match.int64(0);
        while (cursor < byRowid.size() && set.rowids[byRowid[cursor]] < rowid) {
            ++cursor;
        }
        if (cursor < byRowid.size() && set.rowids[byRowid[cursor]] == rowid) {
            const quint32 row = byRowid[cursor];
            bits[row / 64] |= quint64(1) << (row % 64);
        }
    }
    if (failed(match, error)) {
        return std::nullopt;
    }
    return bits;
}

} // namespace WorkingSetLoader
