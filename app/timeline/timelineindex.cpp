// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineindex.h"

#include "domain/countries.h"
#include "workingset/workingset.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <numeric>
#include <thread>

QString laneModeName(LaneMode mode)
{
    switch (mode) {
    case LaneMode::Country:
        return QStringLiteral("country");
    case LaneMode::Actor:
        return QStringLiteral("actor");
    case LaneMode::Kind:
        return QStringLiteral("kind");
    case LaneMode::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<LaneMode> laneModeFromName(QStringView name)
{
    for (const LaneMode mode : {LaneMode::Country, LaneMode::Actor, LaneMode::Kind, LaneMode::None}) {
        if (name.compare(laneModeName(mode), Qt::CaseInsensitive) == 0) {
            return mode;
        }
    }
    return std::nullopt;
}

EventTime coveredTime(qint64 start, qint64 coverEnd, Precision precision, quint8 shape)
{
    // The working set keeps no milliseconds (they only order events within their second): say the second.
    precision = std::min(precision, Precision::Second);
    // The last period a range covers starts one second before its cover end, rounded down to the precision.
    const qint64 last = TimePoint::periodStart(coverEnd - 1, precision);
    const quint8 qualifiers = WorkingSet::qualifiersOf(shape);
    EventTime time = (shape & WorkingSet::Range) || ((qualifiers & EventTime::Within) && last > start)
        ? EventTime(start, last, precision)
        : EventTime(start, precision);
    time.setQualifiers(qualifiers);
    return time;
}

EventTime TimelineItem::time() const
{
    return coveredTime(start, coverEnd, precision, WorkingSet::shapeOf(isRange, qualifiers));
}

QString TimelineIndex::laneLabel(LaneMode mode, const QString &key)
{
    switch (mode) {
    case LaneMode::Country:
        if (key.isEmpty()) {
            return QStringLiteral("No country");
        }
        return Countries::name(key).isEmpty() ? key : Countries::name(key);
    case LaneMode::Actor:
        return key.isEmpty() ? QStringLiteral("No actor") : key;
    case LaneMode::Kind:
        return key.isEmpty() ? QStringLiteral("Unspecified") : key.left(1).toUpper() + key.mid(1);
    case LaneMode::None:
        return QStringLiteral("All events");
    }
    return key;
}

TimelineIndex::TimelineIndex(std::shared_ptr<const WorkingSet> set, std::vector<quint32> rows, LaneMode mode)
    : m_mode(mode)
    , m_set(std::move(set))
    , m_rows(std::move(rows))
{
    build();
}

TimelineIndex::TimelineIndex(const std::vector<TimelineItem> &items, LaneMode mode, const QStringList &colourOrder)
    : m_mode(mode)
    , m_set(WorkingSet::fromItems(items, mode, colourOrder))
{
    m_rows.resize(m_set->size());
    std::iota(m_rows.begin(), m_rows.end(), 0);
    build();
}

void TimelineIndex::build()
{
    const WorkingSet &set = *m_set;
    // Lanes by key id: the rows are in time order, so each lane fills already sorted.
    const qsizetype keyCount = set.laneKeyCount(m_mode);
    std::vector<int> laneByKey(size_t(keyCount) + 1, -1); // the last one: the lane of events without a key
    std::vector<quint32> keys;
    // Two passes: the first counts each lane's events, so that the second fills arrays of the right size.
    std::vector<size_t> counts;
    const auto laneOf
        = [&](quint32 key) -> int & { return laneByKey[key == WorkingSet::kNoKey ? size_t(keyCount) : size_t(key)]; };
    for (const quint32 row : m_rows) {
        set.laneKeysOf(row, m_mode, keys);
        for (const quint32 key : keys) {
            int &lane = laneOf(key);
            if (lane < 0) {
                lane = int(m_lanes.size());
                const QString text = set.laneKey(m_mode, key);
                Lane fresh;
                fresh.key = text;
                fresh.label = laneLabel(m_mode, text);
                // The rank for now; slots are handed out below.
                fresh.colourSlot = key == WorkingSet::kNoKey ? -1 : int(set.colourRank(m_mode)[key]);
                m_lanes.push_back(std::move(fresh));
                counts.push_back(0);
            }
            ++counts[size_t(lane)];
        }
    }
    for (size_t lane = 0; lane < m_lanes.size(); ++lane) {
        m_lanes[lane].starts.reserve(counts[lane]);
        m_lanes[lane].coverEnds.reserve(counts[lane]);
        m_lanes[lane].items.reserve(counts[lane]);
    }
    for (quint32 item = 0; item < m_rows.size(); ++item) {
        const quint32 row = m_rows[item];
        set.laneKeysOf(row, m_mode, keys);
        for (const quint32 key : keys) {
            Lane &l = m_lanes[size_t(laneOf(key))];
            l.starts.push_back(set.starts[row]);
            l.coverEnds.push_back(set.coverEnds[row]);
            l.items.push_back(item);
        }
    }
    std::stable_sort(m_lanes.begin(), m_lanes.end(), [](const Lane &a, const Lane &b) {
        if (a.items.size() != b.items.size()) {
            return a.items.size() > b.items.size();
        }
        return a.label.localeAwareCompare(b.label) < 0;
    });

    // Each lane's buckets, the lanes shared between this thread and a second one when there are many events.
    const auto bucketLanes = [this](size_t first, size_t step) {
        for (size_t index = first; index < m_lanes.size(); index += step) {
            Lane &lane = m_lanes[index];
            std::array<size_t, 64> sizes{};
            const auto bucketOf = [&](size_t position) {
                const quint64 length = quint64(std::max<qint64>(1, lane.coverEnds[position] - lane.starts[position]));
                return size_t(63 - std::countl_zero(length));
            };
            for (size_t position = 0; position < lane.starts.size(); ++position) {
                ++sizes[bucketOf(position)];
            }
            std::array<Lane::Bucket, 64> byLength;
            for (size_t k = 0; k < byLength.size(); ++k) {
                byLength[k].starts.reserve(sizes[k]);
                byLength[k].positions.reserve(sizes[k]);
            }
            for (size_t position = 0; position < lane.starts.size(); ++position) {
                Lane::Bucket &bucket = byLength[bucketOf(position)];
                bucket.starts.push_back(lane.starts[position]);
                bucket.positions.push_back(quint32(position));
            }
            for (size_t k = 0; k < byLength.size(); ++k) {
                if (!byLength[k].starts.empty()) {
                    byLength[k].log2 = int(k);
                    lane.buckets.push_back(std::move(byLength[k]));
                }
            }
        }
    };
    if (m_rows.size() > 100'000 && m_lanes.size() > 1) {
        std::thread helper(bucketLanes, 1, 2);
        bucketLanes(0, 2);
        helper.join();
    } else {
        bucketLanes(0, 1);
    }

    // A key the whole timeline ranks keeps that slot; the others follow, in this index's lane order.
    int next = set.colourCount(m_mode);
    for (Lane &lane : m_lanes) {
        if (lane.colourSlot < 0) {
            lane.colourSlot = next++;
        }
    }

    if (!m_rows.empty()) {
        m_extent.start = set.starts[m_rows.front()];
        m_extent.end = m_extent.start + 1;
        for (const quint32 row : m_rows) {
            m_extent.end = std::max(m_extent.end, set.coverEnds[row]);
        }
    }
}

qint64 TimelineIndex::start(quint32 item) const
{
    return m_set->starts[m_rows[item]];
}

qint64 TimelineIndex::coverEnd(quint32 item) const
{
    return m_set->coverEnds[m_rows[item]];
}

bool TimelineIndex::isRange(quint32 item) const
{
    return (m_set->shapes[m_rows[item]] & WorkingSet::Range) != 0;
}

quint8 TimelineIndex::shape(quint32 item) const
{
    return m_set->shapes[m_rows[item]];
}

bool TimelineIndex::isVague(quint32 item) const
{
    return WorkingSet::qualifiersOf(shape(item)) != 0;
}

EventTime TimelineIndex::time(quint32 item) const
{
    const quint32 row = m_rows[item];
    return coveredTime(m_set->starts[row], m_set->coverEnds[row], m_set->precisions[row], m_set->shapes[row]);
}

QString TimelineIndex::title(quint32 item) const
{
    return m_set->title(m_rows[item]);
}

QString TimelineIndex::id(quint32 item) const
{
    return m_set->id(m_rows[item]);
}

int TimelineIndex::laneCount(quint32 item) const
{
    std::vector<quint32> keys;
    m_set->laneKeysOf(m_rows[item], m_mode, keys);
    return int(keys.size());
}

int TimelineIndex::laneOf(const QString &key) const
{
    for (size_t i = 0; i < m_lanes.size(); ++i) {
        if (m_lanes[i].key == key) {
            return int(i);
        }
    }
    return -1;
}

std::optional<quint32> TimelineIndex::itemOfRow(quint32 row) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), row);
    if (it == m_rows.end() || *it != row) {
        return std::nullopt;
    }
    return quint32(it - m_rows.begin());
}

