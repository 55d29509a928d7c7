// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventhistogram.h"

#include "timeline/timelineindex.h"

quint32 EventHistogram::total(int bin) const
{
    quint32 sum = 0;
    for (const QList<quint32> &lane : counts) {
        sum += lane.value(bin);
    }
    return sum;
}

quint32 EventHistogram::maxTotal() const
{
    quint32 best = 0;
    for (int bin = 0; bin < binCount(); ++bin) {
        best = std::max(best, total(bin));
    }
    return best;
}

EventHistogram EventHistogram::of(const TimelineIndex &index, const TimeScale::Range &range)
{
    using Kind = TimeTicks::Unit::Kind;
    EventHistogram histogram;
    if (range.span() <= 0) {
        return histogram;
    }
    // The finest calendar period with few enough bins: days, weeks, months, then years, 2, 5, 10, ... years.
    for (const TimeTicks::Unit &unit : TimeTicks::units()) {
        const bool usable = unit.kind == Kind::Day ? unit.step == 1
            : unit.kind == Kind::Week              ? true
            : unit.kind == Kind::Month             ? unit.step == 1
                                                   : unit.kind == Kind::Year;
        if (usable && range.span() / unit.approxSeconds() < kMaxBins) {
            histogram.unit = unit;
            break;
        }
    }
    // Edges: the period under way at the start, every boundary inside, and the one after the end.
    const qint64 reach = histogram.unit.approxSeconds() * 2;
    histogram.edges = TimeTicks::tickTimes(histogram.unit, {range.start - reach, range.end + reach}, kMaxBins + 8);
    while (histogram.edges.size() > 2 && histogram.edges[1] <= range.start) {
        histogram.edges.removeFirst();
    }
    while (histogram.edges.size() > 2 && histogram.edges[histogram.edges.size() - 2] >= range.end) {
        histogram.edges.removeLast();
    }
    for (const auto &lane : index.lanes()) {
        QList<quint32> bins;
        bins.reserve(histogram.binCount());
        for (int bin = 0; bin < histogram.binCount(); ++bin) {
            bins.append(quint32(TimelineIndex::countStarting(lane, histogram.edges[bin], histogram.edges[bin + 1])));
        }
        histogram.counts.append(bins);
    }
    return histogram;
}
