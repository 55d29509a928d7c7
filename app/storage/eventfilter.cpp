// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfilter.h"

#include "domain/countries.h"
#include "domain/eventtime.h"

#include <algorithm>

namespace {

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QLatin1Char(','));
}

bool hasWordCharacter(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

QString quoted(QStringView text)
{
    QString body = text.toString();
    body.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + body + QLatin1Char('"');
}

// A null string binds as NULL, which equals nothing: an empty value must bind as ''.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

bool EventFilter::isEmpty() const
{
    return *this == EventFilter{};
}

QStringList EventFilter::describe() const
{
    QStringList lines;
    if (!countries.isEmpty()) {
        QStringList names;
        for (const QString &code : countries) {
            names << (Countries::name(code).isEmpty() ? code : Countries::name(code)); // "∅": none at all
        }
        lines << QStringLiteral("Countries: ") + names.join(QStringLiteral(", "));
    }
    if (!actors.isEmpty()) {
        lines << QStringLiteral("Actors: ") + actors.join(QStringLiteral(", "));
    }
    if (!kinds.isEmpty()) {
        lines << QStringLiteral("Kinds: ") + kinds.join(QStringLiteral(", "));
    }
    if (!certainties.isEmpty()) {
        lines << QStringLiteral("Dates: ") + certainties.join(QStringLiteral(", "));
    }
    if (from) {
        lines << QStringLiteral("From ") + EventTime(*from, Precision::Day).toDisplayString();
    }
    if (before) {
        lines << QStringLiteral("Until ") + EventTime(*before - 1, Precision::Day).toDisplayString();
    }
    if (!text.trimmed().isEmpty()) {
        lines << QStringLiteral("Search: \u201C") + text.trimmed() + QStringLiteral("\u201D");
    }
    if (starred) {
        lines << QStringLiteral("Starred");
    }
    if (hasNote) {
        lines << QStringLiteral("With a note");
    }
    if (!markTags.isEmpty()) {
        lines << QStringLiteral("My tags: ") + markTags.join(QStringLiteral(", "));
    }
    return lines;
}

EventFilter EventFilter::without(Dimension dimension) const
{
    EventFilter result = *this;
    switch (dimension) {
    case Dimension::Country:
        result.countries.clear();
        break;
    case Dimension::Actor:
        result.actors.clear();
        break;
    case Dimension::Kind:
        result.kinds.clear();
        break;
    case Dimension::Certainty:
        result.certainties.clear();
        break;
    case Dimension::MarkTag:
        result.markTags.clear();
        break;
    }
    return result;
}

QVariantMap EventFilter::toMap() const
{
    QVariantMap map;
    map.insert(QStringLiteral("countries"), countries);
    map.insert(QStringLiteral("actors"), actors);
    map.insert(QStringLiteral("kinds"), kinds);
    map.insert(QStringLiteral("certainties"), certainties);
    map.insert(QStringLiteral("text"), text);
    if (starred) {
        map.insert(QStringLiteral("starred"), true);
    }
    if (hasNote) {
        map.insert(QStringLiteral("hasNote"), true);
    }
    if (!markTags.isEmpty()) {
        map.insert(QStringLiteral("markTags"), markTags);
    }
    if (from) {
        map.insert(QStringLiteral("from"), QString::number(*from));
    }
    if (before) {
        map.insert(QStringLiteral("before"), QString::number(*before));
    }
    return map;
}

EventFilter EventFilter::fromMap(const QVariantMap &map)
{
    EventFilter filter;
    filter.countries = map.value(QStringLiteral("countries")).toStringList();
    filter.actors = map.value(QStringLiteral("actors")).toStringList();
    filter.kinds = map.value(QStringLiteral("kinds")).toStringList();
    filter.certainties = map.value(QStringLiteral("certainties")).toStringList();
    filter.text = map.value(QStringLiteral("text")).toString();
    filter.starred = map.value(QStringLiteral("starred")).toBool();
    filter.hasNote = map.value(QStringLiteral("hasNote")).toBool();
    filter.markTags = map.value(QStringLiteral("markTags")).toStringList();
    if (map.contains(QStringLiteral("from"))) {
        filter.from = map.value(QStringLiteral("from")).toString().toLongLong();
    }
    if (map.contains(QStringLiteral("before"))) {
        filter.before = map.value(QStringLiteral("before")).toString().toLongLong();
    }
    return filter;
}

SqlCondition SqlCondition::of(const EventFilter &filter)
{
    SqlCondition result;
    QStringList parts;
    if (!filter.countries.isEmpty()) {
        parts << QStringLiteral("e.rowid IN (SELECT event FROM event_countries WHERE country IN (%1))")
                     .arg(placeholders(filter.countries.size()));
        for (const QString &country : filter.countries) {
            result.values << country.toUpper();
        }
    }
    if (!filter.actors.isEmpty()) {
        parts << QStringLiteral("e.rowid IN (SELECT ea.event FROM event_actors ea JOIN actors a ON a.id = ea.actor "
                                "WHERE a.name COLLATE NOCASE IN (%1))")
                     .arg(placeholders(filter.actors.size()));
        for (const QString &actor : filter.actors) {
            result.values << nonNull(actor.trimmed());
        }
    }
    if (!filter.kinds.isEmpty()) {
        parts << QStringLiteral("e.kind COLLATE NOCASE IN (%1)").arg(placeholders(filter.kinds.size()));
        for (const QString &kind : filter.kinds) {
            result.values << nonNull(kind.trimmed()); // the empty kind is a kind
        }
    }
    if (!filter.certainties.isEmpty()) {
        // Fixed conditions, one per kind named: no value of the user's reaches the SQL.
        QStringList any;
        for (const QString &name : filter.certainties) {
            switch (Certainty::fromName(name).value_or(Certainty::Kind(0))) {
            case Certainty::Exact:
                any << QStringLiteral("(e.qualifiers & %1) = 0").arg(EventTime::kQualifierBits);
                break;
            case Certainty::Approximate:
                any << QStringLiteral("(e.qualifiers & %1) != 0").arg(EventTime::Approximate);
                break;
            case Certainty::Uncertain:
                any << QStringLiteral("(e.qualifiers & %1) != 0").arg(EventTime::Uncertain | EventTime::Within);
                break;
            }
        }
        parts << (any.isEmpty() ? QStringLiteral("0") : QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + u')');
    }
    if (filter.from) {
        parts << QStringLiteral("e.cover_end > ?");
        result.values << *filter.from;
    }
    if (filter.before) {
        parts << QStringLiteral("e.start_s < ?");
        result.values << *filter.before;
    }
    if (!filter.text.trimmed().isEmpty()) {
        // A search with nothing searchable in it (only punctuation) matches nothing rather than everything.
        parts << QStringLiteral("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)");
        const QString expression = FullText::matchExpression(filter.text);
        result.values << (expression.isEmpty() ? QStringLiteral("\"\"") : expression);
    }
    if (filter.starred) {
        parts << QStringLiteral("e.id IN (SELECT event FROM stars)");
    }
    if (filter.hasNote) {
        parts << QStringLiteral("e.id IN (SELECT event FROM notes)");
    }
    if (!filter.markTags.isEmpty()) {
        parts << QStringLiteral("e.id IN (SELECT event FROM marks_tags WHERE tag COLLATE NOCASE IN (%1))")
                     .arg(placeholders(filter.markTags.size()));
        for (const QString &tag : filter.markTags) {
            result.values << nonNull(tag.trimmed());
        }
    }
    result.where = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return result;
}

namespace FullText {

QString matchExpression(QStringView userText)
{
    // Split into terms: runs of non-space characters, or whatever stands between double quotes.
    struct Term {
        QString text;
        bool phrase = false;
        bool open = false; // a phrase whose closing quote is not typed yet
    };
    QList<Term> terms;
    qsizetype i = 0;
    while (i < userText.size()) {
        if (userText[i].isSpace()) {
            ++i;
            continue;
        }
        if (userText[i] == QLatin1Char('"')) {
            const qsizetype close = userText.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? userText.size() : close; // an unclosed quote runs to the end
            terms.append({userText.mid(i + 1, end - i - 1).toString(), true, close < 0});
            i = end + 1;
            continue;
        }
        qsizetype end = i;
        while (end < userText.size() && !userText[end].isSpace() && userText[end] != QLatin1Char('"')) {
            ++end;
        }
        terms.append({userText.mid(i, end - i).toString(), false, false});
        i = end;
    }

    QStringList out;
    bool pendingOr = false;
    for (const Term &term : terms) {
        if (!term.phrase && term.text.compare(QLatin1String("or"), Qt::CaseInsensitive) == 0) {
            pendingOr = !out.isEmpty();
            continue;
        }
        if (!hasWordCharacter(term.text)) {
            continue;
        }
        if (pendingOr) {
            out << QStringLiteral("OR");
            pendingOr = false;
        }
        // A closed phrase matches exactly; a word, or a phrase still being typed, matches as a prefix.
        out << (term.phrase && !term.open ? quoted(term.text) : quoted(term.text) + QLatin1Char('*'));
    }
    return out.join(QLatin1Char(' '));
}

} // namespace FullText
