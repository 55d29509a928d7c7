// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventtime.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

struct TimelineItem;
enum class LaneMode : quint8;

// Many strings in one UTF-8 buffer, read back by number: a million titles cost one allocation, not a million.
class StringArena {
public:
    // False when the arena is full (4 GiB); the string is then not added.
    bool append(std::string_view utf8);
    bool append(const QString &text);
    // Another arena's strings after this one's.
    bool append(const StringArena &other);
    void reserve(size_t count, size_t bytes);
    size_t size() const { return m_offsets.size() - 1; }
    std::string_view view(size_t i) const
    {
        return {m_data.data() + m_offsets[i], size_t(m_offsets[i + 1] - m_offsets[i])};
    }
    QString at(size_t i) const;
    size_t memoryBytes() const;

private:
    std::vector<char> m_data;
    std::vector<quint32> m_offsets{0};
};

// The whole timeline in memory, compact and read-only: what filtering, counting, lanes, the overview and the table's
// order need of every event, and nothing more (the detail pane and the table's cells read the file). Rows are in time
// order (start, its millisecond, then rowid), so that any selection of rows is already sorted for the timeline.
// Countries, actors and kinds are small integer ids into dictionaries; an event's lists of them are offset/value
// arrays.
//
// Built once per file (WorkingSetLoader) and shared, never changed, by every result computed from it, on any thread.
class WorkingSet {
public:
    static constexpr quint32 kNoKey = 0xFFFFFFFFu; // the lane of events without a country, an actor, ...

    // One row of the actors table: an exact name and a country.
    struct Actor {
        quint32 name = 0; // into names
        quint32 country = kNoKey; // into countries, or kNoKey
    };

    // How an event's time is drawn and filtered, as bits of `shapes`.
    enum Shape : quint8 {
        Range = 1, // it has an end of its own: a bar
        Approximate = 2, // EventTime::Approximate
        Uncertain = 4, // EventTime::Uncertain
        Within = 8, // EventTime::Within: at some time in its span, drawn as an instant over that span
    };
    static quint8 shapeOf(bool hasEnd, quint8 qualifiers)
    {
        return quint8((hasEnd && !(qualifiers & EventTime::Within) ? Range : 0) | (qualifiers << 1));
    }
    static quint8 qualifiersOf(quint8 shape) { return quint8(shape >> 1) & EventTime::kQualifierBits; }

    // The analyst's marks on an event, as bits of `marks`.
    enum Mark : quint8 {
        Starred = 1,
        Noted = 2, // it has a note
        Linked = 4, // a link starts or ends at it
        Tagged = 8, // it has a tag of the analyst's
    };

    size_t size() const { return rowids.size(); }

    std::span<const quint16> countriesOf(quint32 row) const
    {
        return {countryValues.data() + countryOffsets[row], countryOffsets[row + 1] - countryOffsets[row]};
    }
    // The analyst's tags of a row, as ids into markTagKeys, in row order of `markTagRows`.
    std::span<const quint32> markTagsOf(quint32 row) const
    {
        const auto first = std::lower_bound(markTagRows.begin(), markTagRows.end(), row);
        const auto last = std::upper_bound(first, markTagRows.end(), row);
        return {markTagValues.data() + (first - markTagRows.begin()), size_t(last - first)};
    }
    std::span<const quint32> actorsOf(quint32 row) const
    {
        return {actorValues.data() + actorOffsets[row], actorOffsets[row + 1] - actorOffsets[row]};
    }
    QString title(quint32 row) const { return titles.at(rowidPlace[row]); }
    QString id(quint32 row) const { return ids.at(rowidPlace[row]); }
    std::string_view titleBytes(quint32 row) const { return titles.view(rowidPlace[row]); }
    // The row of an event, by its file rowid or its id; nullopt when it is not in the set.
    std::optional<quint32> rowOfRowid(qint64 rowid) const;
    std::optional<quint32> rowOfId(const QString &id) const;
    // What an event's lane keys are under a lane mode, as ids into laneKeys(mode), each once, in the event's order.
    // An event with none is in the kNoKey lane.
    void laneKeysOf(quint32 row, LaneMode mode, std::vector<quint32> &out) const;
    QString laneKey(LaneMode mode, quint32 key) const;
    qsizetype laneKeyCount(LaneMode mode) const;
    // The whole timeline's place of each lane key, most events first: lanes take their colours in this order, so
    // that a lane keeps its colour under every filter.
    const std::vector<quint32> &colourRank(LaneMode mode) const { return m_colourRank[size_t(mode)]; }
    // How many places that order has: the first colour slot of a lane it does not rank.
    int colourCount(LaneMode mode) const { return m_colourCount[size_t(mode)]; }
    QStringList laneOrder(LaneMode mode) const;
    // Whether any event's date is approximate, uncertain or within a span (the window then offers that filter).
    bool hasQualifiedDates() const { return m_hasQualifiedDates; }

