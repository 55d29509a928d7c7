// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterresult.h"

#include "timeline/timelineindex.h"
#include "workingset/workingset.h"

#include <QElapsedTimer>

#include <algorithm>
#include <array>
#include <numeric>

namespace {

// The constraints of a filter, one bit each; a row fails some of them.
enum Constraint : quint8 {
    Countries = 1,
    Actors = 2,
    Kinds = 4,
    Dates = 8,
    Text = 16,
    Certainties = 32,
    Marks = 64, // starred, with a note
    MarkTags = 128,
};

// The ids of a dictionary whose keys a filter list names, as one flag per id. `same` says whether a key matches a
// value of the list.
template <typename Same>
std::vector<char> chosen(const QStringList &keys, const QStringList &values, Same same)
{
    std::vector<char> on(size_t(keys.size()), 0);
    for (const QString &value : values) {
        for (qsizetype key = 0; key < keys.size(); ++key) {
            if (same(keys[key], value)) {
                on[size_t(key)] = 1;
            }
        }
    }
    return on;
}

// SQLite's NOCASE order on UTF-8: bytes, with the ASCII capitals folded.
int compareNoCase(std::string_view a, std::string_view b)
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        unsigned char x = static_cast<unsigned char>(a[i]);
        unsigned char y = static_cast<unsigned char>(b[i]);
        x = x >= 'A' && x <= 'Z' ? x + 32 : x;
        y = y >= 'A' && y <= 'Z' ? y + 32 : y;
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// The place of each key in byte order of its UTF-8 (as SQLite's BINARY compares), or folded (NOCASE).
std::vector<int> ranks(const QStringList &keys, bool folded)
{
    std::vector<QByteArray> bytes;
    bytes.reserve(size_t(keys.size()));
    for (const QString &key : keys) {
        bytes.push_back(folded ? asciiFolded(key) : key.toUtf8());
    }
    std::vector<int> order(bytes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return bytes[size_t(a)] < bytes[size_t(b)]; });
    std::vector<int> rank(bytes.size());
    for (size_t place = 0; place < order.size(); ++place) {
        // Equal keys share a place, so that the rowid decides between them as in SQL.
        const bool same = place > 0 && bytes[size_t(order[place])] == bytes[size_t(order[place - 1])];
        rank[size_t(order[place])] = same ? rank[size_t(order[place - 1])] : int(place);
    }
    return rank;
}

