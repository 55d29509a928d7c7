// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventtime.h"
#include "timeline/timescale.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// How the timeline splits into horizontal lanes.
enum class LaneMode : quint8 { Country, Actor, Kind, None };
QString laneModeName(LaneMode mode);
std::optional<LaneMode> laneModeFromName(QStringView name);

// What the timeline needs of an event: much less than an Event, so that a million fit in memory.
struct TimelineItem {
    QString id;
    QString title;
    qint64 start = 0;
    qint64 coverEnd = 1; // exclusive end of all the event covers (EventTime::coverEnd)
    Precision precision = Precision::Day;
    bool isRange = false;
    QStringList laneKeys; // the lanes the event shows in (several countries: several lanes)

    // The event's time again, for labels and tooltips.
    EventTime time() const;
};

// The compact, sorted in-memory index that painting reads. Built once per filter and lane mode; a frame then
// costs binary searches over what is visible, never a walk over every event.
class TimelineIndex {
public:
    struct Lane {
        QString key; // alpha-2 code, actor name, kind, or empty
        QString label; // what the lane header says
        int colourSlot = 0; // which palette colour the lane wears
        // One entry per event in the lane, sorted by start.
        std::vector<qint64> starts;
        std::vector<qint64> coverEnds;
        std::vector<quint32> items; // index into items()
        // The same entries grouped by how long they last (bucket k: from 2^k to 2^(k+1) seconds), each group
        // sorted by start. A view then finds what began before it and still runs in 64 binary searches, however
        // long the longest event: a 13.8-billion-year range does not make every frame walk the lane.
        struct Bucket {
            int log2 = 0;
            std::vector<qint64> starts;
            std::vector<quint32> positions; // into the lane's arrays
        };
        std::vector<Bucket> buckets;
    };

    TimelineIndex() = default;
    // Lanes come in order of how many events they hold, most first, then by label. A lane's colour slot is the
    // place of its key in `colourOrder` (keys in order of the whole timeline, so that a lane keeps its colour under
    // every filter), or follows it for keys not there; an empty `colourOrder` means this index's own lane order.
    TimelineIndex(std::vector<TimelineItem> items, LaneMode mode, const QStringList &colourOrder = {});

    LaneMode mode() const { return m_mode; }
    const std::vector<TimelineItem> &items() const { return m_items; }
    const std::vector<Lane> &lanes() const { return m_lanes; }
    int laneOf(const QString &key) const; // -1 when there is no such lane
    bool isEmpty() const { return m_items.empty(); }
    // From the earliest start to the latest cover end; {0, 1} when empty.
    TimeScale::Range extent() const { return m_extent; }
    std::optional<quint32> itemById(const QString &id) const;

    // The positions in a lane's arrays of the entries that overlap `range`, in order of start.
    static std::vector<quint32> overlapping(const Lane &lane, const TimeScale::Range &range);
    // How many entries of a lane start in [from, to).
    static size_t countStarting(const Lane &lane, qint64 from, qint64 to);

    static QString laneLabel(LaneMode mode, const QString &key);

private:
    LaneMode m_mode = LaneMode::Country;
    std::vector<TimelineItem> m_items;
    std::vector<Lane> m_lanes;
    TimeScale::Range m_extent;
};
