// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include "clusterpopup.h"
#include "markpainter.h"
#include "models/eventlistmodel.h"
#include "timeline/timelineindex.h"
#include "timelinezoom.h"

#include <QContextMenuEvent>
#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <numeric>

namespace {
constexpr double kDragThreshold = 4;
}

TimelineView::TimelineView(TimelineZoom *zoom, QWidget *parent)
    : QWidget(parent)
    , m_zoom(zoom)
    , m_renderer(font())
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    m_scrollBar->hide();
    m_scrollBar->setFocusPolicy(Qt::NoFocus); // the view's own keys scroll the lanes
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &TimelineView::setFirstLane);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 140);
    connect(m_zoom, &TimelineZoom::visibleRangeChanged, this, &TimelineView::invalidate);
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    return {900, 420};
}

void TimelineView::setIndex(const TimelineIndex *index)
{
    if (m_popup) {
        m_popup->close(); // its items belong to the index being replaced
    }
    m_index = index;
    updateLaneOrder();
    invalidate();
}

void TimelineView::setLaneOrder(LaneOrder order)
{
    if (order != m_laneOrder) {
        m_laneOrder = order;
        updateLaneOrder();
        invalidate();
    }
}

void TimelineView::updateLaneOrder()
{
    m_lanes.order.clear();
    if (!m_index || m_laneOrder == LaneOrder::MostEvents) {
        return; // the index's own order: most events first
    }
    const auto &lanes = m_index->lanes();
    m_lanes.order.resize(lanes.size());
    std::iota(m_lanes.order.begin(), m_lanes.order.end(), 0);
    // By name; the lane of events without a key ("No country") last.
    std::stable_sort(m_lanes.order.begin(), m_lanes.order.end(), [&](int a, int b) {
        const auto &la = lanes[size_t(a)];
        const auto &lb = lanes[size_t(b)];
        if (la.key.isEmpty() != lb.key.isEmpty()) {
            return lb.key.isEmpty();
        }
        return la.label.localeAwareCompare(lb.label) < 0;
    });
}

void TimelineView::setAllCollapsed(bool collapsed)
{
    m_lanes.collapseAll = collapsed;
    if (!collapsed) {
        m_lanes.collapsed.clear();
    }
    invalidate();
}

void TimelineView::toggleCollapsed(const QString &key)
{
    if (m_lanes.collapseAll) {
        // Out of "collapse all": every other lane stays collapsed, this one opens.
        m_lanes.collapseAll = false;
        m_lanes.collapsed.clear();
        for (const auto &lane : m_index->lanes()) {
            if (lane.key != key) {
                m_lanes.collapsed.append(lane.key);
            }
        }
    } else if (!m_lanes.collapsed.removeOne(key)) {
        m_lanes.collapsed.append(key);
    }
    invalidate();
}

void TimelineView::setFirstLane(int first)
{
    if (first != m_lanes.first) {
        m_lanes.first = first;
        invalidate();
    }
}

ClusterPopup *TimelineView::clusterPopup() const
{
    return m_popup.data();
}

void TimelineView::setSelectedId(const QString &id)
{
    if (id != m_selectedId) {
        m_selectedId = id;
        update();
    }
}

void TimelineView::invalidate()
{
    m_frame.reset();
    update();
}

const TimelineRenderer::Frame &TimelineView::frame() const
{
    if (!m_frame) {
        static const TimelineIndex empty;
        const TimelineIndex &index = m_index ? *m_index : empty;
        m_frame = m_renderer.layout(index, m_zoom->visibleRange(), QRectF(rect()), m_lanes);
        if (m_frame->maxFirstLane > 0) {
            // Not every lane fits: make room for the scroll bar.
            m_frame = m_renderer.layout(index, m_zoom->visibleRange(),
                QRectF(rect()).adjusted(0, 0, -m_scrollBar->sizeHint().width(), 0), m_lanes);
        }
        syncScrollBar();
    }
    return *m_frame;
}

