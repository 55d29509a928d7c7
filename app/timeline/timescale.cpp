// SPDX-License-Identifier: GPL-3.0-or-later
#include "timescale.h"

#include <QLocale>

#include "domain/eventtime.h"

#include <algorithm>
#include <cmath>

namespace TimeScale {

double timeToX(qint64 t, const Range &range, double width)
{
    if (width <= 0 || range.span() <= 0) {
        return 0;
    }
    // long double keeps whole seconds exact across twenty billion years.
    return double((long double)(t - range.start) * width / (long double)range.span());
}

qint64 xToTime(double x, const Range &range, double width)
{
    if (width <= 0) {
        return range.start;
    }
    return range.start + qint64(std::llround((long double)x * range.span() / width));
}

Range zoomAt(const Range &range, qint64 anchor, double factor)
{
    const long double span
        = std::clamp((long double)range.span() * factor, (long double)kMinSpan, (long double)kMaxSpan);
    const long double ratio = span / range.span();
    const qint64 start = anchor - qint64(std::llround((long double)(anchor - range.start) * ratio));
    return {start, start + qint64(std::llround(span))};
}

Range pan(const Range &range, qint64 delta)
{
    return {range.start + delta, range.end + delta};
}

QString describe(const Range &range)
{
    // To the precision the span warrants: minutes within a day, days within half a year, months within thirty
    // years, years beyond (a billion years' range does not name its days).
    const Precision precision = range.span() < kDay ? Precision::Minute
        : range.span() < 183 * kDay                 ? Precision::Day
        : range.span() < 30 * 365 * kDay            ? Precision::Month
                                                    : Precision::Year;
    const qint64 last = TimePoint::periodStart(range.end - 1, precision);
    return EventTime(range.start, last, precision).toDisplayString();
}

QString describeDuration(qint64 seconds)
{
    struct Unit {
        qint64 seconds;
        const char *one;
        const char *many;
    };
    static constexpr Unit kUnits[] = {{365 * kDay + kDay / 4, "year", "years"}, {30 * kDay, "month", "months"},
        {7 * kDay, "week", "weeks"}, {kDay, "day", "days"}, {3600, "hour", "hours"}, {60, "minute", "minutes"}};
    for (const Unit &unit : kUnits) {
        // A unit serves from two of it up ("9 days", not "1 week"); minutes take whatever is left.
        if (seconds >= 2 * unit.seconds || unit.seconds == 60) {
            const qint64 count = std::max<qint64>(1, (seconds + unit.seconds / 2) / unit.seconds);
            return QLocale().toString(count) + QLatin1Char(' ') + QLatin1String(count == 1 ? unit.one : unit.many);
        }
    }
    return {};
}

Range clamp(const Range &range, const Range &limits)
{
    if (range.span() >= limits.span()) {
        return limits;
    }
    if (range.start < limits.start) {
        return {limits.start, limits.start + range.span()};
    }
    if (range.end > limits.end) {
        return {limits.end - range.span(), limits.end};
    }
    return range;
}

} // namespace TimeScale