std::optional<quint32> TimelineIndex::itemById(const QString &id) const
{
    if (id.isEmpty() || !m_set) {
        return std::nullopt;
    }
    if (id != m_lastId) {
        const std::optional<quint32> row = m_set->rowOfId(id);
        m_lastId = id;
        m_lastItem = row ? itemOfRow(*row) : std::nullopt;
    }
    return m_lastItem;
}

std::vector<quint32> TimelineIndex::overlapping(const Lane &lane, const TimeScale::Range &range)
{
    std::vector<quint32> result;
    for (const Lane::Bucket &bucket : lane.buckets) {
        // Entries here last less than 2^(log2 + 1) seconds, so one that overlaps began no earlier than that
        // before the range.
        const qint64 reach = bucket.log2 >= 62 ? std::numeric_limits<qint64>::max() : (qint64(1) << (bucket.log2 + 1));
        const qint64 from = range.start < std::numeric_limits<qint64>::min() + reach
            ? std::numeric_limits<qint64>::min()
            : range.start - reach;
        const auto first = std::lower_bound(bucket.starts.begin(), bucket.starts.end(), from);
        const auto last = std::lower_bound(first, bucket.starts.end(), range.end);
        for (auto it = first; it != last; ++it) {
            const quint32 position = bucket.positions[size_t(it - bucket.starts.begin())];
            if (lane.coverEnds[position] > range.start) {
                result.push_back(position);
            }
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

size_t TimelineIndex::countStarting(const Lane &lane, qint64 from, qint64 to)
{
    const auto a = std::lower_bound(lane.starts.begin(), lane.starts.end(), from);
    const auto b = std::lower_bound(a, lane.starts.end(), to);
    return size_t(b - a);
}
