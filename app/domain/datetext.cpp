// SPDX-License-Identifier: GPL-3.0-or-later
#include "datetext.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace {

template <typename T> std::optional<T> failWith(QString *error, const QString &why)
{
    if (error) {
        *error = why;
    }
    return std::nullopt;
}

// A date that may name more than one point: "198X" is any year from 1980 to 1989, "2001-21" the spring of 2001.
struct Span {
    TimePoint first;
    TimePoint last;
    bool unspecified = false; // named with X digits or a season: more than its text's one point
};

// What an EDTF mark says of a date; 0 for a character that is none.
quint8 qualifierOf(QChar c)
{
    switch (c.unicode()) {
    case u'?':
        return EventTime::Uncertain;
    case u'~':
        return EventTime::Approximate;
    case u'%':
        return EventTime::Approximate | EventTime::Uncertain;
    default:
        return 0;
    }
}

// EDTF's shape: digits, X, signs, separators, brackets and qualifiers only, with a year of four digits or more (or Y
// and a number). Keeps "05/2023" (a month, as some spreadsheets write it) from reading as the years 5 to 2023.
bool looksLikeEdtf(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^[\[{]?(?:\.\.)?[?~%]?(?:Y-?\d|[+-]?[\dXx]{4})[\dXxYTZ:.,+\-/\[\]{}?~% ]*$)"));
    return shape.match(text).hasMatch();
}

// One EDTF date without qualifiers: "Y170000002", "198X", "19XX", "1985-XX", "1985-04-XX", "2001-21", or any point.
std::optional<Span> edtfSpan(const QString &text, QString *error)
{
    if (text.isEmpty() || text == QLatin1String("..")) {
        return failWith<Span>(
            error, QStringLiteral("an interval or set with an open or unknown end (\"..\") has no date to draw it at"));
    }
    static const QRegularExpression longYear(QStringLiteral(R"(^Y(-?\d{1,12})$)"));
    if (const auto m = longYear.match(text); m.hasMatch()) {
        const QString year = m.captured(1);
        const std::optional<TimePoint> point
            = TimePoint::parse(year.startsWith(u'-') ? year : u'+' + year, error); // a sign: never a compact date
        return point ? std::optional(Span{*point, *point}) : std::nullopt;
    }
    static const QRegularExpression unspecified(QStringLiteral(R"(^([+-]?)(\d*)(X*)(?:-(\d\d|XX)(?:-(\d\d|XX))?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = unspecified.match(text); m.hasMatch() && text.contains(u'X', Qt::CaseInsensitive)) {
        const QString digits = m.captured(2);
        const QString xs = m.captured(3);
        const QString month = m.captured(4).toUpper();
        const QString day = m.captured(5).toUpper();
        if (digits.isEmpty()) {
            return failWith<Span>(error, QStringLiteral("\"%1\" leaves every digit of its year unspecified").arg(text));
        }
        if (digits.size() + xs.size() < 4) {
            return failWith<Span>(error, QStringLiteral("\"%1\": EDTF writes a year with four digits").arg(text));
        }
        if (!xs.isEmpty() && (!month.isEmpty() || !day.isEmpty())) {
            return failWith<Span>(error,
                QStringLiteral("\"%1\": Annals reads unspecified digits (X) in a year without a month, or in a month "
                               "or day")
                    .arg(text));
        }
        if (month == QLatin1String("XX") && !day.isEmpty() && day != QLatin1String("XX")) {
            return failWith<Span>(error, QStringLiteral("\"%1\" gives a day of an unspecified month").arg(text));
        }
        if (!xs.isEmpty()) {
            const QString sign = m.captured(1);
            const QString low = sign + digits + QString(xs.size(), u'0');
            const QString high = sign + digits + QString(xs.size(), u'9');
            std::optional<TimePoint> a = TimePoint::parse(sign.isEmpty() && low.size() > 4 ? u'+' + low : low, error);
            std::optional<TimePoint> b
                = a ? TimePoint::parse(sign.isEmpty() && high.size() > 4 ? u'+' + high : high, error) : std::nullopt;
            if (!b) {
                return std::nullopt;
            }
            if (b->seconds < a->seconds) {
                std::swap(a, b); // "-19XX": from -1999 to -1900
            }
            return Span{*a, *b, true};
        }
        // "1985-XX" is the year 1985, "1985-04-XX" April 1985: the unspecified part is left out.
        const QString known = m.captured(1) + digits + (month == QLatin1String("XX") ? QString() : u'-' + month);
        const std::optional<TimePoint> point = TimePoint::parse(known, error);
        if (!point) {
            return std::nullopt;
        }
        return Span{*point, *point, true};
    }
    static const QRegularExpression season(QStringLiteral(R"(^([+-]?\d{4,})-(2[1-4])$)"));
    if (const auto m = season.match(text); m.hasMatch()) {
        // EDTF's seasons (21 spring, 22 summer, 23 autumn, 24 winter), in the northern hemisphere's months.
        // The year as any other is read, so that its bounds (20 billion years) hold here too.
        const QString yearText = m.captured(1);
        const std::optional<TimePoint> yearPoint
            = TimePoint::parse(yearText.size() > 4 && yearText.front().isDigit() ? u'+' + yearText : yearText, error);
        if (!yearPoint) {
            return std::nullopt;
        }
        const qint64 year = Calendar::fromSeconds(yearPoint->seconds).year;
        if (year >= Calendar::kMaxAbsYear) {
            return failWith<Span>(error, QStringLiteral("\"%1\" lies more than 20 billion years away").arg(text));
        }
        const int first = 3 + 3 * (m.captured(2).toInt() - 21); // March, June, September, December
        const qint64 start = Calendar::toSeconds({year, first, 1, 0, 0, 0});
        const qint64 last = Calendar::toSeconds(first == 12 ? Calendar::CivilTime{year + 1, 2, 1, 0, 0, 0}
                                                            : Calendar::CivilTime{year, first + 2, 1, 0, 0, 0});
        return Span{{start, Precision::Month}, {last, Precision::Month}, true};
    }
    const std::optional<TimePoint> point = DateText::parsePoint(text, error);
    return point ? std::optional(Span{*point, *point}) : std::nullopt;
}

// From the first point to the last, at the coarser precision; nullopt when the last comes first.
std::optional<EventTime> spanOf(const TimePoint &first, const TimePoint &last, const QString &text, QString *error)
{
    if (last.isBefore(first)) {
        return failWith<EventTime>(error, QStringLiteral("\"%1\": the end comes before the start").arg(text));
    }
    return EventTime::spanning(first, last);
}

// EDTF: qualifiers anywhere (the whole date takes them), intervals, sets, unspecified digits and seasons.
std::optional<EventTime> parseEdtf(const QString &text, quint8 qualifiers, QString *error)
{
    QString bare;
    for (const QChar c : text) {
        if (const quint8 mark = qualifierOf(c); mark != 0) {
            qualifiers |= mark;
        } else {
            bare += c;
        }
    }
    bare = bare.trimmed();
    bool unspecified = false;
    const auto spanOfText = [&](const QString &part) {
        std::optional<Span> span = edtfSpan(part.trimmed(), error);
        unspecified = unspecified || (span && span->unspecified);
        return span;
    };
    std::optional<EventTime> time;
    const bool oneOf = bare.startsWith(u'[') && bare.endsWith(u']');
    const bool allOf = bare.startsWith(u'{') && bare.endsWith(u'}');
    if (oneOf || allOf) {
        // A set: its members, each a date or a run "a..b". Annals draws it from the earliest to the latest.
        const QStringList members = bare.mid(1, bare.size() - 2).split(u',');
        std::optional<TimePoint> first, last;
        for (const QString &member : members) {
            const QStringList ends = member.trimmed().split(QStringLiteral(".."));
            if (ends.size() > 2) {
                return failWith<EventTime>(error, QStringLiteral("\"%1\" is not a member of a set").arg(member));
            }
            const std::optional<Span> a = spanOfText(ends.front());
            const std::optional<Span> b = a && ends.size() == 2 ? spanOfText(ends.back()) : a;
            if (!b) {
                return std::nullopt;
            }
            first = !first || a->first.isBefore(*first) ? a->first : *first;
            last = !last || last->isBefore(b->last) ? b->last : *last;
        }
        time = spanOf(*first, *last, text, error);
        if (time && oneOf && time->isRange()) {
            qualifiers |= EventTime::Within;
        }
    } else if (const qsizetype slash = bare.indexOf(u'/'); slash >= 0) {
        const QString right = bare.mid(slash + 1).trimmed();
        if (!right.isEmpty() && right != QLatin1String("..") && !looksLikeEdtf(right)) {
            // "2023/05/22" is no interval: say what is wrong with it as a date.
            const std::optional<TimePoint> point = DateText::parsePoint(bare, error);
            return point ? std::optional(EventTime::of(*point)) : std::nullopt;
        }
        const std::optional<Span> a = spanOfText(bare.left(slash));
        const std::optional<Span> b = a ? spanOfText(bare.mid(slash + 1)) : std::nullopt;
        if (!b) {
            return std::nullopt;
        }
        time = spanOf(a->first, b->last, text, error);
    } else {
        const std::optional<Span> span = spanOfText(bare);
        if (!span) {
            return std::nullopt;
        }
        time = spanOf(span->first, span->last, text, error);
        if (time && time->isRange()) {
            qualifiers |= EventTime::Within; // "198X": some year of the eighties
        }
    }
    if (!time) {
        return std::nullopt;
    }
    time->setQualifiers(qualifiers);
    if (qualifiers != 0 || unspecified || oneOf || allOf) {
        time->setWritten(text);
    }
    return time;
}

} // namespace

namespace DateText {

std::optional<TimePoint> parsePoint(QStringView text, QString *error)
{
    const QString trimmed = text.trimmed().toString();
    const bool hasLetter = std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isLetter(); });
    if (!hasLetter) {
        return TimePoint::parse(trimmed, error);
    }
    // English month names and abbreviations, in any case, as exports and historians write them: 9-May-20,
    // 01-January-2015, 22 May 2023, 30 may 1381; May 22, 2023; Dec 1192, January 2020.
    static const QRegularExpression dayMonthYear(
        QStringLiteral(R"(^(\d{1,2})[-\s/]([A-Za-z]{3,9})\.?[-\s/,]+(\d{1,4})$)"));
    static const QRegularExpression monthDayYear(QStringLiteral(R"(^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{3,4})$)"));
    static const QRegularExpression monthYear(QStringLiteral(R"(^([A-Za-z]{3,9})\.?[-\s/,]+(\d{1,4})$)"));
    QString day;
    QString name;
    QString yearText;
    if (const auto m = dayMonthYear.match(trimmed); m.hasMatch()) {
        std::tie(day, name, yearText) = std::tuple{m.captured(1), m.captured(2), m.captured(3)};
    } else if (const auto m2 = monthDayYear.match(trimmed); m2.hasMatch()) {
        std::tie(name, day, yearText) = std::tuple{m2.captured(1), m2.captured(2), m2.captured(3)};
    } else if (const auto m3 = monthYear.match(trimmed); m3.hasMatch()) {
        std::tie(name, yearText) = std::tuple{m3.captured(1), m3.captured(2)};
    } else {
        return TimePoint::parse(trimmed, error);
    }
    const QLocale c = QLocale::c();
    int month = name.compare(QLatin1String("sept"), Qt::CaseInsensitive) == 0 ? 9 : 0;
    for (int i = 1; i <= 12 && month == 0; ++i) {
        if (name.compare(c.monthName(i, QLocale::LongFormat), Qt::CaseInsensitive) == 0
            || name.compare(c.monthName(i, QLocale::ShortFormat), Qt::CaseInsensitive) == 0) {
            month = i;
        }
    }
    if (month == 0) {
        return failWith<TimePoint>(error, QStringLiteral("\"%1\" names no month").arg(trimmed));
    }
    int year = yearText.toInt();
    if (yearText.size() == 2) {
        if (day.isEmpty()) {
            // "Jan-20" or "May 22": a month of which year? Not the year 20.
            return failWith<TimePoint>(error,
                QStringLiteral("\"%1\" has a two-digit year; write it with four (\"%2 20%3\" or \"%2 19%3\")")
                    .arg(trimmed, name, yearText));
        }
        // As ACLED and Excel write them (9-May-20 is 2020): a year up to this one in this century, else the last.
        const int thisYear = QDate::currentDate().year();
        year += year <= thisYear % 100 ? thisYear / 100 * 100 : thisYear / 100 * 100 - 100;
    }
    QString iso = QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'));
    if (!day.isEmpty()) {
        iso += QStringLiteral("-%1").arg(day.toInt(), 2, 10, QLatin1Char('0'));
    }
    const std::optional<TimePoint> point = TimePoint::parse(iso, error);
    if (!point && error) {
        error->replace(iso, trimmed); // the message quotes the date as the file writes it
    }
    return point;
}

