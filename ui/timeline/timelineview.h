// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinerenderer.h"

#include <QWidget>

#include <optional>

class TimelineIndex;
class TimelineZoom;

// The zoomable timeline. Wheel zooms at the cursor, drag pans, Shift-drag zooms to the dragged range; + and −
// zoom, the arrows pan, Home and End go to the ends, F fits everything. A click selects an event, a double-click
// zooms to it, and a click on a cluster opens it.
class TimelineView final : public QWidget {
    Q_OBJECT

public:
    TimelineView(TimelineZoom *zoom, QWidget *parent = nullptr);
    ~TimelineView() override;
    Q_DISABLE_COPY_MOVE(TimelineView)

    // Not owned; must outlive the view or be replaced first. nullptr shows an empty timeline.
    // nullptr while there is nothing to show yet (the timeline is being read).
    void setIndex(const TimelineIndex *index);
    const TimelineIndex *index() const { return m_index; }
    void setSelectedId(const QString &id);
    QString selectedId() const { return m_selectedId; }
    // Zooms so that the selected event fills a third of the view; false when nothing is selected.
    bool zoomToSelection();

    const TimelineRenderer &renderer() const { return m_renderer; }
    // The layout of what is on screen now (for tests and hit-testing).
    const TimelineRenderer::Frame &frame() const;

    QSize sizeHint() const override;

signals:
    void eventSelected(const QString &id); // empty when the selection was cleared
    void eventActivated(const QString &id);
    // Up and Down: the user wants the previous (-1) or next (+1) event in time.
    void stepRequested(int direction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void zoomToItem(quint32 item);
    void invalidate();

    TimelineZoom *m_zoom = nullptr; // not owned
    const TimelineIndex *m_index = nullptr; // not owned
    TimelineRenderer m_renderer;
    mutable std::optional<TimelineRenderer::Frame> m_frame; // cached until the range, size or index change
    QString m_selectedId;
    std::optional<QPointF> m_pressPos;
    TimeScale::Range m_pressRange;
    bool m_dragged = false;
    bool m_rangeSelecting = false;
    double m_rubberTo = 0;
};
