// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timeticks.h"

#include <QFont>
#include <QLineF>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QStringList>

#include <optional>
#include <vector>

class TimelineIndex;
QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

// Lays out (timelinelayout.cpp) and paints (timelinerenderer.cpp) the timeline into any QPainter: the widget, PNG,
// SVG and PDF all go through here.
// A frame costs what is visible: per lane, binary searches for the visible entries, then either marks (few
// enough to show one by one, stacked in rows or grouped into counted clusters where they collide) or density
// columns (more events than a third of the pixels across).
class TimelineRenderer {
public:
    static constexpr double kClusterPx = 12; // marks closer than this merge into a cluster
    static constexpr double kMaxLabelWidth = 340;
    static constexpr double kDensityColumn
        = 2; // pixels per density column (1 px costs twice the paint for no more to see)
    static constexpr qint64 kInseparableSpan = 60; // starts this close: a cluster opens as a list, not a zoom

    struct Mark {
        quint32 item = 0;
        int lane = 0;
        QRectF shape; // the marker (an instant) or the bar (a range)
        QRectF band; // the period an imprecise instant covers, drawn faintly; may be empty
        QRectF labelRect; // empty when there was no room for a label
        QString label; // the title, elided to labelRect
        bool isRange = false;
        bool labelInside = false; // the label is drawn on the bar
    };
    struct Cluster {
        int lane = 0;
        QRectF rect;
        int count = 0;
        qint64 from = 0; // the first and last start inside, for zooming into it
        qint64 to = 0;
        bool overflow = false; // the events a lane had no rows for, counted in its header
        std::vector<quint32> items; // the events inside, in order of start (a remainder: its whole crowd)
        bool remainder = false; // "+N": the rest of a crowd whose first events are drawn above it

        // Zooming cannot tell these events apart (same-day events have no time within their day): open a list.
        bool needsList() const { return overflow || to - from < kInseparableSpan; }
    };
    struct Density {
        int lane = 0;
        QRectF rect; // where the columns stand
        double x0 = 0; // left edge of the first column
        std::vector<quint32> counts; // events starting in each column
        quint32 maxCount = 0;
    };
    struct LaneBox {
        int lane = 0;
        QRectF rect; // the whole row, header included
        QRectF header; // the header on the left
        bool collapsed = false; // a thin density row
        bool countGivesWay = false; // a short lane's "+N more here" takes the place of its count of events
    };
    // Which lanes the frame shows, and how: the lanes scroll by whole lanes, and each may be collapsed.
    struct LaneView {
        std::vector<int> order; // lanes of the index in the order to show them; empty: the index's own order
        int first = 0; // the place in `order` of the topmost lane shown
        QStringList collapsed; // keys of collapsed lanes
        bool collapseAll = false;
        bool noteHidden = false; // a row below the lanes says how many did not fit (images, which cannot scroll)
    };
    struct Frame {
        TimeScale::Range range;
        QRectF bounds;
        QRectF plot; // where marks go: right of the headers, below the axis
        double headerWidth = 0;
        TimeTicks::Axis axis;
        QList<LaneBox> lanes;
        int hiddenLanes = 0; // lanes that did not fit
        int laneTotal = 0;
        int firstLane = 0; // the place in the lane order of the topmost lane shown
        int maxFirstLane = 0; // the largest firstLane that still fills the view: 0 when every lane fits
        bool noteHidden = false; // LaneView::noteHidden
        QList<Mark> marks;
        QList<Cluster> clusters;
        QList<Density> densities;
        QList<QLineF> connectors; // join the marks of one event in several lanes

        double timeToX(qint64 t) const;
        qint64 xToTime(double x) const;
    };
    struct Options {
        QPalette palette;
        QString selectedId;
        bool dark = false;
        std::optional<qint64> now; // today's marker, when in view
        bool interactive = false; // the window: lane headers get their collapse triangles
    };
    struct Hit {
        std::optional<quint32> item; // a mark
        std::optional<Cluster> cluster; // or a cluster
        std::optional<quint32> density; // or the count of a density column
        std::optional<int> header; // or a lane's header (the lane of the index)
    };

    explicit TimelineRenderer(const QFont &font = {});

    QFont font() const { return m_font; }
    double axisHeight() const;
    double rowHeight() const;

    Frame layout(
        const TimelineIndex &index, const TimeScale::Range &range, const QRectF &bounds, const LaneView &view) const;
    // Every lane in the index's order, from the first.
    Frame layout(const TimelineIndex &index, const TimeScale::Range &range, const QRectF &bounds) const;
    void paint(QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const;
    static Hit hitTest(const Frame &frame, const QPointF &point);

private:
    // A lane header's second line: "1 event", "2,111 events".
    static QString countText(qsizetype events);
    void layoutMarks(Frame &frame, const TimelineIndex &index, int lane, const QRectF &rect) const;
    double laneHeight(bool collapsed) const;
    void layoutDensity(Frame &frame, const TimelineIndex &index, int lane, const QRectF &rect) const;
    // `keepClear`: where no minor label may go (today's marker is named there).
    void paintAxis(QPainter *painter, const Frame &frame, const QPalette &palette, const QRectF &keepClear) const;
    void paintGrid(QPainter *painter, const Frame &frame, const QPalette &palette) const;
    // The lanes' rows and headers; paintMarks the marks, bars, clusters and density columns on them.
    void paintLanes(QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const;
    void paintMarks(QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const;

    QFont m_font;
    QFont m_boldFont;
};
