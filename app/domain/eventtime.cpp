// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtime.h"

#include "domain/displayzone.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace {

using Calendar::floorDiv;
using Calendar::yearText;

constexpr qint64 kSecondsPerDay = 86'400;

QString monthYearText(const Calendar::CivilTime &t, const QLocale &locale)
{
    return locale.monthName(t.month) + QLatin1Char(' ') + yearText(t.year, locale);
}

QString dayMonthText(const Calendar::CivilTime &t, const QLocale &locale)
{
    return QString::number(t.day) + QLatin1Char(' ') + locale.monthName(t.month);
}

// "14:30", "14:30:15" or "14:30:15.250", as the precision has it.
QString clockText(const Calendar::CivilTime &t, Precision precision = Precision::Minute, int millisecond = 0)
{
    QString text = QStringLiteral("%1:%2").arg(t.hour, 2, 10, QLatin1Char('0')).arg(t.minute, 2, 10, QLatin1Char('0'));
    if (precision >= Precision::Second) {
        text += QStringLiteral(":%1").arg(t.second, 2, 10, QLatin1Char('0'));
    }
    if (precision >= Precision::Millisecond) {
        text += QStringLiteral(".%1").arg(millisecond, 3, 10, QLatin1Char('0'));
    }
    return text;
}

bool hasClock(Precision precision)
{
    return precision >= Precision::Minute;
}

// `zone`: what follows a time of day ("UTC", "CET").
QString pointText(
    const Calendar::CivilTime &t, Precision precision, const QLocale &locale, const QString &zone, int millisecond = 0)
{
    switch (precision) {
    case Precision::Year:
        return yearText(t.year, locale);
    case Precision::Month:
        return monthYearText(t, locale);
    case Precision::Day:
        return dayMonthText(t, locale) + QLatin1Char(' ') + yearText(t.year, locale);
    case Precision::Minute:
    case Precision::Second:
    case Precision::Millisecond:
        return dayMonthText(t, locale) + QLatin1Char(' ') + yearText(t.year, locale) + QStringLiteral(", ")
            + clockText(t, precision, millisecond) + QLatin1Char(' ') + zone;
    }
    return {};
}

const QChar kEnDash(0x2013);

QString rangeText(const Calendar::CivilTime &a, const Calendar::CivilTime &b, Precision precision,
    const QLocale &locale, const QString &zoneA, const QString &zoneB, int millisecondA, int millisecondB)
{
    const QString spaced = QLatin1Char(' ') + kEnDash + QLatin1Char(' ');
    const bool sameYear = a.year == b.year;
    const bool sameMonth = sameYear && a.month == b.month;
    switch (precision) {
    case Precision::Year:
        if (a.year <= 0 && b.year <= 0) {
            QString first = yearText(a.year, locale);
            first.chop(3); // " BC", said once after the second year
            return first + kEnDash + yearText(b.year, locale);
        }
        return yearText(a.year, locale) + (a.year <= 0 ? spaced : QString(kEnDash)) + yearText(b.year, locale);
    case Precision::Month:
        if (sameYear) {
            return locale.monthName(a.month) + kEnDash + monthYearText(b, locale);
        }
        return monthYearText(a, locale) + spaced + monthYearText(b, locale);
    case Precision::Day:
        if (sameMonth) {
            return QString::number(a.day) + kEnDash + pointText(b, precision, locale, zoneB);
        }
        if (sameYear) {
            return dayMonthText(a, locale) + spaced + pointText(b, precision, locale, zoneB);
        }
        return pointText(a, precision, locale, zoneA) + spaced + pointText(b, precision, locale, zoneB);
    case Precision::Minute:
    case Precision::Second:
    case Precision::Millisecond:
        if (sameMonth && a.day == b.day && zoneA == zoneB) {
            return dayMonthText(a, locale) + QLatin1Char(' ') + yearText(a.year, locale) + QStringLiteral(", ")
                + clockText(a, precision, millisecondA) + kEnDash + clockText(b, precision, millisecondB)
                + QLatin1Char(' ') + zoneA;
        }
        return pointText(a, precision, locale, zoneA, millisecondA) + spaced
            + pointText(b, precision, locale, zoneB, millisecondB);
    }
    return {};
}

} // namespace

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Year:
        return QStringLiteral("year");
    case Precision::Month:
        return QStringLiteral("month");
    case Precision::Day:
        return QStringLiteral("day");
    case Precision::Minute:
        return QStringLiteral("minute");
    case Precision::Second:
        return QStringLiteral("second");
    case Precision::Millisecond:
        return QStringLiteral("millisecond");
    }
    return {};
}

