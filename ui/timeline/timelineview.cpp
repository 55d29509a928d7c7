// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include "models/eventlistmodel.h"
#include "timeline/timelineindex.h"
#include "timelinezoom.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace {
constexpr double kDragThreshold = 4;
}

TimelineView::TimelineView(TimelineZoom *zoom, QWidget *parent)
    : QWidget(parent)
    , m_zoom(zoom)
    , m_renderer(font())
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(400, 160);
    connect(m_zoom, &TimelineZoom::visibleRangeChanged, this, &TimelineView::invalidate);
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    return {900, 420};
}

void TimelineView::setIndex(const TimelineIndex *index)
{
    m_index = index;
    invalidate();
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
        m_frame = m_renderer.layout(m_index ? *m_index : empty, m_zoom->visibleRange(), QRectF(rect()));
    }
    return *m_frame;
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
    const TimelineRenderer::Frame &f = frame();
    m_renderer.paint(&painter, f, m_index ? *m_index : empty, options);
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
    const double x = std::clamp(event->position().x(), frame().plot.left(), frame().plot.right());
    m_zoom->zoomAt(frame().xToTime(x), std::pow(TimelineZoom::kWheelFactor, steps));
    event->accept();
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
    } else if (hit.cluster && !hit.cluster->overflow) {
        // Open the cluster: zoom until its events spread over the middle half of the view.
        const qint64 span = std::max(hit.cluster->to - hit.cluster->from, TimeScale::kMinSpan);
        m_zoom->zoomTo({hit.cluster->from - span / 2, hit.cluster->to + span / 2});
    } else if (!m_selectedId.isEmpty()) {
        setSelectedId({});
        emit eventSelected({});
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const TimelineRenderer::Hit hit = TimelineRenderer::hitTest(frame(), event->position());
    if (hit.item) {
        zoomToItem(*hit.item);
        emit eventActivated(m_index->id(*hit.item));
    }
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
        m_zoom->zoomIn();
        break;
    case Qt::Key_Minus:
        m_zoom->zoomOut();
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
            text = tr("%1 more events in view have no room in this lane").arg(QLocale().toString(hit.cluster->count));
        } else if (hit.cluster) {
            text = tr("%1 events — click to open").arg(QLocale().toString(hit.cluster->count));
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
