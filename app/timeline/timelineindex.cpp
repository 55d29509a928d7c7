// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineindex.h"

#include "domain/countries.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <numeric>

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

EventTime TimelineItem::time() const
{
    if (!isRange) {
        return EventTime(start, precision);
    }
    // The last period the range covers starts one second before its cover end, rounded down to the precision.
    const qint64 last = TimePoint::parse(TimePoint::toIso(coverEnd - 1, precision))->seconds;
    return EventTime(start, last, precision);
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

TimelineIndex::TimelineIndex(std::vector<TimelineItem> items, LaneMode mode, const QStringList &colourOrder)
    : m_mode(mode)
    , m_items(std::move(items))
{
    // Every event in time order, so that each lane fills already sorted.
    std::vector<quint32> order(m_items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [this](quint32 a, quint32 b) { return m_items[a].start < m_items[b].start; });

    QHash<QString, int> laneByKey;
    const QStringList none{QString()};
    for (const quint32 i : order) {
        const TimelineItem &item = m_items[i];
        const QStringList &keys = (mode == LaneMode::None || item.laneKeys.isEmpty()) ? none : item.laneKeys;
        for (const QString &key : keys) {
            auto it = laneByKey.find(key);
            if (it == laneByKey.end()) {
                it = laneByKey.insert(key, int(m_lanes.size()));
                m_lanes.push_back({key, laneLabel(mode, key), 0, {}, {}, {}, {}});
            }
            Lane &lane = m_lanes[size_t(*it)];
            lane.starts.push_back(item.start);
            lane.coverEnds.push_back(item.coverEnd);
            lane.items.push_back(i);
        }
    }
    std::stable_sort(m_lanes.begin(), m_lanes.end(), [](const Lane &a, const Lane &b) {
        if (a.items.size() != b.items.size()) {
            return a.items.size() > b.items.size();
        }
        return a.label.localeAwareCompare(b.label) < 0;
    });

    for (Lane &lane : m_lanes) {
        std::array<Lane::Bucket, 64> byLength;
        for (size_t position = 0; position < lane.starts.size(); ++position) {
            const quint64 length = quint64(std::max<qint64>(1, lane.coverEnds[position] - lane.starts[position]));
            Lane::Bucket &bucket = byLength[size_t(63 - std::countl_zero(length))];
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

    int next = int(colourOrder.size());
    for (Lane &lane : m_lanes) {
        const qsizetype slot = colourOrder.indexOf(lane.key);
        lane.colourSlot = slot >= 0 ? int(slot) : next++;
    }

    if (!m_items.empty()) {
        m_extent.start = m_items[order.front()].start;
        m_extent.end = m_extent.start + 1;
        for (const TimelineItem &item : m_items) {
            m_extent.end = std::max(m_extent.end, item.coverEnd);
        }
    }
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

std::optional<quint32> TimelineIndex::itemById(const QString &id) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].id == id) {
            return quint32(i);
        }
    }
    return std::nullopt;
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