std::optional<Precision> precisionFromName(QStringView name)
{
    for (const Precision p : {Precision::Year, Precision::Month, Precision::Day, Precision::Minute, Precision::Second,
             Precision::Millisecond}) {
        if (name.compare(precisionName(p), Qt::CaseInsensitive) == 0) {
            return p;
        }
    }
    return std::nullopt;
}

namespace Calendar {

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

QString yearText(qint64 year, const QLocale &locale)
{
    // Group digits only where a year is too long to read at a glance (deep time), never "2,023".
    const auto number = [&](qint64 n) { return n >= 10'000 ? locale.toString(n) : QString::number(n); };
    if (year > 0) {
        return number(year);
    }
    // Year 0 is 1 BC. Before 10,000 BC that one-year shift is below any source's precision, and a deep-time year
    // written -13800000000 means "13,800,000,000 BC", not "13,800,000,001 BC".
    return QStringLiteral("%1 BC").arg(number(year > -10'000 ? 1 - year : -year));
}

bool isLeapYear(qint64 year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(qint64 year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil, on 64-bit years.
qint64 daysFromCivil(qint64 year, int month, int day)
{
    const qint64 y = month <= 2 ? year - 1 : year;
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 mp = (month + 9) % 12;
    const qint64 doy = (153 * mp + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146'097 + doe - 719'468;
}

qint64 toSeconds(const CivilTime &t)
{
    return daysFromCivil(t.year, t.month, t.day) * kSecondsPerDay + t.hour * 3600 + t.minute * 60 + t.second;
}

CivilTime fromSeconds(qint64 seconds)
{
    const qint64 days = floorDiv(seconds, kSecondsPerDay);
    const qint64 secondOfDay = seconds - days * kSecondsPerDay;
    const qint64 z = days + 719'468;
    const qint64 era = floorDiv(z, 146'097);
    const qint64 doe = z - era * 146'097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    CivilTime t;
    t.day = int(doy - (153 * mp + 2) / 5 + 1);
    t.month = int(mp < 10 ? mp + 3 : mp - 9);
    t.year = yoe + era * 400 + (t.month <= 2 ? 1 : 0);
    t.hour = int(secondOfDay / 3600);
    t.minute = int(secondOfDay / 60 % 60);
    t.second = int(secondOfDay % 60);
    return t;
}

} // namespace Calendar

std::optional<TimePoint> TimePoint::parse(QStringView text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<TimePoint> {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty()) {
        return fail(QStringLiteral("the date is empty"));
    }

    // "490 BC", "490 BCE", "1066 AD", "AD 1066", "13800000000 BC"
    static const QRegularExpression era(
        QStringLiteral(R"(^(?:(AD|CE)\s+)?(\d{1,12})\s*(BC|BCE|AD|CE)?$)"), QRegularExpression::CaseInsensitiveOption);
    // ISO 8601 with an optionally signed, expanded year.
    static const QRegularExpression iso(QStringLiteral(R"(^([+-]?\d{1,12})(?:-(\d{1,2})(?:-(\d{1,2}))?)?)"
                                                       R"((?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)"
                                                       R"((Z|[+-]\d{2}:?\d{2})?)?$)"));

    Calendar::CivilTime t;
    TimePoint point;
    point.precision = Precision::Year;

    // "20230522": a compact ISO date, as GDELT writes its days, rather than the year 20,230,522.
    static const QRegularExpression compact(QStringLiteral(R"(^(\d{4})(\d{2})(\d{2})$)"));
    if (const auto m = compact.match(trimmed); m.hasMatch()) {
        return parse(QStringLiteral("%1-%2-%3").arg(m.captured(1), m.captured(2), m.captured(3)), error);
    }

    if (const auto m = era.match(trimmed); m.hasMatch() && (m.hasCaptured(1) || m.hasCaptured(3))) {
        const qint64 n = m.captured(2).toLongLong();
        const bool bc = m.captured(3).startsWith(QLatin1Char('B'), Qt::CaseInsensitive);
        if (n == 0) {
            return fail(QStringLiteral("\"%1\": there is no year 0 in BC/AD counting").arg(trimmed));
        }
        // Year 0 is 1 BC; before 10,000 BC the round number is meant (as yearText shows it).
        t.year = bc ? (n >= 10'000 ? -n : 1 - n) : n;
    } else if (const auto m = iso.match(trimmed); m.hasMatch()) {
        bool ok = false;
        t.year = m.captured(1).toLongLong(&ok);
        if (!ok) {
            return fail(QStringLiteral("\"%1\" has an unreadable year").arg(trimmed));
        }
        if (t.year > Calendar::kMaxAbsYear || t.year < -Calendar::kMaxAbsYear) {
            return fail(QStringLiteral("\"%1\" lies more than 20 billion years away").arg(trimmed));
        }
        // ISO 8601 writes a year past 9999 with its sign (+12000-06). A long unsigned year before a month is a
        // damaged date ("1899000-01-01", a year of 1.9 million that would stretch the timeline to fit it).
        if (m.hasCaptured(2) && m.captured(1).size() > 4 && m.captured(1).front().isDigit()) {
            return fail(QStringLiteral("\"%1\" has a %2-digit year without a sign; ISO 8601 writes a year past 9999 "
                                       "with one (+%3), so this looks like a damaged date")
                            .arg(trimmed)
                            .arg(m.captured(1).size())
                            .arg(trimmed.left(40)));
        }
        if (m.hasCaptured(2)) {
            t.month = m.captured(2).toInt();
            point.precision = Precision::Month;
            if (t.month < 1 || t.month > 12) {
                return fail(QStringLiteral("\"%1\" has month %2; a month runs from 1 to 12").arg(trimmed).arg(t.month));
            }
        }
        if (m.hasCaptured(3)) {
            t.day = m.captured(3).toInt();
            point.precision = Precision::Day;
            const int last = Calendar::daysInMonth(t.year, t.month);
            if (t.day < 1 || t.day > last) {
                return fail(
                    QStringLiteral("\"%1\" has day %2, but that month has %3 days").arg(trimmed).arg(t.day).arg(last));
            }
        }
        if (m.hasCaptured(4)) {
            if (!m.hasCaptured(3)) {
                return fail(QStringLiteral("\"%1\" has a time of day but no day").arg(trimmed));
            }
            t.hour = m.captured(4).toInt();
            t.minute = m.captured(5).toInt();
            t.second = m.hasCaptured(6) ? m.captured(6).toInt() : 0;
            // Milliseconds: the fraction's first three digits ("15.5" is 500 ms; finer digits are dropped).
            point.millisecond = m.hasCaptured(7) ? m.captured(7).left(3).leftJustified(3, u'0').toInt() : 0;
            point.precision = point.millisecond != 0 ? Precision::Millisecond
                : t.second != 0                      ? Precision::Second
                                                     : Precision::Minute;
            if (t.hour > 23 || t.minute > 59 || t.second > 59) {
                return fail(QStringLiteral("\"%1\" has an impossible time of day").arg(trimmed));
            }
        }
        point.seconds = Calendar::toSeconds(t);
        if (m.hasCaptured(8) && m.captured(8) != QLatin1String("Z")) {
            QString offset = m.captured(8);
            offset.remove(QLatin1Char(':'));
            const int sign = offset.startsWith(QLatin1Char('-')) ? -1 : 1;
            const int hours = offset.mid(1, 2).toInt();
            const int minutes = offset.mid(3, 2).toInt();
            if (hours > 14 || minutes > 59) {
                return fail(QStringLiteral("\"%1\" has an impossible UTC offset").arg(trimmed));
            }
            point.seconds -= sign * (hours * 3600 + minutes * 60);
        }
    } else {
        return fail(QStringLiteral("\"%1\" is not a date; write it as 2023, 2023-03, 2023-03-21, "
                                   "2023-03-21T14:30Z or 490 BC")
                        .arg(trimmed));
    }

    if (t.year > Calendar::kMaxAbsYear || t.year < -Calendar::kMaxAbsYear) {
        return fail(QStringLiteral("\"%1\" lies more than 20 billion years away").arg(trimmed));
    }
    if (!hasClock(point.precision)) {
        point.seconds = Calendar::toSeconds(t);
    }
    return point;
}

QString TimePoint::toIso(qint64 seconds, Precision precision, int millisecond)
{
    const Calendar::CivilTime t = Calendar::fromSeconds(seconds);
    QString result;
    if (t.year >= 0 && t.year <= 9999) {
        result = QStringLiteral("%1").arg(t.year, 4, 10, QLatin1Char('0'));
    } else {
        result = (t.year < 0 ? QStringLiteral("-") : QStringLiteral("+"))
            + QStringLiteral("%1").arg(qAbs(t.year), 4, 10, QLatin1Char('0'));
    }
    if (precision >= Precision::Month) {
        result += QStringLiteral("-%1").arg(t.month, 2, 10, QLatin1Char('0'));
    }
    if (precision >= Precision::Day) {
        result += QStringLiteral("-%1").arg(t.day, 2, 10, QLatin1Char('0'));
    }
    if (precision >= Precision::Minute) {
        result += QLatin1Char('T') + clockText(t, precision, millisecond) + QLatin1Char('Z');
    }
    return result;
}

qint64 TimePoint::periodStart(qint64 seconds, Precision precision)
{
    const Calendar::CivilTime t = Calendar::fromSeconds(seconds);
    switch (precision) {
    case Precision::Year:
        return Calendar::toSeconds({t.year, 1, 1, 0, 0, 0});
    case Precision::Month:
        return Calendar::toSeconds({t.year, t.month, 1, 0, 0, 0});
    case Precision::Day:
        return floorDiv(seconds, kSecondsPerDay) * kSecondsPerDay;
    case Precision::Minute:
        return floorDiv(seconds, 60) * 60;
    case Precision::Second:
    case Precision::Millisecond:
        return seconds;
    }
    return seconds;
}

EventTime EventTime::spanning(qint64 start, qint64 end, Precision precision)
{
    const qint64 a = TimePoint::periodStart(start, precision);
    const qint64 b = TimePoint::periodStart(end, precision);
    return a == b ? EventTime(a, precision) : EventTime(a, b, precision);
}

EventTime EventTime::spanning(const TimePoint &start, const TimePoint &end)
{
    // Two times of day are as precise as the finer: "10:00:00" reads as a minute only for its zeros, and with an
    // end at 10:05:30 it is a second. Otherwise the coarser: a day to a minute is days.
    const Precision precision = hasClock(start.precision) && hasClock(end.precision)
        ? std::max(start.precision, end.precision)
        : std::min(start.precision, end.precision);
    if (precision != Precision::Millisecond) {
        return spanning(start.seconds, end.seconds, precision);
    }
    if (!start.isBefore(end) && !end.isBefore(start)) {
        return of(start);
    }
    EventTime time(start.seconds, end.seconds, precision);
    time.setMilliseconds(start.millisecond, end.millisecond);
    return time;
}

bool EventTime::isClock(Precision precision)
{
    return hasClock(precision);
}

EventTime EventTime::withPrecision(Precision precision) const
{
    EventTime time = precision < m_precision ? spanning(m_start, m_end.value_or(m_start), precision)
        : m_end                              ? EventTime(m_start, *m_end, precision)
                                             : EventTime(m_start, precision);
    time.m_qualifiers = m_qualifiers;
    time.m_written = m_written;
    time.setMilliseconds(m_startMillisecond, m_endMillisecond);
    return time;
}

TimePoint TimePoint::ofClock(qint64 seconds)
{
    return {seconds, floorDiv(seconds, 60) * 60 == seconds ? Precision::Minute : Precision::Second};
}

EventTime EventTime::of(const TimePoint &point)
{
    EventTime time(point.seconds, point.precision);
    time.setMilliseconds(point.millisecond, 0);
    return time;
}

void EventTime::setMilliseconds(int start, int end)
{
    const bool kept = m_precision == Precision::Millisecond;
    m_startMillisecond = kept ? quint16(std::clamp(start, 0, 999)) : 0;
    m_endMillisecond = kept && m_end ? quint16(std::clamp(end, 0, 999)) : 0;
}

QString EventTime::qualifierText(quint8 qualifiers)
{
    QStringList words;
    if (qualifiers & Approximate) {
        words << QStringLiteral("approximate");
    }
    if (qualifiers & Uncertain) {
        words << QStringLiteral("uncertain");
    }
    if (qualifiers & Within) {
        words << QStringLiteral("within");
    }
    return words.join(QLatin1Char(' '));
}

std::optional<quint8> EventTime::qualifiersFromText(QStringView text)
{
    quint8 qualifiers = 0;
    static const QRegularExpression separators(QStringLiteral("[\\s,;+]+"));
    for (const QString &word : text.toString().split(separators, Qt::SkipEmptyParts)) {
        const QString lower = word.toLower();
        if (lower == QLatin1String("approximate")) {
            qualifiers |= Approximate;
        } else if (lower == QLatin1String("uncertain")) {
            qualifiers |= Uncertain;
        } else if (lower == QLatin1String("within")) {
            qualifiers |= Within;
        } else if (lower != QLatin1String("exact")) {
            return std::nullopt;
        }
    }
    return qualifiers;
}

qint64 TimePoint::periodEnd(qint64 seconds, Precision precision)
{
    Calendar::CivilTime t = Calendar::fromSeconds(seconds);
    switch (precision) {
    case Precision::Year:
        return Calendar::toSeconds({t.year + 1, 1, 1, 0, 0, 0});
    case Precision::Month:
        return Calendar::toSeconds(t.month == 12 ? Calendar::CivilTime{t.year + 1, 1, 1, 0, 0, 0}
                                                 : Calendar::CivilTime{t.year, t.month + 1, 1, 0, 0, 0});
    case Precision::Day:
        return (floorDiv(seconds, kSecondsPerDay) + 1) * kSecondsPerDay;
    case Precision::Minute:
        return (floorDiv(seconds, 60) + 1) * 60;
    case Precision::Second:
    case Precision::Millisecond:
        return seconds + 1;
    }
    return seconds;
}

EventTime::EventTime(qint64 start, Precision precision)
    : m_start(start)
    , m_precision(precision)
{
}

EventTime::EventTime(qint64 start, qint64 end, Precision precision)
    : m_start(start)
    , m_end(end)
    , m_precision(precision)
{
}

qint64 EventTime::coverEnd() const
{
    return TimePoint::periodEnd(m_end.value_or(m_start), m_precision);
}

QString EventTime::toDisplayString(const QLocale &locale) const
{
    if (!m_written.isEmpty()) {
        return m_written; // as the source wrote it: "c. 383", "1984?", "between 25 jun 1381 and 26 jun 1381"
    }
    // Times of day in the display zone; dates have none.
    const bool clock = hasClock(m_precision);
    const auto civil = [&](qint64 t) { return Calendar::fromSeconds(clock ? t + DisplayZone::offsetAt(t) : t); };
    const auto zone = [&](qint64 t) { return clock ? DisplayZone::suffixAt(t) : QString(); };
    const Calendar::CivilTime a = civil(m_start);
    QString text;
    if (!m_end
        || TimePoint::toIso(m_start, m_precision, m_startMillisecond)
            == TimePoint::toIso(*m_end, m_precision, m_endMillisecond)) {
        text = pointText(a, m_precision, locale, zone(m_start), m_startMillisecond);
    } else if (isWithin()) {
        // "between 47 and 50", "between c. 47 and c. 50"
        const QString about = isApproximate() ? QStringLiteral("c. ") : QString();
        text = QStringLiteral("between %1%2 and %1%3")
                   .arg(about, pointText(a, m_precision, locale, zone(m_start), m_startMillisecond),
                       pointText(civil(*m_end), m_precision, locale, zone(*m_end), m_endMillisecond));
        return isUncertain() ? text + QLatin1Char('?') : text;
    } else {
        text = rangeText(
            a, civil(*m_end), m_precision, locale, zone(m_start), zone(*m_end), m_startMillisecond, m_endMillisecond);
    }
    if (isApproximate()) {
        text.prepend(QStringLiteral("c. "));
    }
    if (isUncertain()) {
        text += QLatin1Char('?');
    }
    return text;
}

QString EventTime::toDisplayString() const
{
    return toDisplayString(QLocale());
}

namespace Certainty {

quint8 of(quint8 qualifiers)
{
    if ((qualifiers & EventTime::kQualifierBits) == 0) {
        return Exact;
    }
    return quint8(((qualifiers & EventTime::Approximate) ? Approximate : 0)
        | ((qualifiers & (EventTime::Uncertain | EventTime::Within)) ? Uncertain : 0));
}

QString name(Kind kind)
{
    switch (kind) {
    case Exact:
        return QStringLiteral("exact");
    case Approximate:
        return QStringLiteral("approximate");
    case Uncertain:
        return QStringLiteral("uncertain");
    }
    return {};
}

std::optional<Kind> fromName(QStringView text)
{
    for (const Kind kind : kAll) {
        if (text.trimmed().compare(name(kind), Qt::CaseInsensitive) == 0) {
            return kind;
        }
    }
    return std::nullopt;
}

} // namespace Certainty
