// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timescale.h"

#include <QList>
#include <QObject>

// Which part of time the timeline shows. It keeps the visible range within limits around the data, the span
// between a minute and twenty billion years, and a history of deliberate zooms so that zooming out steps back.
class TimelineZoom final : public QObject {
    Q_OBJECT

public:
    static constexpr double kWheelFactor = 0.8; // one wheel notch in; its inverse zooms out
    static constexpr double kPanFraction = 0.1; // an arrow key pans a tenth of the view

    explicit TimelineZoom(QObject *parent = nullptr);
    ~TimelineZoom() override;
    Q_DISABLE_COPY_MOVE(TimelineZoom)

    // The data's extent; the view may wander one extent beyond either end, and no further.
    void setFullRange(const TimeScale::Range &range);
    TimeScale::Range fullRange() const { return m_full; }
    TimeScale::Range limits() const { return m_limits; }
    TimeScale::Range visibleRange() const { return m_visible; }
    // The range "fit" shows: the data with a margin.
    TimeScale::Range fittedRange() const;
    bool canGoBack() const { return !m_history.isEmpty(); }

    void setVisibleRange(const TimeScale::Range &range);
    // Like setVisibleRange, and remembered: zoomOut() comes back here.
    void zoomTo(const TimeScale::Range &range);
    void zoomAt(qint64 anchor, double factor);
    void pan(qint64 delta);
    void panByFraction(double fraction);
    void zoomIn();
    // Back through the zoom history, or, with none, twice as wide around the centre.
    void zoomOut();
    void fit();
    void goToStart();
    void goToEnd();

signals:
    void visibleRangeChanged(const TimeScale::Range &range);

private:
    TimeScale::Range bounded(TimeScale::Range range) const;

    TimeScale::Range m_full{0, TimeScale::kDay};
    TimeScale::Range m_limits{-TimeScale::kDay, 2 * TimeScale::kDay};
    TimeScale::Range m_visible{0, TimeScale::kDay};
    QList<TimeScale::Range> m_history;
};
