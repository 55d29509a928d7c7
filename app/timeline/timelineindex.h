// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventtime.h"
#include "timeline/timescale.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class WorkingSet;

// How the timeline splits into horizontal lanes.
enum class LaneMode : quint8 { Country, Actor, Kind, None };
QString laneModeName(LaneMode mode);
std::optional<LaneMode> laneModeFromName(QStringView name);

// The time an event covers, again as an EventTime, for labels and tooltips: from its start, cover end, precision and
// shape (WorkingSet::Shape bits), with its qualifiers.
EventTime coveredTime(qint64 start, qint64 coverEnd, Precision precision, quint8 shape);

// An event as tests and the painting benchmark give one to TimelineIndex; the window's come from a WorkingSet.
struct TimelineItem {
    QString id;
    QString title;
    qint64 start = 0;
    qint64 coverEnd = 1; // exclusive end of all the event covers (EventTime::coverEnd)
    Precision precision = Precision::Day;
    bool isRange = false;
    quint8 qualifiers = 0; // EventTime::Qualifier bits
    QStringList laneKeys; // the lanes the event shows in (several countries: several lanes)

    // The event's time again, for labels and tooltips.
    EventTime time() const;
};

// The compact, sorted in-memory index that painting reads: the rows of a WorkingSet that a filter keeps, in time
// order, split into lanes. Built once per filter and lane mode, off the window's thread; a frame then costs binary
// searches over what is visible, never a walk over every event. An item is a place in rows(): item 0 is the
// earliest event kept.
class TimelineIndex {
public:
    struct Lane {
        QString key; // alpha-2 code, actor name, kind, or empty
        QString label; // what the lane header says
        int colourSlot = 0; // which palette colour the lane wears
        // One entry per event in the lane, sorted by start.
        std::vector<qint64> starts;
        std::vector<qint64> coverEnds;
        std::vector<quint32> items; // items of the index
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
    // `rows` ascending (so in time order). Lanes come in order of how many events they hold, most first, then by
    // label; a lane's colour slot is its key's place in the whole timeline (WorkingSet::colourRank), so that it
    // keeps its colour under every filter.
    TimelineIndex(std::shared_ptr<const WorkingSet> set, std::vector<quint32> rows, LaneMode mode);
    // All of `items`, with colours in the order of `colourOrder` (keys not there follow; empty: this index's own
    // lane order).
    TimelineIndex(const std::vector<TimelineItem> &items, LaneMode mode, const QStringList &colourOrder = {});

    LaneMode mode() const { return m_mode; }
    size_t size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.empty(); }
    const std::vector<quint32> &rows() const { return m_rows; }
    const WorkingSet *workingSet() const { return m_set.get(); }

    qint64 start(quint32 item) const;
    qint64 coverEnd(quint32 item) const;
    bool isRange(quint32 item) const;
    quint8 shape(quint32 item) const; // WorkingSet::Shape bits
    // Whether the source is not sure of the item's date (approximate, uncertain, or somewhere within a span).
    bool isVague(quint32 item) const;
    EventTime time(quint32 item) const;
    QString title(quint32 item) const;
    QString id(quint32 item) const;
    // How many lanes the item shows in (an event of three countries: three).
    int laneCount(quint32 item) const;

    const std::vector<Lane> &lanes() const { return m_lanes; }
    int laneOf(const QString &key) const; // -1 when there is no such lane
    // From the earliest start to the latest cover end; {0, 1} when empty.
    TimeScale::Range extent() const { return m_extent; }
    // The item of the event with this id, if the index holds it. The last answer is kept: painting asks every frame.
    std::optional<quint32> itemById(const QString &id) const;
    std::optional<quint32> itemOfRow(quint32 row) const;

    // The positions in a lane's arrays of the entries that overlap `range`, in order of start.
    static std::vector<quint32> overlapping(const Lane &lane, const TimeScale::Range &range);
    // How many entries of a lane start in [from, to).
    static size_t countStarting(const Lane &lane, qint64 from, qint64 to);

    static QString laneLabel(LaneMode mode, const QString &key);

private:
    void build();

    LaneMode m_mode = LaneMode::Country;
    std::shared_ptr<const WorkingSet> m_set;
    std::vector<quint32> m_rows;
    std::vector<Lane> m_lanes;
    TimeScale::Range m_extent;
    mutable QString m_lastId;
    mutable std::optional<quint32> m_lastItem;
};
