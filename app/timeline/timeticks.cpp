// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeticks.h"

#include "domain/eventtime.h"

#include <QLocale>

#include <cmath>

namespace {

using Kind = TimeTicks::Unit::Kind;
using TimeScale::Range;

constexpr qint64 kAverageYear = 31'556'952; // seconds in 365.2425 days

using Calendar::floorDiv;

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

qint64 yearStart(qint64 year)
{
    return Calendar::toSeconds({year, 1, 1, 0, 0, 0});
}

} // namespace

namespace TimeTicks {

qint64 Unit::approxSeconds() const
{
    switch (kind) {
    case Kind::Minute:
        return step * 60;
    case Kind::Hour:
        return step * 3600;
    case Kind::Day:
        return step * TimeScale::kDay;
    case Kind::Week:
        return step * 7 * TimeScale::kDay;
    case Kind::Month:
        return step * kAverageYear / 12;
    case Kind::Year:
        return step * kAverageYear;
    }
    return 1;
}

const QList<Unit> &units()
{
    static const QList<Unit> all = [] {
        QList<Unit> list;
        for (const qint64 s : {1, 2, 5, 10, 15, 30}) {
            list.append({Kind::Minute, s});
        }
        for (const qint64 s : {1, 2, 3, 6, 12}) {
            list.append({Kind::Hour, s});
        }
        list.append({Kind::Day, 1});
        list.append({Kind::Day, 2});
        list.append({Kind::Week, 1});
        for (const qint64 s : {1, 3, 6}) {
            list.append({Kind::Month, s});
        }
        for (qint64 decade = 1; decade <= 1'000'000'000LL; decade *= 10) {
            for (const qint64 s : {1, 2, 5}) {
                list.append({Kind::Year, s * decade});
            }
        }
        list.append({Kind::Year, 10'000'000'000LL});
        return list;
    }();
    return all;
}

QList<qint64> tickTimes(const Unit &unit, const Range &range, int maxCount)
{
    QList<qint64> times;
    const auto add = [&](qint64 t) {
        if (t >= range.start && t < range.end && (times.isEmpty() || t > times.last())) {
            times.append(t);
        }
        return t < range.end && times.size() < maxCount;
    };
    switch (unit.kind) {
    case Kind::Minute:
    case Kind::Hour:
    case Kind::Day: {
        const qint64 seconds = unit.approxSeconds();
        for (qint64 t = ceilDiv(range.start, seconds) * seconds; add(t); t += seconds) { }
        break;
    }
    case Kind::Week: {
        // Weeks start on Monday; 1970-01-05, day 4, was one.
        const qint64 firstDay = ceilDiv(range.start, TimeScale::kDay);
        const qint64 monday = firstDay + ((4 - firstDay) % 7 + 7) % 7;
        for (qint64 day = monday; add(day * TimeScale::kDay); day += 7) { }
        break;
    }
    case Kind::Month: {
        const Calendar::CivilTime c = Calendar::fromSeconds(range.start);
        for (qint64 index = ceilDiv(c.year * 12 + c.month - 1, unit.step) * unit.step;; index += unit.step) {
            if (!add(Calendar::toSeconds(
                    {floorDiv(index, 12), int(index - floorDiv(index, 12) * 12) + 1, 1, 0, 0, 0}))) {
                break;
            }
        }
        break;
    }
    case Kind::Year: {
        const qint64 first = Calendar::fromSeconds(range.start).year;
        for (qint64 k = ceilDiv(first - 1, unit.step);; ++k) {
            qint64 year = k * unit.step;
            // Round BC numbers: with a step of 100 the ticks read "500 BC", "400 BC", ..., "AD 1", "100".
            if (unit.step > 1 && year <= 0 && year > -10'000) {
                year += 1;
            }
            if (!add(yearStart(year))) {
                break;
            }
        }
        break;
    }
    }
    return times;
}

QString label(const Unit &unit, qint64 time, bool major, const QLocale &locale)
{
    const Calendar::CivilTime c = Calendar::fromSeconds(time);
    switch (unit.kind) {
    case Kind::Minute:
    case Kind::Hour:
        return QStringLiteral("%1:%2").arg(c.hour, 2, 10, QLatin1Char('0')).arg(c.minute, 2, 10, QLatin1Char('0'));
    case Kind::Day:
    case Kind::Week:
        return major
            ? QString::number(c.day) + u' ' + locale.monthName(c.month) + u' ' + Calendar::yearText(c.year, locale)
            : QString::number(c.day);
    case Kind::Month:
        return major ? locale.monthName(c.month) + u' ' + Calendar::yearText(c.year, locale)
                     : locale.monthName(c.month, QLocale::ShortFormat);
    case Kind::Year:
        if (major && unit.step == 10 && c.year > 0) {
            return Calendar::yearText(c.year, locale) + u's'; // "2020s"
        }
        return Calendar::yearText(c.year, locale);
    }
    return {};
}

Unit majorUnitFor(const Unit &minor)
{
    switch (minor.kind) {
    case Kind::Minute:
    case Kind::Hour:
        return {Kind::Day, 1};
    case Kind::Day:
    case Kind::Week:
        return {Kind::Month, 1};
    case Kind::Month:
        return {Kind::Year, 1};
    case Kind::Year: {
        qint64 step = 10;
        while (step <= minor.step) {
            step *= 10;
        }
        return {Kind::Year, step};
    }
    }
    return minor;
}

namespace {

// Labels for the ticks, left-aligned after each tick line. Returns false when two labels would touch; a label
// that would run past the right edge is left out.
bool placeLabels(QList<Tick> &ticks, const Unit &unit, bool major, const Measure &measure, const QLocale &locale)
{
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        Tick &tick = ticks[i];
        tick.label = label(unit, tick.time, major, locale);
        tick.labelWidth = measure(tick.label);
        tick.labelX = std::max(tick.x, 0.0) + kLabelPad;
        if (i + 1 < ticks.size() && tick.labelX + tick.labelWidth + kLabelGap > ticks[i + 1].x) {
            return false;
        }
    }
    return true;
}

QList<Tick> ticksFor(const Unit &unit, const Range &range, double width, int maxCount)
{
    QList<Tick> ticks;
    for (const qint64 t : tickTimes(unit, range, maxCount)) {
        ticks.append({t, TimeScale::timeToX(t, range, width), {}, 0, 0});
    }
    return ticks;
}

void dropClipped(QList<Tick> &ticks, double width)
{
    for (Tick &tick : ticks) {
        if (tick.labelX + tick.labelWidth > width) {
            tick.label.clear();
            tick.labelWidth = 0;
        }
    }
}

} // namespace

Axis compute(
    const Range &range, double width, const Measure &measure, const Measure &measureMajor, const QLocale &locale)
{
    Axis axis;
    if (width <= 0 || range.span() <= 0) {
        return axis;
    }
    const int maxCount = int(width / 8) + 2;
    const QList<Unit> &all = units();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Unit &unit = all[i];
        if (TimeScale::timeToX(range.start + unit.approxSeconds(), range, width) < kMinTickSpacing
            && i + 1 < all.size()) {
            continue; // too dense to be worth measuring
        }
        QList<Tick> ticks = ticksFor(unit, range, width, maxCount);
        if (placeLabels(ticks, unit, false, measure, locale) || i + 1 == all.size()) {
            axis.minorUnit = unit;
            axis.minor = ticks;
            break;
        }
    }
    dropClipped(axis.minor, width);

    // The major row: the period under way at the left edge is named there too, so that the row always says
    // where the view is ("March 2023" when the view starts on 10 March).
    axis.majorUnit = majorUnitFor(axis.minorUnit);
    QList<Tick> major = ticksFor(axis.majorUnit, range, width, maxCount);
    const Range before{
        TimeScale::pan(range, -axis.majorUnit.approxSeconds() - 2 * TimeScale::kDay).start, range.start + 1};
    const QList<qint64> previous = tickTimes(axis.majorUnit, before, 1'000'000);
    if (!previous.isEmpty() && (major.isEmpty() || major.first().time > range.start)) {
        major.prepend({previous.last(), TimeScale::timeToX(previous.last(), range, width), {}, 0, 0});
    }
    for (qsizetype i = 0; i < major.size(); ++i) {
        Tick &tick = major[i];
        tick.label = label(axis.majorUnit, tick.time, true, locale);
        tick.labelWidth = measureMajor(tick.label);
        tick.labelX = std::max(tick.x, 0.0) + kLabelPad;
    }
    // The pinned label gives way to the next one rather than touch it; any others that would touch are dropped.
    double rightmost = -1e9;
    for (qsizetype i = 0; i < major.size(); ++i) {
        Tick &tick = major[i];
        const bool touchesNext
            = i + 1 < major.size() && tick.labelX + tick.labelWidth + kLabelGap > major[i + 1].labelX;
        if (tick.labelX < rightmost + kLabelGap || (tick.x < 0 && touchesNext)) {
            tick.label.clear();
            tick.labelWidth = 0;
            continue;
        }
        rightmost = tick.labelX + tick.labelWidth;
    }
    dropClipped(major, width);
    axis.major = major;
    return axis;
}

} // namespace TimeTicks
