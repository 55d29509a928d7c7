// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventmarks.h"

#include "timelinerenderer.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class ClusterPopup;
class TimelineIndex;
class TimelineZoom;
QT_BEGIN_NAMESPACE
class QScrollBar;
QT_END_NAMESPACE

// The zoomable timeline. Wheel zooms at the cursor, drag pans, Shift-drag zooms to the dragged range; + and −
// zoom (about the selection when it is in view), the arrows pan, Home and End go to the ends, F fits everything.
// Lanes scroll by whole lanes: the scroll bar, the wheel over the lane headers, Shift+wheel anywhere, Page Up and
// Page Down. A click on a lane's header collapses it to a thin density row, or opens it again. A click selects an
// event, a double-click zooms to it; a click on a cluster zooms into it, or, when zooming cannot tell its events
// apart (the same day), lists them in a popup.
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
    TimelineZoom *zoom() const { return m_zoom; }
    void setSelectedId(const QString &id);
    QString selectedId() const { return m_selectedId; }
    // Zooms so that the selected event fills a third of the view; false when nothing is selected.
    bool zoomToSelection();

    // Twice as close or as far: about the selected event when it is in view, else about the centre.
    void zoomIn();
    void zoomOut();

    enum class LaneOrder { MostEvents, Name };
    void setLaneOrder(LaneOrder order);
    LaneOrder laneOrder() const { return m_laneOrder; }
    void setAllCollapsed(bool collapsed);
    bool allCollapsed() const { return m_lanes.collapseAll; }
    // Collapses a lane, or opens it again (by key: a lane keeps its state under every filter).
    void toggleCollapsed(const QString &key);
    // Scrolls the lanes so that `first` (a place in the lane order) is the topmost; clamped.
    void setFirstLane(int first);
    int firstLane() const { return frame().firstLane; }
    QScrollBar *laneScrollBar() const { return m_scrollBar; }
    // The lanes as the view shows them, for an image of the same.
    TimelineRenderer::LaneView laneView() const { return m_lanes; }
    // The list of a cluster that zooming cannot split, while it is open.
    ClusterPopup *clusterPopup() const;
    // Opens what a click on the cluster opens: a zoom, or the popup list at `globalPos`.
    void openCluster(const TimelineRenderer::Cluster &cluster, const QPoint &globalPos);

    const TimelineRenderer &renderer() const { return m_renderer; }
    // The layout of what is on screen now (for tests and hit-testing).
    const TimelineRenderer::Frame &frame() const;

    QSize sizeHint() const override;

    // The analyst's links, drawn between the events at their ends when both are in view.
    void setLinks(const QList<EventLink> &links);

signals:
    void eventSelected(const QString &id); // empty when the selection was cleared
    void eventActivated(const QString &id);
    // Up and Down: the user wants the previous (-1) or next (+1) event in time.
    void stepRequested(int direction);
    // "Show in Table" in a cluster's list: the filter narrowed to a lane (empty key: no lane) and a span of starts.
    void narrowRequested(const QString &laneKey, qint64 from, qint64 to);
    // A right-click: on an event (which it selects first), or on empty space (an empty id) at time `at`.
    void contextMenuRequested(const QString &id, const QPoint &globalPos, qint64 at);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void zoomToItem(quint32 item);
    void invalidate();
    // The lane order of the current index and LaneOrder.
    void updateLaneOrder();
    void syncScrollBar() const;
    // The selected event's time when it is in view: + and − zoom about it.
    std::optional<qint64> selectionAnchor() const;

    TimelineZoom *m_zoom = nullptr; // not owned
    const TimelineIndex *m_index = nullptr; // not owned
    TimelineRenderer m_renderer;
    mutable std::optional<TimelineRenderer::Frame> m_frame; // cached until the range, size or index change
    TimelineRenderer::LaneView m_lanes;
    LaneOrder m_laneOrder = LaneOrder::MostEvents;
    QScrollBar *m_scrollBar = nullptr;
    QPointer<ClusterPopup> m_popup;
    QString m_selectedId;
    QList<EventLink> m_links;
    std::optional<QPointF> m_pressPos;
    TimeScale::Range m_pressRange;
    bool m_dragged = false;
    bool m_rangeSelecting = false;
    double m_rubberTo = 0;
};