void TimelineView::syncScrollBar() const
{
    const TimelineRenderer::Frame &f = *m_frame;
    const QSignalBlocker blocker(m_scrollBar);
    m_scrollBar->setRange(0, f.maxFirstLane);
    m_scrollBar->setPageStep(std::max<int>(1, int(f.lanes.size())));
    m_scrollBar->setValue(f.firstLane);
    const int width = m_scrollBar->sizeHint().width();
    m_scrollBar->setGeometry(this->width() - width, int(f.plot.top()), width, int(f.plot.height()));
    m_scrollBar->setVisible(f.maxFirstLane > 0);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    static const TimelineIndex empty;
    QPainter painter(this);
    if (!m_index) {
        // Nothing to show yet (the timeline is being read): a quiet word, and no axis of 1970.
        painter.fillRect(rect(), palette().color(QPalette::Base));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Reading the timeline…"));
        return;
    }
    TimelineRenderer::Options options;
    options.palette = palette();
    options.selectedId = m_selectedId;
    options.dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    options.now = QDateTime::currentSecsSinceEpoch();
    options.interactive = true;
    const TimelineRenderer::Frame &f = frame();
    m_renderer.paint(&painter, f, m_index ? *m_index : empty, options);
    MarkPainter::paint(&painter, f, *m_index, m_links, palette());
    if (m_rangeSelecting && m_pressPos) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlphaF(0.2f);
        const double a = std::clamp(m_pressPos->x(), f.plot.left(), f.plot.right());
        const double b = std::clamp(m_rubberTo, f.plot.left(), f.plot.right());
        painter.fillRect(QRectF(QPointF(std::min(a, b), f.plot.top()), QPointF(std::max(a, b), f.plot.bottom())), band);
    }
    if (m_index->isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(f.plot, Qt::AlignCenter, tr("No events to show"));
    }
    if (hasFocus()) {
        // Where the keys go: a frame in the selection's colour around the plot.
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        // A sideways wheel or touchpad swipe pans.
        const double dx = event->angleDelta().x() / 120.0;
        m_zoom->panByFraction(-dx * TimelineZoom::kPanFraction);
        return;
    }
    const bool overHeaders = event->position().x() < frame().plot.left() && event->position().y() > frame().plot.top();
    if ((event->modifiers() & Qt::ShiftModifier) || overHeaders) {
        // Lanes scroll a lane a notch; the wheel zooms everywhere else.
        setFirstLane(frame().firstLane - int(std::lround(steps < 0 ? std::floor(steps) : std::ceil(steps))));
        event->accept();
        return;
    }
    const double x = std::clamp(event->position().x(), frame().plot.left(), frame().plot.right());
    m_zoom->zoomAt(frame().xToTime(x), std::pow(TimelineZoom::kWheelFactor, steps));
    event->accept();
}

void TimelineView::setLinks(const QList<EventLink> &links)
{
    m_links = links;
    update();
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_index) {
        return;
    }
    const TimelineRenderer::Frame &f = frame();
    const TimelineRenderer::Hit hit = TimelineRenderer::hitTest(f, event->pos());
    QString id;
    if (hit.item) {
        id = m_index->id(*hit.item);
        setSelectedId(id);
        emit eventSelected(id);
    }
    emit contextMenuRequested(
        id, event->globalPos(), f.xToTime(std::clamp(double(event->pos().x()), f.plot.left(), f.plot.right())));
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        return;
    }
    m_pressPos = event->position();
    m_pressRange = m_zoom->visibleRange();
    m_dragged = false;
    m_rangeSelecting = event->modifiers() & Qt::ShiftModifier;
    m_rubberTo = event->position().x();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressPos || !(event->buttons() & Qt::LeftButton)) {
        return;
    }
    const double dx = event->position().x() - m_pressPos->x();
    if (!m_dragged && std::abs(dx) < kDragThreshold) {
        return;
    }
    m_dragged = true;
    if (m_rangeSelecting) {
        m_rubberTo = event->position().x();
        update();
        return;
    }
    setCursor(Qt::ClosedHandCursor);
    const double width = frame().plot.width();
    const qint64 delta = -qint64(std::llround(dx / width * double(m_pressRange.span())));
    m_zoom->setVisibleRange(TimeScale::pan(m_pressRange, delta));
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressPos || event->button() != Qt::LeftButton) {
        return;
    }
    const QPointF press = *m_pressPos;
    m_pressPos.reset();
    unsetCursor();
    if (m_rangeSelecting) {
        m_rangeSelecting = false;
        if (m_dragged) {
            const qint64 a = frame().xToTime(std::min(press.x(), event->position().x()));
            const qint64 b = frame().xToTime(std::max(press.x(), event->position().x()));
            m_zoom->zoomTo({a, std::max(b, a + TimeScale::kMinSpan)});
        }
        update();
        return;
    }
    if (m_dragged) {
        return;
    }
    const TimelineRenderer::Hit hit = TimelineRenderer::hitTest(frame(), event->position());
    if (hit.item) {
        const QString id = m_index->id(*hit.item);
        setSelectedId(id);
        emit eventSelected(id);
    } else if (hit.cluster) {
        openCluster(*hit.cluster, mapToGlobal(event->position().toPoint()));
    } else if (hit.header) {
        toggleCollapsed(m_index->lanes()[size_t(*hit.header)].key);
    } else if (!m_selectedId.isEmpty()) {
        setSelectedId({});
        emit eventSelected({});
    }
}

