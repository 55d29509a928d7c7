// SPDX-License-Identifier: GPL-3.0-or-later
#include "workingset.h"

#include "timeline/timelineindex.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <numeric>

namespace {

template <typename T>
size_t bytesOf(const std::vector<T> &values)
{
    return values.capacity() * sizeof(T);
}

// The place of each key under `counts`, most first, then by key.
std::vector<quint32> rankByCount(const std::vector<quint32> &counts, const QStringList &keys)
{
    std::vector<quint32> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        if (counts[a] != counts[b]) {
            return counts[a] > counts[b];
        }
        return keys[a] < keys[b];
    });
    std::vector<quint32> rank(counts.size());
    for (size_t place = 0; place < order.size(); ++place) {
        rank[order[place]] = quint32(place);
    }
    return rank;
}

} // namespace

bool StringArena::append(std::string_view utf8)
{
    if (m_data.size() + utf8.size() > std::numeric_limits<quint32>::max()) {
        return false;
    }
    m_data.insert(m_data.end(), utf8.begin(), utf8.end());
    m_offsets.push_back(quint32(m_data.size()));
    return true;
}

bool StringArena::append(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return append(std::string_view(utf8.constData(), size_t(utf8.size())));
}

bool StringArena::append(const StringArena &other)
{
    if (m_data.size() + other.m_data.size() > std::numeric_limits<quint32>::max()) {
        return false;
    }
    const auto shift = quint32(m_data.size());
    m_data.insert(m_data.end(), other.m_data.begin(), other.m_data.end());
    m_offsets.reserve(m_offsets.size() + other.size());
    for (size_t i = 1; i < other.m_offsets.size(); ++i) {
        m_offsets.push_back(other.m_offsets[i] + shift);
    }
    return true;
}

void StringArena::reserve(size_t count, size_t bytes)
{
    m_offsets.reserve(count + 1);
    m_data.reserve(bytes);
}