    size_t memoryBytes() const;

    // Per row, in time order.
    std::vector<qint64> rowids;
    std::vector<qint64> starts;
    std::vector<quint16> startMilliseconds; // order events within their second; an edit's rows go in by them
    std::vector<qint64> coverEnds;
    std::vector<Precision> precisions;
    std::vector<quint8> shapes; // Shape bits: a range, and how sure the source is of the date
    std::vector<quint16> kinds; // into kindKeys
    std::vector<quint32> countryOffsets{0}; // size() + 1
    std::vector<quint16> countryValues; // into countryKeys: the event's countries and its actors'
    std::vector<quint32> actorOffsets{0}; // size() + 1
    std::vector<quint32> actorValues; // into actors
    std::vector<quint8> marks; // Mark bits, all 0 when the analyst marked nothing
    std::vector<quint32> markTagRows; // the rows with an analyst's tag, ascending, once per tag
    std::vector<quint32> markTagValues; // beside markTagRows: the tag, into markTagKeys
    std::vector<quint32> rowidPlace; // where the row stands in rowid order
    // In rowid order (as the file holds them, so that loading copies no text twice): titles.at(rowidPlace[row]).
    StringArena titles;
    StringArena ids;
    std::vector<quint32> rowsByRowid; // every row, ordered by rowid: the inverse of rowidPlace

    // Dictionaries.
    QStringList countryKeys; // ISO alpha-2, as stored
    QStringList kindKeys; // the first spelling of each kind; kinds that differ only in ASCII case are one
    QStringList names; // actor names, exact
    std::vector<QByteArray> foldedNames; // names, UTF-8 with ASCII letters in lower case, as SQLite's NOCASE
    std::vector<Actor> actors;
    QStringList markTagKeys; // the analyst's tags; tags that differ only in ASCII case are one

    // Fills rowsByRowid (from rowidPlace), foldedNames and the colour ranks; the loaders call it once the columns
    // are in.
    void finish(const std::vector<QStringList> &colourOrders = {});
    // The same, but each lane key keeps the colour it had in `before`, whose dictionaries this set's begin with: after
    // an edit, no lane changes colour.
    void finish(const WorkingSet &before);

    // A working set of the given items, as if they had been read from a file: their lane keys go to the dimension of
    // `mode` (countries, actor names or kinds). For tests and the painting benchmark.
    static std::shared_ptr<const WorkingSet> fromItems(
        const std::vector<TimelineItem> &items, LaneMode mode, const QStringList &colourOrder = {});

private:
    // What every finish does: the folded names not folded yet, rowsByRowid, and the columns sets made from items lack.
    void finishRows();

    std::vector<quint32> m_colourRank[4];
    int m_colourCount[4] = {};
    bool m_hasQualifiedDates = false;
};

// UTF-8 with the 26 ASCII capitals in lower case: the comparison key of SQLite's NOCASE collation.
QByteArray asciiFolded(const QString &text);
