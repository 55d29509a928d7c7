// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timeticks.h"

#include <QList>

class TimelineIndex;

// Events per period, stacked by lane, for the overview chart. The period (a day, a week, a month, a year or
// several) is the finest that keeps the bins to at most kMaxBins across the range; counts come from the index's
// sorted starts, so a million events cost bins × lanes binary searches.
struct EventHistogram {
    static constexpr int kMaxBins = 160;

    TimeTicks::Unit unit;
    QList<qint64> edges; // bin i covers [edges[i], edges[i + 1])
    QList<QList<quint32>> counts; // counts[lane][bin], lanes in the index's order

    int binCount() const { return edges.isEmpty() ? 0 : int(edges.size()) - 1; }
    quint32 total(int bin) const;
    quint32 maxTotal() const;

    static EventHistogram of(const TimelineIndex &index, const TimeScale::Range &range);
};
