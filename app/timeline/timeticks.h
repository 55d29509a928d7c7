// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timescale.h"

#include <QList>
#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QLocale;
QT_END_NAMESPACE

// The ticks and labels of the time axis: a minor row ("Mar  Apr  May") under a major row ("2023"). The unit is
// the finest whose labels, measured, fit without touching; no label is ever clipped at the right edge.
namespace TimeTicks {

struct Unit {
    enum class Kind { Minute, Hour, Day, Week, Month, Year };
    Kind kind = Kind::Day;
    qint64 step = 1; // in minutes, hours, days, weeks, months or years

    qint64 approxSeconds() const;
    friend bool operator==(const Unit &, const Unit &) = default;
};

struct Tick {
    qint64 time = 0;
    double x = 0; // the tick line
    QString label; // empty when the label was left out
    double labelX = 0; // where the label's text starts
    double labelWidth = 0;
};

struct Axis {
    Unit minorUnit;
    Unit majorUnit;
    QList<Tick> minor;
    QList<Tick> major;
};

using Measure = std::function<double(const QString &)>;

inline constexpr double kLabelPad = 3; // from the tick line to its label
inline constexpr double kLabelGap = 10; // the least space between two labels
inline constexpr double kMinTickSpacing = 36; // minor ticks closer than this make a busy axis

// Every unit the axis may use, from one minute to ten billion years.
const QList<Unit> &units();
// Calendar-aligned tick times of `unit` in [range.start, range.end), at most maxCount of them.
QList<qint64> tickTimes(const Unit &unit, const TimeScale::Range &range, int maxCount);
QString label(const Unit &unit, qint64 time, bool major, const QLocale &locale);
// The coarser unit shown in the major row above `minor`.
Unit majorUnitFor(const Unit &minor);

// `measure` gives the width of a minor label, `measureMajor` of a major one (drawn bolder).
Axis compute(const TimeScale::Range &range, double width, const Measure &measure, const Measure &measureMajor,
    const QLocale &locale);

} // namespace TimeTicks
