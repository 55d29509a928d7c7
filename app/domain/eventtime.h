// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

QT_BEGIN_NAMESPACE
class QLocale;
QT_END_NAMESPACE

// How exactly a time is known. Ordered from coarse to fine. Stored as its number: add new ones at the end.
enum class Precision : quint8 { Year, Month, Day, Minute, Second, Millisecond };

QString precisionName(Precision precision);
std::optional<Precision> precisionFromName(QStringView name);

// The proleptic Gregorian calendar on 64-bit counts, so that deep time (13.8 billion years ago) and 490 BC are
// as representable as today. Years are astronomical: year 0 is 1 BC, year -489 is 490 BC. Times are seconds
// since 1970-01-01T00:00:00 UTC; there is no leap second and no time zone.
namespace Calendar {

struct CivilTime {
    qint64 year = 1970;
    int month = 1; // 1..12
    int day = 1; // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// Years beyond this (in either direction) are refused: the timeline spans at most twenty billion years, and
// far past it seconds would overflow.
inline constexpr qint64 kMaxAbsYear = 20'000'000'000LL;

// Division rounding towards minus infinity, as calendars need for times before 1970.
qint64 floorDiv(qint64 a, qint64 b);
// "2023", "490 BC"; before 10,000 BC the round number ("13,800,000,000 BC"), grouped past four digits.
QString yearText(qint64 year, const QLocale &locale);

bool isLeapYear(qint64 year);
int daysInMonth(qint64 year, int month); // 0 for a month outside 1..12
qint64 daysFromCivil(qint64 year, int month, int day);
qint64 toSeconds(const CivilTime &time);
CivilTime fromSeconds(qint64 seconds);

} // namespace Calendar

// A point in time with its precision, as read from text: "2023", "2023-03", "2023-03-21", "2023-03-21T14:30Z",
// "-0489" or "490 BC". The seconds are the start of the period the text names.
// A time of day is as precise as its finest part that is not zero: "14:30:00" is a minute, "14:30:15" a second,
// "14:30:15.250" a millisecond.
struct TimePoint {
    qint64 seconds = 0;
    Precision precision = Precision::Day;
    int millisecond = 0; // 0..999, within `seconds`; only at millisecond precision

    // Returns nullopt and sets *error to a sentence saying what is wrong.
    static std::optional<TimePoint> parse(QStringView text, QString *error = nullptr);
    // ISO 8601 text at the given precision, with an expanded year outside 0..9999 ("-0489", "-13800000000").
    static QString toIso(qint64 seconds, Precision precision, int millisecond = 0);
    // The first second of the period of the given precision that contains `seconds` (its year, month, day or
    // minute), and the first second after it.
    static qint64 periodStart(qint64 seconds, Precision precision);
    static qint64 periodEnd(qint64 seconds, Precision precision);
    // A moment a clock gives (a calendar's, a program's): to the minute, or to the second where it has seconds,
    // by the same rule as parse().
    static TimePoint ofClock(qint64 seconds);

    // Whether this comes before `other`, milliseconds included; precision aside.
    bool isBefore(const TimePoint &other) const
    {
        return seconds != other.seconds ? seconds < other.seconds : millisecond < other.millisecond;
    }

    friend bool operator==(const TimePoint &, const TimePoint &) = default;
};

// When an event happened: a start, an optional end (both at the same precision) and that precision, and what the
// source says of how sure it is.
class EventTime {
public:
    // What a source says of a date's certainty, as bits that combine (EDTF's "%" is approximate and uncertain).
    enum Qualifier : quint8 {
        Approximate = 1, // near this date: "c. 383", "circa 1200", "1984~", Timeline's "fuzzy"
        Uncertain = 2, // this date, but the source is not sure of it: "1984?"
        Within = 4, // at some time from the start to the end, not throughout: "Between 47 and 50", "198X"
    };
    static constexpr quint8 kQualifierBits = Approximate | Uncertain | Within;

