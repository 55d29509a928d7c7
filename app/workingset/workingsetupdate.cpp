// SPDX-License-Identifier: GPL-3.0-or-later
#include "workingsetupdate.h"

#include "storage/sqlitestatement.h"
#include "workingset/workingset.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace {

bool failed(const SqliteStatement &statement, QString *error)
{
    if (statement.done()) {
        return false;
    }
    *error = statement.errorString();
    return true;
}

// An event read again, as a row of the set to be.
struct FreshRow {
    qint64 rowid = 0;
    qint64 start = 0;
    qint64 coverEnd = 0;
    qint64 millisecond = 0;
    Precision precision = Precision::Day;
    quint8 shape = 0;
    quint16 kind = 0;
    std::vector<quint16> countries;
    std::vector<quint32> actors;
    QString title;
    QString id;
};

// The set's dictionaries, looked up by their keys, growing by the keys an edit brings. Ids already given keep their
// numbers, so that the rows taken over from the set before need no change.
class Dictionaries {
public:
    explicit Dictionaries(WorkingSet &set)
        : m_set(set)
    {
        for (qsizetype i = 0; i < set.countryKeys.size(); ++i) {
            m_countries.insert(set.countryKeys[i], quint16(i));
        }
        for (qsizetype i = 0; i < set.kindKeys.size(); ++i) {
            m_kinds.insert(asciiFolded(set.kindKeys[i]), quint16(i));
        }
    }

    std::optional<quint16> country(const QString &code)
    {
        if (const auto it = m_countries.constFind(code); it != m_countries.constEnd()) {
            return *it;
        }
        if (m_set.countryKeys.size() >= 0xFFFF) {
            return std::nullopt;
        }
        const auto id = quint16(m_set.countryKeys.size());
        m_set.countryKeys << code;
        m_countries.insert(code, id);
        return id;
    }

    std::optional<quint16> kind(const QString &kind)
    {
        const QByteArray folded = asciiFolded(kind);
        if (const auto it = m_kinds.constFind(folded); it != m_kinds.constEnd()) {
            return *it;
        }
        if (m_set.kindKeys.size() >= 0xFFFF) {
            return std::nullopt;
        }
        const auto id = quint16(m_set.kindKeys.size());
        m_set.kindKeys << kind;
        m_kinds.insert(folded, id);
        return id;
    }

    quint32 actor(const QString &name, const QString &countryCode)
    {
        if (!m_actorsIndexed) {
            // Only when an edit names actors: a million-event set has a great many.
            for (qsizetype i = 0; i < m_set.names.size(); ++i) {
                m_names.insert(m_set.names[i], quint32(i));
            }
            for (size_t i = 0; i < m_set.actors.size(); ++i) {
                m_actors.insert(key(m_set.actors[i]), quint32(i));
            }
            m_actorsIndexed = true;
        }
        auto nameId = m_names.constFind(name);
        if (nameId == m_names.constEnd()) {
            nameId = m_names.insert(name, quint32(m_set.names.size()));
            m_set.names << name;
        }
        const WorkingSet::Actor actor{
            *nameId, countryCode.isEmpty() ? WorkingSet::kNoKey : country(countryCode).value_or(WorkingSet::kNoKey)};
        if (const auto it = m_actors.constFind(key(actor)); it != m_actors.constEnd()) {
            return *it;
        }
        const auto id = quint32(m_set.actors.size());
        m_set.actors.push_back(actor);
        m_actors.insert(key(actor), id);
        return id;
    }

private:
    static quint64 key(const WorkingSet::Actor &actor) { return quint64(actor.name) << 32 | actor.country; }

    WorkingSet &m_set;
    QHash<QString, quint16> m_countries;
    QHash<QByteArray, quint16> m_kinds;
    QHash<QString, quint32> m_names;
    QHash<quint64, quint32> m_actors;
    bool m_actorsIndexed = false;
};