std::optional<EventTime> parse(QStringView input, QString *error)
{
    const QString text = input.trimmed().toString();
    if (text.isEmpty()) {
        return failWith<EventTime>(error, QStringLiteral("the date is empty"));
    }
    quint8 qualifiers = 0;
    QString rest = text;
    // "c. 383", "ca. 1200", "circa 1200", "approx. 1850": near that date.
    static const QRegularExpression circa(
        QStringLiteral(R"(^(?:circa|ca\.|c\.|ca(?=\s)|c(?=\s)|approx\.|approximately|about|around)\s*(?=\S))"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = circa.match(rest); m.hasMatch()) {
        qualifiers |= EventTime::Approximate;
        rest = rest.mid(m.capturedEnd());
    }
    // "Between 47 and 50", "between 25 jun 1381 and 26 jun 1381": at some time in that span.
    static const QRegularExpression between(
        QStringLiteral(R"(^between\s+(.+?)\s+and\s+(.+?)$)"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = between.match(rest); m.hasMatch()) {
        QString firstText = m.captured(1);
        const QString lastText = m.captured(2);
        // "between 50 and 47 BC": the era is said once, for both.
        static const QRegularExpression era(
            QStringLiteral(R"(\s*(BC|BCE|AD|CE)$)"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression number(QStringLiteral(R"(^\d{1,12}$)"));
        if (const auto e = era.match(lastText); e.hasMatch() && number.match(firstText).hasMatch()) {
            firstText += e.captured(0);
        }
        // Each side may say how sure it is ("between c. 47 and c. 50", "between 47 and 50?"), as Annals writes it.
        const std::optional<EventTime> a = parse(firstText, error);
        const std::optional<EventTime> b = a ? parse(lastText, error) : std::nullopt;
        if (!b) {
            return std::nullopt;
        }
        std::optional<EventTime> time = spanOf(a->first(), b->last(), text, error);
        if (time) {
            const quint8 sides = (a->qualifiers() | b->qualifiers()) & (EventTime::Approximate | EventTime::Uncertain);
            time->setQualifiers(qualifiers | sides | (time->isRange() ? EventTime::Within : 0));
            time->setWritten(text);
        }
        return time;
    }
    if (looksLikeEdtf(rest)) {
        std::optional<EventTime> time = parseEdtf(rest, qualifiers, error);
        if (time && !time->written().isEmpty()) {
            time->setWritten(text); // with the words before it ("c. 1984")
        }
        return time;
    }
    // Any other date, perhaps with a question mark or tilde after it ("May 1381?").
    while (!rest.isEmpty() && qualifierOf(rest.back()) != 0) {
        qualifiers |= qualifierOf(rest.back());
        rest.chop(1);
    }
    if (rest.trimmed().isEmpty()) {
        return failWith<EventTime>(error, QStringLiteral("\"%1\" holds no date").arg(text));
    }
    const std::optional<TimePoint> point = parsePoint(rest, error);
    if (!point) {
        if (error && rest != text) {
            error->replace(
                QLatin1Char('"') + rest.trimmed() + QLatin1Char('"'), QLatin1Char('"') + text + QLatin1Char('"'));
        }
        return std::nullopt;
    }
    EventTime time = EventTime::of(*point);
    time.setQualifiers(qualifiers);
    if (qualifiers != 0) {
        time.setWritten(text);
    }
    return time;
}

std::optional<EventTime> join(const EventTime &start, const EventTime &end, QString *error)
{
    if (start.isRange()) {
        return failWith<EventTime>(error,
            QStringLiteral("the start (%1) already spans a time of its own; give its end there, or leave the end "
                           "empty")
                .arg(start.toDisplayString()));
    }
    if (end.last().isBefore(start.first())) {
        return failWith<EventTime>(error, QStringLiteral("the end comes before the start"));
    }
    EventTime time = EventTime::spanning(start.first(), end.last());
    // Approximate or uncertain as either end is; an end that is a span of its own is an uncertain end.
    const quint8 sure = (start.qualifiers() | end.qualifiers()) & (EventTime::Approximate | EventTime::Uncertain);
    time.setQualifiers(sure | (end.isWithin() ? EventTime::Uncertain : 0));
    if (time.qualifiers() != 0) {
        // Each side as written, or as Annals shows a plain date ("c. 1200 – 1250", "c. 383 – 47 BC").
        const auto textOf = [](const EventTime &t) { return t.toDisplayString(); };
        time.setWritten(textOf(start) + QStringLiteral(" – ") + textOf(end));
    }
    return time;
}

} // namespace DateText
