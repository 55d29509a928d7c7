// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

// What the user wants to see. The CLI and the window both fill one of these, and the store turns it into SQL.
// Empty lists and unset bounds do not restrict. Values within one list are alternatives (China or Russia);
// the lists combine (China or Russia, and a statement).
struct EventFilter {
    enum class Dimension { Country, Actor, Kind, Certainty, MarkTag };

    QStringList countries; // ISO alpha-2
    QStringList actors; // actor names, matched whole and without regard to case
    QStringList kinds; // matched without regard to case
    QStringList certainties; // how sure the dates are: "exact", "approximate", "uncertain" (Certainty::name)
    std::optional<qint64> from; // seconds; keeps events that cover any time at or after it
    std::optional<qint64> before; // seconds, exclusive; keeps events that start before it
    QString text; // full text: words match as prefixes, "quoted words" as a phrase
    // The analyst's own marks (kept apart from what sources say).
    bool starred = false; // only starred events
    bool hasNote = false; // only events with a note
    QStringList markTags; // only events with one of these analyst's tags, matched without regard to case

    bool isEmpty() const;
    // One line per active constraint, for people: "Countries: China, Russian Federation", "From 1 May 2023".
    QStringList describe() const;
    // This filter without its own constraint on one dimension, as the counts beside that dimension's choices need.
    EventFilter without(Dimension dimension) const;
    // As settings keep it (the window's filter comes back on the next start), and back.
    QVariantMap toMap() const;
    static EventFilter fromMap(const QVariantMap &map);

    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};

// The SQL for a filter: a condition on the events table under the alias "e", with its values to bind in order.
struct SqlCondition {
    QString where;
    QVariantList values;

    static SqlCondition of(const EventFilter &filter);
};

namespace FullText {
// Turns what a user typed into an FTS5 query that cannot be malformed: every word becomes a quoted prefix term,
// "quoted words" a phrase (a prefix phrase while its closing quote is missing), and a bare OR between two terms
// stays an OR (in any case: "or" is too common a word to be worth searching for). Returns an empty string when nothing
// searchable is left.
QString matchExpression(QStringView userText);
} // namespace FullText
