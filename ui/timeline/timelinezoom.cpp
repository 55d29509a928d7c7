// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinezoom.h"

#include <algorithm>

namespace {
constexpr qint64 kMaxHistory = 64;
constexpr qint64 kMinLimit = -TimeScale::kMaxSpan;
constexpr qint64 kMaxLimit = TimeScale::kMaxSpan;
} // namespace

TimelineZoom::TimelineZoom(QObject *parent)
    : QObject(parent)
{
}

TimelineZoom::~TimelineZoom() = default;

void TimelineZoom::setFullRange(const TimeScale::Range &range)
{
    m_full = range.span() > 0 ? range : TimeScale::Range{range.start, range.start + TimeScale::kDay};
    const qint64 margin = std::max(m_full.span(), 30 * TimeScale::kDay);
    m_limits = {std::max(kMinLimit, m_full.start - margin), std::min(kMaxLimit, m_full.end + margin)};
    m_history.clear();
}

TimeScale::Range TimelineZoom::fittedRange() const
{
    // A margin of 4% each side, and at least a day across, so that a single event is not edge to edge.
    const qint64 span = std::max(m_full.span(), TimeScale::kDay);
    const qint64 margin = span / 25;
    const qint64 centre = m_full.start + m_full.span() / 2;
    return bounded({centre - span / 2 - margin, centre - span / 2 + span + margin});
}

TimeScale::Range TimelineZoom::bounded(TimeScale::Range range) const
{
    const qint64 span = std::clamp(range.span(), TimeScale::kMinSpan, std::min(TimeScale::kMaxSpan, m_limits.span()));
    const qint64 centre = range.start + range.span() / 2;
    range = {centre - span / 2, centre - span / 2 + span};
    return TimeScale::clamp(range, m_limits);
}

void TimelineZoom::setVisibleRange(const TimeScale::Range &range)
{
    const TimeScale::Range next = bounded(range);
    if (next == m_visible) {
        return;
    }
    m_visible = next;
    emit visibleRangeChanged(m_visible);
}

void TimelineZoom::zoomTo(const TimeScale::Range &range)
{
    if (bounded(range) == m_visible) {
        return;
    }
    m_history.append(m_visible);
    if (m_history.size() > kMaxHistory) {
        m_history.removeFirst();
    }
    setVisibleRange(range);
}

void TimelineZoom::zoomAt(qint64 anchor, double factor)
{
    // At the limits, clamping shifts the range, and the anchor moves with it: better than refusing to zoom.
    setVisibleRange(TimeScale::zoomAt(m_visible, anchor, factor));
}

void TimelineZoom::pan(qint64 delta)
{
    setVisibleRange(TimeScale::pan(m_visible, delta));
}

void TimelineZoom::panByFraction(double fraction)
{
    pan(qint64(double(m_visible.span()) * fraction));
}

void TimelineZoom::zoomIn()
{
    zoomTo(TimeScale::zoomAt(m_visible, m_visible.start + m_visible.span() / 2, 0.5));
}

void TimelineZoom::zoomOut()
{
    if (!m_history.isEmpty()) {
        setVisibleRange(m_history.takeLast());
        return;
    }
    setVisibleRange(TimeScale::zoomAt(m_visible, m_visible.start + m_visible.span() / 2, 2.0));
}

void TimelineZoom::fit()
{
    zoomTo(fittedRange());
}

void TimelineZoom::goToStart()
{
    setVisibleRange({m_full.start - m_visible.span() / 25, m_full.start - m_visible.span() / 25 + m_visible.span()});
}

void TimelineZoom::goToEnd()
{
    const qint64 end = m_full.end + m_visible.span() / 25;
    setVisibleRange({end - m_visible.span(), end});
}