QList<FacetCount> facets(const std::vector<quint32> &counts, const auto &facetOf)
{
    QList<FacetCount> result;
    for (size_t id = 0; id < counts.size(); ++id) {
        if (counts[id] > 0) {
            result.append(facetOf(id, int(counts[id])));
        }
    }
    std::sort(result.begin(), result.end(), [](const FacetCount &a, const FacetCount &b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    return result;
}

} // namespace

std::shared_ptr<const FilterResult> FilterResult::compute(std::shared_ptr<const WorkingSet> shared,
    const FilterQuery &query, const std::vector<quint64> *textRows, std::shared_ptr<const TimelineIndex> everything)
{
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<FilterResult> result(new FilterResult);
    result->m_set = shared;
    result->m_query = query;
    const WorkingSet &set = *shared;
    const EventFilter &filter = query.filter;

    const std::vector<char> countryOn = chosen(set.countryKeys, filter.countries,
        [](const QString &key, const QString &value) { return key == value.toUpper(); });
    std::vector<QByteArray> actorValues, kindValues;
    for (const QString &actor : filter.actors) {
        actorValues.push_back(asciiFolded(actor.trimmed()));
    }
    for (const QString &kind : filter.kinds) {
        kindValues.push_back(asciiFolded(kind.trimmed()));
    }
    std::vector<char> actorOn(set.actors.size(), 0);
    for (size_t actor = 0; actor < set.actors.size(); ++actor) {
        const QByteArray &name = set.foldedNames[set.actors[actor].name];
        actorOn[actor] = std::find(actorValues.begin(), actorValues.end(), name) != actorValues.end();
    }
    std::vector<char> kindOn(size_t(set.kindKeys.size()), 0);
    for (qsizetype kind = 0; kind < set.kindKeys.size(); ++kind) {
        kindOn[size_t(kind)] = std::find(kindValues.begin(), kindValues.end(), asciiFolded(set.kindKeys[kind]))
            != kindValues.end();
    }

    quint8 certaintyOn = 0; // Certainty::Kind bits
    for (const QString &name : filter.certainties) {
        certaintyOn |= Certainty::fromName(name).value_or(Certainty::Kind(0));
    }
    // The certainty of each shape of a row, looked up rather than worked out per row.
    std::array<quint8, 16> certaintyOfShape{};
    for (size_t shape = 0; shape < certaintyOfShape.size(); ++shape) {
        certaintyOfShape[shape] = Certainty::of(WorkingSet::qualifiersOf(quint8(shape)));
    }

    std::vector<char> markTagOn(size_t(set.markTagKeys.size()), 0);
    for (const QString &tag : filter.markTags) {
        const QByteArray folded = asciiFolded(tag.trimmed());
        for (qsizetype key = 0; key < set.markTagKeys.size(); ++key) {
            markTagOn[size_t(key)] |= asciiFolded(set.markTagKeys[key]) == folded;
        }
    }
    const quint8 marksWanted
        = quint8((filter.starred ? WorkingSet::Starred : 0) | (filter.hasNote ? WorkingSet::Noted : 0));

    const quint8 active = quint8((marksWanted ? Marks : 0) | (filter.markTags.isEmpty() ? 0 : MarkTags))
        | (filter.countries.isEmpty() ? 0 : Countries) | (filter.actors.isEmpty() ? 0 : Actors)
        | (filter.kinds.isEmpty() ? 0 : Kinds) | (filter.from || filter.before ? Dates : 0)
        | (filter.text.trimmed().isEmpty() || !textRows ? 0 : Text) | (filter.certainties.isEmpty() ? 0 : Certainties);
    const qint64 from = filter.from.value_or(std::numeric_limits<qint64>::min());
    const qint64 before = filter.before.value_or(std::numeric_limits<qint64>::max());

    std::vector<quint32> kept, undated;
    std::vector<quint32> countryCounts(size_t(set.countryKeys.size()), 0);
    std::vector<quint32> actorCounts(set.actors.size(), 0);
    std::vector<quint32> kindCounts(size_t(set.kindKeys.size()), 0);
    std::vector<quint32> certaintyCounts(std::size(Certainty::kAll), 0);
    std::vector<quint32> markTagCounts(size_t(set.markTagKeys.size()), 0);
    const quint32 n = quint32(set.size());
    if (active == 0) {
        kept.resize(n);
        std::iota(kept.begin(), kept.end(), 0);
    }
    for (quint32 row = 0; row < n; ++row) {
        const std::span<const quint16> countries = set.countriesOf(row);
        const std::span<const quint32> actors = set.actorsOf(row);
        quint8 failed = 0;
        if (active & Countries) {
            const bool any = std::any_of(countries.begin(), countries.end(), [&](quint16 c) { return countryOn[c]; });
            failed |= any ? 0 : Countries;
        }
        if (active & Actors) {
            const bool any = std::any_of(actors.begin(), actors.end(), [&](quint32 a) { return actorOn[a]; });
            failed |= any ? 0 : Actors;
        }
        if ((active & Kinds) && !kindOn[set.kinds[row]]) {
            failed |= Kinds;
        }
        const quint8 certainty = certaintyOfShape[set.shapes[row] & 15];
        if ((active & Certainties) && !(certainty & certaintyOn)) {
            failed |= Certainties;
        }
        if ((active & Dates) && !(set.coverEnds[row] > from && set.starts[row] < before)) {
            failed |= Dates;
        }
        if ((active & Text) && !((*textRows)[row / 64] & (quint64(1) << (row % 64)))) {
            failed |= Text;
        }
        if ((active & Marks) && (set.marks[row] & marksWanted) != marksWanted) {
            failed |= Marks;
        }
        // Most rows have no tag of the analyst's: look only where the row has some.
        const bool tagged = !set.markTagRows.empty() && (set.marks[row] & WorkingSet::Tagged);
        const std::span<const quint32> markTags = tagged ? set.markTagsOf(row) : std::span<const quint32>();
        if ((active & MarkTags)
            && std::none_of(markTags.begin(), markTags.end(), [&](quint32 t) { return markTagOn[t]; })) {
            failed |= MarkTags;
        }
        if (active != 0 && failed == 0) {
            kept.push_back(row);
        }
        if ((active & Dates) && (failed & ~Dates) == 0) {
            undated.push_back(row);
        }
        // Each dimension's counts are under every filter but its own.
        if ((failed & ~Countries) == 0) {
            for (const quint16 country : countries) {
                ++countryCounts[country];
            }
        }
        if ((failed & ~Actors) == 0) {
            for (size_t i = 0; i < actors.size(); ++i) {
                // An event counts once for an actor it names twice.
                if (std::find(actors.begin(), actors.begin() + qsizetype(i), actors[i]) == actors.begin() + qsizetype(i)) {
                    ++actorCounts[actors[i]];
                }
            }
        }
        if ((failed & ~Kinds) == 0) {
            ++kindCounts[set.kinds[row]];
        }
        if ((failed & quint8(~MarkTags)) == 0) {
            for (const quint32 tag : markTags) {
                ++markTagCounts[tag];
            }
        }
        if ((failed & ~Certainties) == 0) {
            for (size_t k = 0; k < std::size(Certainty::kAll); ++k) {
                certaintyCounts[k] += (certainty & Certainty::kAll[k]) ? 1 : 0;
            }
        }
    }
    result->m_counts[int(EventFilter::Dimension::Country)]
        = facets(countryCounts, [&](size_t id, int count) { return FacetCount{set.countryKeys[qsizetype(id)], {}, count}; });
    result->m_counts[int(EventFilter::Dimension::Actor)] = facets(actorCounts, [&](size_t id, int count) {
        const WorkingSet::Actor &actor = set.actors[id];
        return FacetCount{set.names[actor.name],
            actor.country == WorkingSet::kNoKey ? QString() : set.countryKeys[actor.country], count};
    });
    result->m_counts[int(EventFilter::Dimension::Kind)]
        = facets(kindCounts, [&](size_t id, int count) { return FacetCount{set.kindKeys[qsizetype(id)], {}, count}; });
    result->m_counts[int(EventFilter::Dimension::MarkTag)] = facets(markTagCounts, [&](size_t id, int count) {
        return FacetCount{set.markTagKeys[qsizetype(id)], {}, count};
    });
    result->m_counts[int(EventFilter::Dimension::Certainty)] = facets(certaintyCounts, [&](size_t id, int count) {
        return FacetCount{Certainty::name(Certainty::kAll[id]), {}, count};
    });
    result->m_timings.selectNs = timer.nsecsElapsed();

    timer.restart();
    if (query.order.key != EventOrder::Key::Time || query.order.descending) {
        result->m_table = tableOrder(set, kept, query.order);
        result->m_tableIsIndex = false;
    }
    result->m_timings.orderNs = timer.nsecsElapsed();

    timer.restart();
    result->m_index = std::make_shared<const TimelineIndex>(shared, std::move(kept), query.mode);
    const bool datesAlone = active == Dates;
    if (!(active & Dates)) {
        result->m_overview = result->m_index;
    } else if (datesAlone && everything && everything->workingSet() == shared.get() && everything->mode() == query.mode) {
        result->m_overview = std::move(everything);
    } else {
        result->m_overview = std::make_shared<const TimelineIndex>(shared, std::move(undated), query.mode);
    }
    result->m_timings.indexNs = timer.nsecsElapsed();
    return result;
}

std::vector<quint32> FilterResult::tableOrder(const WorkingSet &set, const std::vector<quint32> &rows, EventOrder order)
{
    std::vector<quint32> sorted = rows;
    // Equal keys go by rowid, as EventStore::events orders them.
    const auto byKey = [&](const auto &keyOf) {
        std::stable_sort(sorted.begin(), sorted.end(), [&](quint32 a, quint32 b) {
            const auto ka = keyOf(a);
            const auto kb = keyOf(b);
            return ka != kb ? ka < kb : set.rowids[a] < set.rowids[b];
        });
    };
    // The list columns sort by their smallest value; an event without one sorts as '' does, first.
    const auto smallest = [](const auto &values, const std::vector<int> &rank, const auto &idOf) {
        int best = -1;
        for (const auto value : values) {
            const int r = rank[idOf(value)];
            best = best < 0 ? r : std::min(best, r);
        }
        return best;
    };
    switch (order.key) {
    case EventOrder::Key::Time:
        break; // rows are in time order already
    case EventOrder::Key::Title: {
        // Each title's first sixteen bytes, folded, as two numbers: most comparisons end there, without the text.
        struct Keyed {
            quint64 high = 0;
            quint64 low = 0;
            quint32 row = 0;
        };
        std::vector<Keyed> keyed;
        keyed.reserve(sorted.size());
        for (const quint32 row : sorted) {
            const std::string_view title = set.titleBytes(row);
            Keyed key;
            key.row = row;
            for (size_t i = 0; i < 16; ++i) {
                unsigned char c = i < title.size() ? static_cast<unsigned char>(title[i]) : 0;
                c = c >= 'A' && c <= 'Z' ? c + 32 : c;
                quint64 &half = i < 8 ? key.high : key.low;
                half = half << 8 | c;
            }
            keyed.push_back(key);
        }
        std::sort(keyed.begin(), keyed.end(), [&](const Keyed &a, const Keyed &b) {
            if (a.high != b.high || a.low != b.low) {
                return a.high != b.high ? a.high < b.high : a.low < b.low;
            }
            const int c = compareNoCase(set.titleBytes(a.row), set.titleBytes(b.row));
            return c != 0 ? c < 0 : set.rowids[a.row] < set.rowids[b.row];
        });
        for (size_t i = 0; i < keyed.size(); ++i) {
            sorted[i] = keyed[i].row;
        }
        break;
    }
    case EventOrder::Key::Countries: {
        const std::vector<int> rank = ranks(set.countryKeys, false);
        byKey([&](quint32 row) { return smallest(set.countriesOf(row), rank, [](quint16 c) { return size_t(c); }); });
        break;
    }
    case EventOrder::Key::Actors: {
        const std::vector<int> rank = ranks(set.names, false);
        byKey([&](quint32 row) {
            return smallest(set.actorsOf(row), rank, [&](quint32 a) { return size_t(set.actors[a].name); });
        });
        break;
    }
    case EventOrder::Key::Kind: {
        const std::vector<int> rank = ranks(set.kindKeys, true);
        byKey([&](quint32 row) { return rank[set.kinds[row]]; });
        break;
    }
    }
    if (order.descending) {
        std::reverse(sorted.begin(), sorted.end());
    }
    return sorted;
}

const std::vector<quint32> &FilterResult::tableRows() const
{
    return m_tableIsIndex ? m_index->rows() : m_table;
}

size_t FilterResult::count() const
{
    return m_index->size();
}

size_t FilterResult::total() const
{
    return m_set->size();
}

const QList<FacetCount> &FilterResult::counts(EventFilter::Dimension dimension) const
{
    return m_counts[int(dimension)];
}

int FilterResult::tableRowOf(quint32 row) const
{
    const std::vector<quint32> &rows = tableRows();
    if (m_tableIsIndex) {
        const std::optional<quint32> item = m_index->itemOfRow(row);
        return item ? int(*item) : -1;
    }
    const auto it = std::find(rows.begin(), rows.end(), row);
    return it == rows.end() ? -1 : int(it - rows.begin());
}