    EventTime() = default;
    EventTime(qint64 start, Precision precision);
    EventTime(qint64 start, qint64 end, Precision precision);
    // A moment, with its millisecond.
    static EventTime of(const TimePoint &point);
    // From `start` to `end` at `precision`, each end at the start of its period: one moment where both fall in
    // the same period, a range where they do not.
    static EventTime spanning(qint64 start, qint64 end, Precision precision);
    // The same from two points, at the coarser of their precisions (the finer where both are times of day, whose
    // zeros say nothing: 10:00:00 to 10:05:30 is to the second), milliseconds kept at millisecond precision.
    static EventTime spanning(const TimePoint &start, const TimePoint &end);
    // Whether a precision has a time of day (a minute, a second, a millisecond).
    static bool isClock(Precision precision);
    // This time at another precision, qualifiers and written text kept: a coarser one rounds both ends down to
    // their periods; a finer time of day takes the time as it is (a text whose zeros read coarser, "10:00:00").
    EventTime withPrecision(Precision precision) const;

    qint64 start() const { return m_start; }
    std::optional<qint64> end() const { return m_end; }
    Precision precision() const { return m_precision; }
    bool isRange() const { return m_end.has_value(); }
    // The start, and the end (the start again for a moment), as points with their milliseconds.
    TimePoint first() const { return {m_start, m_precision, m_startMillisecond}; }
    TimePoint last() const { return m_end ? TimePoint{*m_end, m_precision, m_endMillisecond} : first(); }
    // Within the start's and the end's second (0..999), at millisecond precision; 0 otherwise.
    int startMillisecond() const { return m_startMillisecond; }
    int endMillisecond() const { return m_endMillisecond; }
    void setMilliseconds(int start, int end);

    quint8 qualifiers() const { return m_qualifiers; }
    void setQualifiers(quint8 qualifiers) { m_qualifiers = qualifiers & kQualifierBits; }
    bool isApproximate() const { return m_qualifiers & Approximate; }
    bool isUncertain() const { return m_qualifiers & Uncertain; }
    bool isWithin() const { return m_qualifiers & Within; }
    // The date as the source wrote it ("c. 383", "1984?"), kept for a qualified date; empty otherwise.
    const QString &written() const { return m_written; }
    void setWritten(const QString &text) { m_written = text; }
    // The qualifiers as words, for exports and filters: "approximate", "uncertain", "approximate uncertain", each
    // with " within" where it applies ("within" alone for a plain span); empty when the date is exact.
    static QString qualifierText(quint8 qualifiers);
    // Back from those words (any order, spaces or commas between); nullopt for a word that is none of them.
    static std::optional<quint8> qualifiersFromText(QStringView text);

    // The first second after everything the event covers: the end of the last period it names. A day-precision
    // instant on 21 March covers all of 21 March, a month-precision one the whole month.
    qint64 coverEnd() const;

    // "March 2023", "29 April 2023", "20–22 March 2023", "490 BC", "21 March 2023, 14:30 UTC"; a qualified date as
    // it was written ("c. 383"), or where nothing was written, "c. 383", "1984?", "between 47 and 50".
    QString toDisplayString(const QLocale &locale) const;
    QString toDisplayString() const;

    friend bool operator==(const EventTime &, const EventTime &) = default;

private:
    qint64 m_start = 0;
    std::optional<qint64> m_end;
    Precision m_precision = Precision::Day;
    quint8 m_qualifiers = 0;
    quint16 m_startMillisecond = 0;
    quint16 m_endMillisecond = 0;
    QString m_written;
};

// How sure a date is, as the filters ask: "exact" (nothing qualifies it), "approximate", and "uncertain" (uncertain,
// or somewhere within a span). An approximate and uncertain date is both.
namespace Certainty {
enum Kind : quint8 { Exact = 1, Approximate = 2, Uncertain = 4 }; // bits
// The kinds a date with these EventTime::Qualifier bits is.
quint8 of(quint8 qualifiers);
// "exact", "approximate", "uncertain", and back (any case); nullopt for another word.
QString name(Kind kind);
std::optional<Kind> fromName(QStringView name);
inline constexpr Kind kAll[] = {Exact, Approximate, Uncertain};
} // namespace Certainty