QString StringArena::at(size_t i) const
{
    const std::string_view text = view(i);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

size_t StringArena::memoryBytes() const
{
    return bytesOf(m_data) + bytesOf(m_offsets);
}

QByteArray asciiFolded(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    for (char &c : utf8) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return utf8;
}

std::optional<quint32> WorkingSet::rowOfRowid(qint64 rowid) const
{
    const auto it = std::lower_bound(rowsByRowid.begin(), rowsByRowid.end(), rowid,
        [this](quint32 row, qint64 value) { return rowids[row] < value; });
    if (it == rowsByRowid.end() || rowids[*it] != rowid) {
        return std::nullopt;
    }
    return *it;
}

std::optional<quint32> WorkingSet::rowOfId(const QString &id) const
{
    if (id.isEmpty()) {
        return std::nullopt;
    }
    const QByteArray utf8 = id.toUtf8();
    const std::string_view wanted(utf8.constData(), size_t(utf8.size()));
    for (quint32 place = 0; place < ids.size(); ++place) {
        if (ids.view(place) == wanted) {
            return rowsByRowid[place];
        }
    }
    return std::nullopt;
}

void WorkingSet::laneKeysOf(quint32 row, LaneMode mode, std::vector<quint32> &out) const
{
    out.clear();
    switch (mode) {
    case LaneMode::Country:
        for (const quint16 country : countriesOf(row)) {
            out.push_back(country);
        }
        break;
    case LaneMode::Actor:
        // Two actors of one name (a ministry of two countries) make one lane, and the event shows once.
        for (const quint32 actor : actorsOf(row)) {
            const quint32 name = actors[actor].name;
            if (std::find(out.begin(), out.end(), name) == out.end()) {
                out.push_back(name);
            }
        }
        break;
    case LaneMode::Kind:
        out.push_back(kinds[row]);
        break;
    case LaneMode::None:
        break;
    }
    if (out.empty()) {
        out.push_back(kNoKey);
    }
}

QString WorkingSet::laneKey(LaneMode mode, quint32 key) const
{
    if (key == kNoKey) {
        return {};
    }
    switch (mode) {
    case LaneMode::Country:
        return countryKeys.value(qsizetype(key));
    case LaneMode::Actor:
        return names.value(qsizetype(key));
    case LaneMode::Kind:
        return kindKeys.value(qsizetype(key));
    case LaneMode::None:
        break;
    }
    return {};
}

qsizetype WorkingSet::laneKeyCount(LaneMode mode) const
{
    switch (mode) {
    case LaneMode::Country:
        return countryKeys.size();
    case LaneMode::Actor:
        return names.size();
    case LaneMode::Kind:
        return kindKeys.size();
    case LaneMode::None:
        break;
    }
    return 0;
}

QStringList WorkingSet::laneOrder(LaneMode mode) const
{
    const std::vector<quint32> &rank = colourRank(mode);
    std::vector<std::pair<quint32, quint32>> placed; // rank, key
    for (quint32 key = 0; key < rank.size(); ++key) {
        if (rank[key] != kNoKey) {
            placed.emplace_back(rank[key], key);
        }
    }
    std::sort(placed.begin(), placed.end());
    QStringList keys;
    for (const auto &[place, key] : placed) {
        keys << laneKey(mode, key);
    }
    return keys;
}

void WorkingSet::finish(const WorkingSet &before)
{
    // The names `before` folded already are folded the same.
    foldedNames.assign(before.foldedNames.begin(),
        before.foldedNames.begin() + std::min<qsizetype>(names.size(), qsizetype(before.foldedNames.size())));
    finishRows();
    for (size_t mode = 0; mode < std::size(m_colourRank); ++mode) {
        m_colourRank[mode] = before.m_colourRank[mode];
        m_colourRank[mode].resize(size_t(laneKeyCount(LaneMode(mode))), kNoKey);
        m_colourCount[mode] = before.m_colourCount[mode];
    }
}

void WorkingSet::finishRows()
{
    marks.resize(size(), 0);
    startMilliseconds.resize(size(), 0); // sets made from items (tests, the painting benchmark) have none
    foldedNames.reserve(size_t(names.size()));
    for (qsizetype name = qsizetype(foldedNames.size()); name < names.size(); ++name) {
        foldedNames.push_back(asciiFolded(names[name]));
    }
    rowsByRowid.resize(size());
    for (quint32 row = 0; row < size(); ++row) {
        rowsByRowid[rowidPlace[row]] = row;
    }
    m_hasQualifiedDates
        = std::any_of(shapes.begin(), shapes.end(), [](quint8 shape) { return qualifiersOf(shape) != 0; });
}

void WorkingSet::finish(const std::vector<QStringList> &colourOrders)
{
    foldedNames.clear();
    finishRows();

    std::vector<quint32> keys;
    for (const LaneMode mode : {LaneMode::Country, LaneMode::Actor, LaneMode::Kind, LaneMode::None}) {
        std::vector<quint32> &rank = m_colourRank[size_t(mode)];
        const qsizetype count = laneKeyCount(mode);
        const size_t which = size_t(mode);
        if (which < colourOrders.size() && !colourOrders[which].isEmpty()) {
            // An order given from outside: keys it does not name follow, in the order the index meets them.
            QHash<QString, quint32> place;
            for (qsizetype i = 0; i < colourOrders[which].size(); ++i) {
                place.insert(colourOrders[which][i], quint32(i));
            }
            m_colourCount[which] = int(colourOrders[which].size());
            rank.assign(size_t(count), kNoKey);
            for (qsizetype key = 0; key < count; ++key) {
                rank[size_t(key)] = place.value(laneKey(mode, quint32(key)), kNoKey);
            }
            continue;
        }
        // Events per key: straight from the value arrays, except for actors, whose names count once an event.
        std::vector<quint32> counts(size_t(count), 0);
        if (mode == LaneMode::Country) {
            for (const quint16 country : countryValues) {
                ++counts[country];
            }
        } else if (mode == LaneMode::Kind) {
            for (const quint16 kind : kinds) {
                ++counts[kind];
            }
        } else if (mode == LaneMode::Actor) {
            for (quint32 row = 0; row < size(); ++row) {
                laneKeysOf(row, mode, keys);
                for (const quint32 key : keys) {
                    if (key != kNoKey) {
                        ++counts[key];
                    }
                }
            }
        }
        QStringList labels;
        for (qsizetype key = 0; key < count; ++key) {
            labels << laneKey(mode, quint32(key));
        }
        rank = rankByCount(counts, labels);
        m_colourCount[which] = int(count);
    }
}

size_t WorkingSet::memoryBytes() const
{
    size_t bytes = bytesOf(rowids) + bytesOf(starts) + bytesOf(startMilliseconds) + bytesOf(coverEnds)
        + bytesOf(precisions) + bytesOf(shapes) + bytesOf(kinds) + bytesOf(countryOffsets) + bytesOf(countryValues)
        + bytesOf(actorOffsets) + bytesOf(actorValues) + titles.memoryBytes() + ids.memoryBytes() + bytesOf(rowsByRowid)
        + bytesOf(rowidPlace) + bytesOf(actors) + bytesOf(marks) + bytesOf(markTagRows) + bytesOf(markTagValues);
    for (const auto &rank : m_colourRank) {
        bytes += bytesOf(rank);
    }
    for (const QString &name : names) {
        bytes += size_t(name.size()) * 2 + 32;
    }
    return bytes;
}

std::shared_ptr<const WorkingSet> WorkingSet::fromItems(
    const std::vector<TimelineItem> &items, LaneMode mode, const QStringList &colourOrder)
{
    auto set = std::make_shared<WorkingSet>();
    std::vector<quint32> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](quint32 a, quint32 b) { return items[a].start < items[b].start; });
    QHash<QString, quint32> countryIds, nameIds, kindIds;
    const auto idOf = [](QHash<QString, quint32> &ids, QStringList &keys, const QString &key) {
        auto it = ids.find(key);
        if (it == ids.end()) {
            it = ids.insert(key, quint32(keys.size()));
            keys << key;
        }
        return *it;
    };
    if (mode != LaneMode::Kind) {
        idOf(kindIds, set->kindKeys, QString());
    }
    for (const quint32 i : order) {
        const TimelineItem &item = items[i];
        set->rowids.push_back(qint64(i) + 1);
        set->starts.push_back(item.start);
        set->coverEnds.push_back(item.coverEnd);
        set->precisions.push_back(item.precision);
        set->shapes.push_back(shapeOf(item.isRange, item.qualifiers));
        set->rowidPlace.push_back(i);
        quint16 kind = 0;
        for (const QString &key : item.laneKeys) {
            if (mode == LaneMode::Country) {
                set->countryValues.push_back(quint16(idOf(countryIds, set->countryKeys, key)));
            } else if (mode == LaneMode::Actor) {
                set->actorValues.push_back(quint32(set->actors.size()));
                set->actors.push_back({idOf(nameIds, set->names, key), WorkingSet::kNoKey});
            }
        }
        if (mode == LaneMode::Kind) {
            kind = quint16(idOf(kindIds, set->kindKeys, item.laneKeys.value(0)));
        }
        set->kinds.push_back(kind);
        set->countryOffsets.push_back(quint32(set->countryValues.size()));
        set->actorOffsets.push_back(quint32(set->actorValues.size()));
    }
    for (const TimelineItem &item : items) {
        set->titles.append(item.title);
        set->ids.append(item.id);
    }
    std::vector<QStringList> orders(4);
    orders[size_t(mode)] = colourOrder;
    set->finish(orders);
    return set;
}
