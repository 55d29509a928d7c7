// SPDX-License-Identifier: GPL-3.0-or-later
#include "workingsetloader.h"

#include "storage/sqlitestatement.h"
#include "workingset/workingset.h"

#include <QHash>
#include <QScopeGuard>

#include <sqlite3.h>

#include <algorithm>
#include <numeric>

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
        m_ids.insert(key, id);
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

// The rows of one event's children (countries or actors), read in rowid order beside the events.
template <typename Value>
struct Children {
    std::vector<quint32> offsets{0}; // per event, in rowid order
    std::vector<Value> values;
};

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

std::shared_ptr<const WorkingSet> load(sqlite3 *db, QString *error)
{
    auto set = std::make_shared<WorkingSet>();
    // One read transaction, so that the tables agree with each other even while an import writes.
    SqliteStatement begin(db, "BEGIN");
    SqliteStatement end(db, "COMMIT");
    if (!begin.exec()) {
        *error = begin.errorString();
        return nullptr;
    }
    const auto finish = qScopeGuard([&] { end.exec(); });

    size_t count = 0;
    {
        SqliteStatement total(db, "SELECT count(*) FROM events");
        if (!total.next()) {
            *error = total.errorString();
            return nullptr;
        }
        count = size_t(total.int64(0));
    }

    // The events, in rowid order (the table's own order: one sequential read).
    std::vector<qint64> rowids, starts, coverEnds;
    std::vector<Precision> precisions;
    std::vector<quint8> ranges;
    std::vector<quint16> kinds;
    rowids.reserve(count);
    starts.reserve(count);
    coverEnds.reserve(count);
    precisions.reserve(count);
    ranges.reserve(count);
    kinds.reserve(count);
    StringArena titles, ids;
    titles.reserve(count, count * 48);
    ids.reserve(count, count * 12);
    QHash<QByteArray, quint16> kindIds; // by the kind folded as NOCASE folds it
    {
        SqliteStatement events(
            db, "SELECT rowid, id, title, start_s, end_s, cover_end, precision, kind FROM events ORDER BY rowid");
        while (events.next()) {
            rowids.push_back(events.int64(0));
            if (!ids.append(events.text(1)) || !titles.append(events.text(2))) {
                *error = QStringLiteral("the titles and ids are too long to hold in memory (over 4 GB)");
                return nullptr;
            }
            const qint64 start = events.int64(3);
            starts.push_back(start);
            ranges.push_back(!events.isNull(4) && events.int64(4) != start ? 1 : 0);
            coverEnds.push_back(events.int64(5));
            precisions.push_back(Precision(std::clamp<qint64>(events.int64(6), 0, qint64(Precision::Minute))));
            const std::string_view kind = events.text(7);
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
                    return nullptr;
                }
                it = kindIds.insert(folded, quint16(set->kindKeys.size()));
                set->kindKeys << QString::fromUtf8(kind.data(), qsizetype(kind.size()));
            }
            kinds.push_back(*it);
        }
        if (failed(events, error)) {
            return nullptr;
        }
    }
    const size_t n = rowids.size();
    // Where each child row's event stands in rowid order: both reads are in rowid order, so a cursor finds it.
    const auto positionOf = [&](qint64 rowid, size_t &cursor) {
        while (cursor < n && rowids[cursor] < rowid) {
            ++cursor;
        }
        return cursor < n && rowids[cursor] == rowid;
    };

    // Countries: the table's key is (event, country), so each event's few are put back in their order.
    Interner codes(set->countryKeys);
    Children<quint16> countries;
    countries.offsets.reserve(n + 1);
    {
        SqliteStatement rows(db, "SELECT event, position, country FROM event_countries ORDER BY event, country");
        size_t cursor = 0;
        std::vector<std::pair<qint64, quint16>> pending; // position and country of the event last met
        const auto flush = [&] {
            std::sort(pending.begin(), pending.end());
            for (const auto &[position, country] : pending) {
                countries.values.push_back(country);
            }
            pending.clear();
        };
        while (rows.next()) {
            if (!positionOf(rows.int64(0), cursor)) {
                continue; // no such event (cannot happen with foreign keys on)
            }
            if (countries.offsets.size() < cursor + 1) {
                flush(); // a new event: the last one's values go in, then this one's start
                while (countries.offsets.size() < cursor + 1) {
                    countries.offsets.push_back(quint32(countries.values.size()));
                }
            }
            const quint32 id = codes.idOf(rows.text(2));
            if (id > 0xFFFF) {
                *error = QStringLiteral("the timeline has more than 65,535 countries");
                return nullptr;
            }
            pending.emplace_back(rows.int64(1), quint16(id));
        }
        if (failed(rows, error)) {
            return nullptr;
        }
        flush();
        while (countries.offsets.size() < n + 1) {
            countries.offsets.push_back(quint32(countries.values.size()));
        }
    }

    // Actors: the table first, then each event's, in their order.
    {
        Interner names(set->names);
        SqliteStatement rows(db, "SELECT id, name, country FROM actors ORDER BY id");
        QHash<qint64, quint32> byId;
        while (rows.next()) {
            const std::string_view country = rows.text(2);
            byId.insert(rows.int64(0), quint32(set->actors.size()));
            set->actors.push_back(
                {names.idOf(rows.text(1)), country.empty() ? WorkingSet::kNoKey : codes.idOf(country)});
        }
        if (failed(rows, error)) {
            return nullptr;
        }
        Children<quint32> actors;
        actors.offsets.reserve(n + 1);
        SqliteStatement links(db, "SELECT event, actor FROM event_actors ORDER BY event, position");
        size_t cursor = 0;
        while (links.next()) {
            if (!positionOf(links.int64(0), cursor)) {
                continue;
            }
            while (actors.offsets.size() < cursor + 1) {
                actors.offsets.push_back(quint32(actors.values.size()));
            }
            actors.values.push_back(byId.value(links.int64(1)));
        }
        if (failed(links, error)) {
            return nullptr;
        }
        while (actors.offsets.size() < n + 1) {
            actors.offsets.push_back(quint32(actors.values.size()));
        }

        // Into time order (start, then rowid): a stable sort of the rowid order.
        std::vector<quint32> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](quint32 a, quint32 b) { return starts[a] < starts[b]; });
        const auto gather = [&](auto &out, const auto &in) {
            out.resize(n);
            for (size_t row = 0; row < n; ++row) {
                out[row] = in[order[row]];
            }
        };
        gather(set->rowids, rowids);
        gather(set->starts, starts);
        gather(set->coverEnds, coverEnds);
        gather(set->precisions, precisions);
        gather(set->ranges, ranges);
        gather(set->kinds, kinds);
        const auto gatherLists = [&](auto &offsets, auto &values, const auto &children) {
            offsets.reserve(n + 1);
            values.reserve(children.values.size());
            for (size_t row = 0; row < n; ++row) {
                const quint32 from = children.offsets[order[row]];
                const quint32 to = children.offsets[order[row] + 1];
                values.insert(values.end(), children.values.begin() + from, children.values.begin() + to);
                offsets.push_back(quint32(values.size()));
            }
        };
        gatherLists(set->countryOffsets, set->countryValues, countries);
        gatherLists(set->actorOffsets, set->actorValues, actors);
        set->titles.reserve(n, titles.memoryBytes());
        set->ids.reserve(n, ids.memoryBytes());
        for (size_t row = 0; row < n; ++row) {
            set->titles.append(titles.view(order[row]));
            set->ids.append(ids.view(order[row]));
        }
    }
    set->finish();
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