void TimelineView::openCluster(const TimelineRenderer::Cluster &cluster, const QPoint &globalPos)
{
    if (!cluster.needsList()) {
        // Zoom until its events spread over the middle half of the view.
        const qint64 span = std::max(cluster.to - cluster.from, TimeScale::kMinSpan);
        m_zoom->zoomTo({cluster.from - span / 2, cluster.to + span / 2});
        return;
    }
    if (m_popup) {
        m_popup->close();
    }
    const auto &lane = m_index->lanes()[size_t(cluster.lane)];
    const EventTime first = m_index->time(cluster.items.front());
    const EventTime last = m_index->time(cluster.items.back());
    const QString when = first.toDisplayString() == last.toDisplayString()
        ? first.toDisplayString()
        : tr("%1 to %2").arg(first.toDisplayString(), last.toDisplayString());
    const QString caption
        = tr("%1 events · %2 · %3").arg(QLocale().toString(qulonglong(cluster.items.size())), lane.label, when);
    auto *popup = new ClusterPopup(*m_index, cluster.items, caption, m_selectedId, this);
    m_popup = popup;
    connect(popup, &ClusterPopup::eventChosen, this, [this](const QString &id) {
        setSelectedId(id);
        emit eventSelected(id);
    });
    const QString key = lane.key;
    const qint64 from = cluster.from;
    const qint64 to = std::max(cluster.to, m_index->start(cluster.items.back()));
    connect(
        popup, &ClusterPopup::narrowRequested, this, [this, key, from, to] { emit narrowRequested(key, from, to); });
    popup->popUp(globalPos);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const TimelineRenderer::Hit hit = TimelineRenderer::hitTest(frame(), event->position());
    if (hit.item) {
        zoomToItem(*hit.item);
        emit eventActivated(m_index->id(*hit.item));
    }
}

void TimelineView::zoomIn()
{
    if (const std::optional<qint64> anchor = selectionAnchor()) {
        m_zoom->zoomAt(*anchor, 0.5);
    } else {
        m_zoom->zoomIn();
    }
}

void TimelineView::zoomOut()
{
    if (const std::optional<qint64> anchor = selectionAnchor()) {
        m_zoom->zoomAt(*anchor, 2);
    } else {
        m_zoom->zoomOut();
    }
}

std::optional<qint64> TimelineView::selectionAnchor() const
{
    if (!m_index || m_selectedId.isEmpty()) {
        return std::nullopt;
    }
    const std::optional<quint32> item = m_index->itemById(m_selectedId);
    if (!item) {
        return std::nullopt;
    }
    const TimeScale::Range visible = m_zoom->visibleRange();
    const qint64 start = m_index->start(*item);
    const qint64 end = m_index->coverEnd(*item);
    if (end <= visible.start || start >= visible.end) {
        return std::nullopt; // out of view: zoom about the centre as usual
    }
    return std::clamp(start + (end - start) / 2, visible.start, visible.end);
}

void TimelineView::zoomToItem(quint32 item)
{
    const qint64 start = m_index->start(item);
    const qint64 end = m_index->coverEnd(item);
    const qint64 span = std::max<qint64>(end - start, TimeScale::kMinSpan);
    m_zoom->zoomTo({start - span, end + span});
}

bool TimelineView::zoomToSelection()
{
    if (!m_index || m_selectedId.isEmpty()) {
        return false;
    }
    const std::optional<quint32> item = m_index->itemById(m_selectedId);
    if (item) {
        zoomToItem(*item);
    }
    return item.has_value();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_PageUp:
        setFirstLane(frame().firstLane - std::max<int>(1, int(frame().lanes.size())));
        break;
    case Qt::Key_PageDown:
        setFirstLane(frame().firstLane + std::max<int>(1, int(frame().lanes.size())));
        break;
    case Qt::Key_Left:
        m_zoom->panByFraction(-TimelineZoom::kPanFraction);
        break;
    case Qt::Key_Right:
        m_zoom->panByFraction(TimelineZoom::kPanFraction);
        break;
    case Qt::Key_Up:
        emit stepRequested(-1);
        break;
    case Qt::Key_Down:
        emit stepRequested(1);
        break;
    case Qt::Key_Home:
        m_zoom->goToStart();
        break;
    case Qt::Key_End:
        m_zoom->goToEnd();
        break;
    case Qt::Key_F:
        m_zoom->fit();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const TimelineRenderer::Hit hit = TimelineRenderer::hitTest(frame(), help->pos());
        QString text;
        if (hit.item) {
            text = plainToolTip(m_index->title(*hit.item) + u'\n' + m_index->time(*hit.item).toDisplayString());
        } else if (hit.cluster && hit.cluster->overflow) {
            text = tr("%1 more events in view have no room in this lane — click to list them")
                       .arg(QLocale().toString(hit.cluster->count));
        } else if (hit.cluster && hit.cluster->needsList()) {
            text = tr("%1 events at the same time — click to list them").arg(QLocale().toString(hit.cluster->count));
        } else if (hit.cluster) {
            text = tr("%1 events — click to zoom in").arg(QLocale().toString(hit.cluster->count));
        } else if (hit.header) {
            text = tr("Click to collapse or open this lane");
        } else if (hit.density) {
            text = tr("%1 events here — zoom in to see them").arg(QLocale().toString(*hit.density));
        }
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_renderer = TimelineRenderer(font());
        invalidate();
    } else if (event->type() == QEvent::PaletteChange) {
        update();
    }
    QWidget::changeEvent(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    invalidate();
    QWidget::resizeEvent(event);
}