// The events with these ids as the file holds them now; an id with no event (deleted) gives none.
bool readRows(
    sqlite3 *db, const QStringList &ids, Dictionaries &dictionaries, std::vector<FreshRow> &out, QString *error)
{
    SqliteStatement event(db,
        "SELECT rowid, title, start_s, end_s, cover_end, precision, kind, qualifiers, start_ms FROM events "
        "WHERE id = ?");
    SqliteStatement countries(db, "SELECT country FROM event_countries WHERE event = ? ORDER BY country");
    SqliteStatement actors(db,
        "SELECT a.name, a.country FROM event_actors ea JOIN actors a ON a.id = ea.actor WHERE ea.event = ? "
        "ORDER BY ea.position");
    for (const QString &id : ids) {
        event.bind(id);
        if (!event.next()) {
            if (failed(event, error)) {
                return false;
            }
            event.reset();
            continue;
        }
        FreshRow row;
        row.id = id;
        row.rowid = event.int64(0);
        row.title = event.string(1);
        row.start = event.int64(2);
        const bool range = !event.isNull(3) && event.int64(3) != row.start;
        row.coverEnd = event.int64(4);
        row.precision = Precision(std::clamp<qint64>(event.int64(5), 0, qint64(Precision::Millisecond)));
        const QString kind = event.string(6);
        row.shape = WorkingSet::shapeOf(range, quint8(event.int64(7) & EventTime::kQualifierBits));
        row.millisecond = std::clamp<qint64>(event.int64(8), 0, 999);
        event.reset();
        const std::optional<quint16> kindId = dictionaries.kind(kind);
        if (!kindId) {
            *error = QStringLiteral("the timeline has more than 65,535 kinds");
            return false;
        }
        row.kind = *kindId;
        countries.bind(row.rowid);
        while (countries.next()) {
            const std::optional<quint16> country = dictionaries.country(countries.string(0));
            if (!country) {
                *error = QStringLiteral("the timeline has more than 65,535 countries");
                return false;
            }
            row.countries.push_back(*country);
        }
        if (failed(countries, error)) {
            return false;
        }
        countries.reset();
        actors.bind(row.rowid);
        while (actors.next()) {
            row.actors.push_back(dictionaries.actor(actors.string(0), actors.string(1)));
        }
        if (failed(actors, error)) {
            return false;
        }
        actors.reset();
        out.push_back(std::move(row));
    }
    return true;
}

constexpr quint32 kFresh = 0x80000000u; // in a merged order: a fresh row, not one of the set before

} // namespace

