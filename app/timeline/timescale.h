// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Pure mapping between time (signed seconds since 1970, UTC) and x (pixels), for spans from a minute to twenty
// billion years. No widget here: the view, the axis, the exporter and the tests share these functions.
namespace TimeScale {

inline constexpr qint64 kMinSpan = 60; // a minute
inline constexpr qint64 kMaxSpan = 20'000'000'000LL * 31'556'952LL; // twenty billion years
inline constexpr qint64 kDay = 86'400;

struct Range {
    qint64 start = 0;
    qint64 end = 1; // exclusive; end > start always holds for ranges the functions return

    qint64 span() const { return end - start; }
    bool contains(qint64 t) const { return t >= start && t < end; }
    friend bool operator==(const Range &, const Range &) = default;
};

// x of time t in a view of `width` pixels showing `range`. Returns 0 when width <= 0; no clamping, so times
// outside the range map outside [0, width].
double timeToX(qint64 t, const Range &range, double width);
// The time at x; the inverse of timeToX (to within a second).
qint64 xToTime(double x, const Range &range, double width);

// The range zoomed by `factor` (< 1 zooms in) around `anchor`, which keeps its x. The span is kept within
// [kMinSpan, kMaxSpan].
Range zoomAt(const Range &range, qint64 anchor, double factor);
// The range moved by `delta` seconds.
Range pan(const Range &range, qint64 delta);
// The range for people: "17 March – 26 May 2023", or to the minute when it spans less than a day.
QString describe(const Range &range);
// A length of time in the largest unit that it holds twice, rounded: "45 minutes", "9 days", "3 months", "12,000
// years".
QString describeDuration(qint64 seconds);
// `range` moved (never resized, unless it is wider than `limits`) so that it lies within `limits`.
Range clamp(const Range &range, const Range &limits);

} // namespace TimeScale
