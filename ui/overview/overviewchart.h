// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/eventhistogram.h"
#include "timeline/timescale.h"

#include <QChartView>

#include <optional>

class TimelineIndex;
class TimelineZoom;

// Events per period over the whole filtered set, stacked by lane in the lane colours (Qt Charts), with the
// timeline's visible window drawn as a band. A click or drag moves the timeline there; dragging an edge of the
// band resizes the window.
// Shift-drag draws a brush that becomes the date filter; a Shift-click clears it.
class OverviewChart final : public QChartView {
    Q_OBJECT

public:
    // At most LanePalette::kColours lanes in their colours, and one band of the neutral grey for the rest.

    OverviewChart(TimelineZoom *zoom, QWidget *parent = nullptr);
    ~OverviewChart() override;
    Q_DISABLE_COPY_MOVE(OverviewChart)

    // Not owned. Rebuilds the bars; nullptr or an empty index shows an empty chart.
    void setIndex(const TimelineIndex *index);
    const EventHistogram &histogram() const { return m_histogram; }
    // The events the bars add up to.
    quint64 total() const;

    // The date filter, drawn as a brush: what lies outside it is dimmed.
    void setDates(std::optional<qint64> from, std::optional<qint64> before);

    // Between time and x in the chart's plot area (bins are drawn equally wide, so this goes bin by bin).
    double timeToX(qint64 t) const;
    qint64 xToTime(double x) const;

    QSize sizeHint() const override;

signals:
    // The user brushed a date range (both empty: cleared it).
    void datesBrushed(std::optional<qint64> from, std::optional<qint64> before);

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Drag { None, Move, Start, End, Brush };
    Drag dragAt(double x) const;

    TimelineZoom *m_zoom = nullptr; // not owned
    const TimelineIndex *m_index = nullptr; // not owned
    EventHistogram m_histogram;
    Drag m_drag = Drag::None;
    double m_pressX = 0;
    TimeScale::Range m_pressRange;
    std::optional<qint64> m_from;
    std::optional<qint64> m_before;
    double m_brushTo = 0;
};
