// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"
#include "storage/eventstore.h"

#include <memory>
#include <vector>

class TimelineIndex;
class WorkingSet;
enum class LaneMode : quint8;

// What the window asks for: a filter, the lanes to split it into and the table's order.
struct FilterQuery {
    EventFilter filter;
    LaneMode mode{};
    EventOrder order;
    friend bool operator==(const FilterQuery &, const FilterQuery &) = default;
};

// One filter's answer, computed once from the working set, that every view reads: the timeline's lanes, the
// overview's events, the facet counts, the status counts and the table's order. Immutable once made, so that a
// worker can make it and the window read it.
class FilterResult {
public:
    // `textRows`: one bit per row of the set, the rows that match the filter's text (WorkingSetLoader::matchText);
    // ignored when the filter has no text.
    // `everything`, when given, is the index of the whole timeline in the query's lane mode: the overview of a filter
    // on dates alone is that, and need not be built again.
    static std::shared_ptr<const FilterResult> compute(std::shared_ptr<const WorkingSet> set, const FilterQuery &query,
        const std::vector<quint64> *textRows, std::shared_ptr<const TimelineIndex> everything = {});
    // The rows of `rows` (ascending) in a table order, as EventStore::events sorts them.
    static std::vector<quint32> tableOrder(const WorkingSet &set, const std::vector<quint32> &rows, EventOrder order);

    const FilterQuery &query() const { return m_query; }
    const WorkingSet &workingSet() const { return *m_set; }
    std::shared_ptr<const WorkingSet> sharedWorkingSet() const { return m_set; }
    // The events the filter keeps, in lanes.
    const TimelineIndex &index() const { return *m_index; }
    std::shared_ptr<const TimelineIndex> sharedIndex() const { return m_index; }
    // The same but for the filter's dates, so that the overview's date brush has a context; index() when the
    // filter has no dates.
    std::shared_ptr<const TimelineIndex> sharedOverview() const { return m_overview; }
    // The kept rows (of workingSet()) in the table's order.
    const std::vector<quint32> &tableRows() const;
    // How many events the filter keeps, and how many the timeline has.
    size_t count() const;
    size_t total() const;
    // Counts per value of a dimension under the other filters, most first.
    const QList<FacetCount> &counts(EventFilter::Dimension dimension) const;

    // The row of an event (by rowid) in the table, or -1 when the filter hides it.
    int tableRowOf(quint32 row) const;

    // Where the time went, for the benchmark.
    struct Timings {
        qint64 selectNs = 0; // the selection and the facet counts
        qint64 indexNs = 0; // the lanes of the timeline and the overview
        qint64 orderNs = 0; // the table's order
    };
    const Timings &timings() const { return m_timings; }

private:
    FilterResult() = default;

    std::shared_ptr<const WorkingSet> m_set;
    FilterQuery m_query;
    std::shared_ptr<const TimelineIndex> m_index;
    std::shared_ptr<const TimelineIndex> m_overview;
    std::vector<quint32> m_table; // empty when the table is in time order: then the index's rows serve
    bool m_tableIsIndex = true;
    QList<FacetCount> m_counts[5];
    Timings m_timings;
};