namespace WorkingSetUpdate {

bool readMarks(sqlite3 *db, WorkingSet &set, QString *error)
{
    set.marks.assign(set.size(), 0);
    set.markTagRows.clear();
    set.markTagValues.clear();
    set.markTagKeys.clear();
    const auto mark = [&](const char *sql, quint8 bit) {
        SqliteStatement rows(db, sql);
        while (rows.next()) {
            if (const std::optional<quint32> row = set.rowOfRowid(rows.int64(0))) {
                set.marks[*row] |= bit;
            }
        }
        return !failed(rows, error);
    };
    if (!mark("SELECT e.rowid FROM stars s JOIN events e ON e.id = s.event", WorkingSet::Starred)
        || !mark("SELECT rowid FROM events WHERE id IN (SELECT event FROM notes)", WorkingSet::Noted)
        || !mark("SELECT rowid FROM events WHERE id IN (SELECT source FROM links UNION SELECT target FROM links)",
            WorkingSet::Linked)) {
        return false;
    }
    QHash<QByteArray, quint32> tagIds; // by the tag folded as NOCASE folds it
    std::vector<std::pair<quint32, quint32>> tagged; // row, tag
    SqliteStatement tags(db, "SELECT e.rowid, m.tag FROM marks_tags m JOIN events e ON e.id = m.event");
    while (tags.next()) {
        const std::optional<quint32> row = set.rowOfRowid(tags.int64(0));
        if (!row) {
            continue;
        }
        const QString tag = tags.string(1);
        const QByteArray folded = asciiFolded(tag);
        auto id = tagIds.constFind(folded);
        if (id == tagIds.constEnd()) {
            id = tagIds.insert(folded, quint32(set.markTagKeys.size()));
            set.markTagKeys << tag;
        }
        tagged.emplace_back(*row, *id);
    }
    if (failed(tags, error)) {
        return false;
    }
    std::sort(tagged.begin(), tagged.end());
    tagged.erase(std::unique(tagged.begin(), tagged.end()), tagged.end());
    for (const auto &[row, tag] : tagged) {
        set.marks[row] |= WorkingSet::Tagged;
        set.markTagRows.push_back(row);
        set.markTagValues.push_back(tag);
    }
    return true;
}

std::shared_ptr<const WorkingSet> apply(sqlite3 *db, const WorkingSet &before, const QStringList &ids, QString *error)
{
    auto set = std::make_shared<WorkingSet>();
    set->countryKeys = before.countryKeys;
    set->kindKeys = before.kindKeys;
    set->names = before.names;
    set->actors = before.actors;
    Dictionaries dictionaries(*set);

    // The rows of the set before that these ids name go; what the file holds of them now comes in.
    QSet<QByteArray> wanted;
    for (const QString &id : ids) {
        wanted.insert(id.toUtf8());
    }
    std::vector<char> gone(before.size(), 0);
    for (size_t place = 0; place < before.ids.size(); ++place) {
        const std::string_view id = before.ids.view(place);
        if (wanted.contains(QByteArray::fromRawData(id.data(), qsizetype(id.size())))) {
            gone[before.rowsByRowid[place]] = 1;
        }
    }
    std::vector<FreshRow> fresh;
    if (!readRows(db, ids, dictionaries, fresh, error)) {
        return nullptr;
    }

    // Rowid order: the titles' and ids' places.
    std::vector<quint32> byRowid(fresh.size());
    std::iota(byRowid.begin(), byRowid.end(), 0);
    std::sort(byRowid.begin(), byRowid.end(), [&](quint32 a, quint32 b) { return fresh[a].rowid < fresh[b].rowid; });
    std::vector<quint32> oldPlace(before.size()), freshPlace(fresh.size());
    {
        size_t next = 0;
        quint32 place = 0;
        const auto takeFresh = [&] {
            const FreshRow &row = fresh[byRowid[next]];
            set->titles.append(row.title);
            set->ids.append(row.id);
            freshPlace[byRowid[next++]] = place++;
        };
        for (const quint32 row : before.rowsByRowid) {
            if (gone[row]) {
                continue;
            }
            while (next < fresh.size() && fresh[byRowid[next]].rowid < before.rowids[row]) {
                takeFresh();
            }
            if (!set->titles.append(before.titleBytes(row))
                || !set->ids.append(before.ids.view(before.rowidPlace[row]))) {
                *error = QStringLiteral("the titles and ids are too long to hold in memory (over 4 GB)");
                return nullptr;
            }
            oldPlace[row] = place++;
        }
        while (next < fresh.size()) {
            takeFresh();
        }
    }

    // Time order: the rows kept are in it already; the fresh ones go in by start, then millisecond, then rowid.
    std::vector<quint32> freshOrder(fresh.size());
    std::iota(freshOrder.begin(), freshOrder.end(), 0);
    std::sort(freshOrder.begin(), freshOrder.end(), [&](quint32 a, quint32 b) {
        const FreshRow &x = fresh[a];
        const FreshRow &y = fresh[b];
        return std::tie(x.start, x.millisecond, x.rowid) < std::tie(y.start, y.millisecond, y.rowid);
    });
    std::vector<quint32> order;
    order.reserve(before.size() + fresh.size());
    {
        size_t next = 0;
        for (quint32 row = 0; row < before.size(); ++row) {
            if (gone[row]) {
                continue;
            }
            while (next < fresh.size()
                && std::tuple(fresh[freshOrder[next]].start, fresh[freshOrder[next]].millisecond,
                       fresh[freshOrder[next]].rowid)
                    < std::tuple(before.starts[row], qint64(before.startMilliseconds[row]), before.rowids[row])) {
                order.push_back(freshOrder[next++] | kFresh);
            }
            order.push_back(row);
        }
        while (next < fresh.size()) {
            order.push_back(freshOrder[next++] | kFresh);
        }
    }

    const size_t n = order.size();
    set->rowidPlace.reserve(n);
    set->rowids.reserve(n);
    set->starts.reserve(n);
    set->startMilliseconds.reserve(n);
    set->coverEnds.reserve(n);
    set->precisions.reserve(n);
    set->shapes.reserve(n);
    set->kinds.reserve(n);
    set->countryOffsets.reserve(n + 1);
    set->actorOffsets.reserve(n + 1);
    for (const quint32 entry : order) {
        if (entry & kFresh) {
            const quint32 i = entry & ~kFresh;
            const FreshRow &row = fresh[i];
            set->rowids.push_back(row.rowid);
            set->starts.push_back(row.start);
            set->startMilliseconds.push_back(quint16(row.millisecond));
            set->coverEnds.push_back(row.coverEnd);
            set->precisions.push_back(row.precision);
            set->shapes.push_back(row.shape);
            set->kinds.push_back(row.kind);
            set->countryValues.insert(set->countryValues.end(), row.countries.begin(), row.countries.end());
            set->actorValues.insert(set->actorValues.end(), row.actors.begin(), row.actors.end());
            set->rowidPlace.push_back(freshPlace[i]);
        } else {
            set->rowids.push_back(before.rowids[entry]);
            set->starts.push_back(before.starts[entry]);
            set->startMilliseconds.push_back(before.startMilliseconds[entry]);
            set->coverEnds.push_back(before.coverEnds[entry]);
            set->precisions.push_back(before.precisions[entry]);
            set->shapes.push_back(before.shapes[entry]);
            set->kinds.push_back(before.kinds[entry]);
            const std::span<const quint16> countries = before.countriesOf(entry);
            const std::span<const quint32> actors = before.actorsOf(entry);
            set->countryValues.insert(set->countryValues.end(), countries.begin(), countries.end());
            set->actorValues.insert(set->actorValues.end(), actors.begin(), actors.end());
            set->rowidPlace.push_back(oldPlace[entry]);
        }
        set->countryOffsets.push_back(quint32(set->countryValues.size()));
        set->actorOffsets.push_back(quint32(set->actorValues.size()));
    }
    set->finish(before);
    if (!readMarks(db, *set, error)) {
        return nullptr;
    }
    return set;
}

} // namespace WorkingSetUpdate
