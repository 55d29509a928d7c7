// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewchart.h"

#include "timeline/lanepalette.h"
#include "timeline/timelineindex.h"
#include "timeline/timelinezoom.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLocale>
#include <QMouseEvent>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace {
constexpr double kEdgeGrip = 5; // pixels either side of a band edge that pick it up
}

OverviewChart::OverviewChart(TimelineZoom *zoom, QWidget *parent)
    : QChartView(new QChart, parent)
    , m_zoom(zoom)
{
    setRenderHint(QPainter::Antialiasing, false);
    setMouseTracking(true);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
    chart()->setAnimationOptions(QChart::NoAnimation);
    setMinimumHeight(90);
    connect(m_zoom, &TimelineZoom::visibleRangeChanged, this, [this] { viewport()->update(); });
}

OverviewChart::~OverviewChart() = default;

QSize OverviewChart::sizeHint() const
{
    return {800, 110};
}

quint64 OverviewChart::total() const
{
    quint64 sum = 0;
    for (int bin = 0; bin < m_histogram.binCount(); ++bin) {
        sum += m_histogram.total(bin);
    }
    return sum;
}

void OverviewChart::setIndex(const TimelineIndex *index)
{
    m_index = index;
    chart()->removeAllSeries();
    for (QAbstractAxis *axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }
    m_histogram = index && !index->isEmpty() ? EventHistogram::of(*index, index->extent()) : EventHistogram{};

    const QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    chart()->setBackgroundBrush(palette.color(QPalette::Base));
    chart()->setPlotAreaBackgroundVisible(false);

    auto *series = new QStackedBarSeries;
    series->setBarWidth(1.0);
    // The lanes with a colour of their own (the whole timeline's largest) each in it, the rest as one band of the
    // neutral grey they wear on the timeline: a bar set per lane of three thousand actors would only add slivers,
    // and Qt Charts makes an item of every bar.
    const size_t laneCount = index ? index->lanes().size() : 0;
    const auto addSet = [&](const QString &label, const QColor &colour, const QList<qreal> &values) {
        auto *set = new QBarSet(label);
        set->setColor(colour);
        set->setBorderColor(colour);
        set->append(values);
        series->append(set);
    };
    QList<qreal> rest(m_histogram.binCount(), 0);
    int others = 0;
    for (size_t lane = 0; lane < laneCount; ++lane) {
        const auto &counts = m_histogram.counts[qsizetype(lane)];
        const int slot = index->lanes()[lane].colourSlot;
        if (!LanePalette::hasOwnColour(slot)) {
            ++others;
            for (int bin = 0; bin < m_histogram.binCount(); ++bin) {
                rest[bin] += counts[bin];
            }
            continue;
        }
        QList<qreal> values;
        values.reserve(m_histogram.binCount());
        for (const quint32 count : counts) {
            values.append(count);
        }
        addSet(index->lanes()[lane].label, LanePalette::colour(slot, dark), values);
    }
    if (others > 0) {
        addSet(tr("%n other lane(s)", nullptr, others), LanePalette::neutral(dark), rest);
    }
    chart()->addSeries(series);

    // Bins are categories; their labels are left out (there may be 160) and the band says where the timeline is.
    auto *x = new QBarCategoryAxis;
    QStringList categories;
    for (int bin = 0; bin < m_histogram.binCount(); ++bin) {
        categories << QString::number(bin);
    }
    x->append(categories);
    x->setLabelsVisible(false);
    x->setGridLineVisible(false);
    x->setLineVisible(false);
    auto *y = new QValueAxis;
    y->setRange(0, std::max<quint32>(1, m_histogram.maxTotal()));
    y->setTickCount(m_histogram.maxTotal() < 2 ? 2 : 3); // whole numbers only: 0 and 1 for a single event
    y->setLabelFormat(QStringLiteral("%d"));
    y->setLabelsColor(palette.color(QPalette::PlaceholderText));
    y->setGridLineColor(palette.color(QPalette::Midlight));
    y->setLineVisible(false);
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    viewport()->update();
}

double OverviewChart::timeToX(qint64 t) const
{
    const QRectF plot = chart()->plotArea();
    const int bins = m_histogram.binCount();
    if (bins == 0) {
        return plot.left();
    }
    const auto &edges = m_histogram.edges;
    if (t <= edges.first()) {
        return plot.left();
    }
    if (t >= edges.last()) {
        return plot.right();
    }
    const int bin = int(std::upper_bound(edges.begin(), edges.end(), t) - edges.begin()) - 1;
    const double within = double(t - edges[bin]) / double(edges[bin + 1] - edges[bin]);
    return plot.left() + (bin + within) * plot.width() / bins;
}

qint64 OverviewChart::xToTime(double x) const
{
    const QRectF plot = chart()->plotArea();
    const int bins = m_histogram.binCount();
    if (bins == 0 || plot.width() <= 0) {
        return m_zoom->visibleRange().start;
    }
    const double position = std::clamp((x - plot.left()) / plot.width() * bins, 0.0, double(bins) - 1e-9);
    const int bin = int(position);
    const auto &edges = m_histogram.edges;
    return edges[bin] + qint64((position - bin) * double(edges[bin + 1] - edges[bin]));
}

void OverviewChart::setDates(std::optional<qint64> from, std::optional<qint64> before)
{
    m_from = from;
    m_before = before;
    viewport()->update();
}

void OverviewChart::drawForeground(QPainter *painter, const QRectF &)
{
    if (m_histogram.binCount() == 0) {
        painter->setPen(palette().color(QPalette::PlaceholderText));
        painter->drawText(rect(), Qt::AlignCenter, tr("No events to chart"));
        return;
    }
    const QRectF plot = chart()->plotArea();
    // The date filter's brush: outside it, the chart is dimmed.
    QColor dim = palette().color(QPalette::Base);
    dim.setAlphaF(0.7f);
    const double from = m_drag == Drag::Brush ? std::min(m_pressX, m_brushTo) : m_from ? timeToX(*m_from) : plot.left();
    const double to = m_drag == Drag::Brush ? std::max(m_pressX, m_brushTo)
        : m_before                          ? timeToX(*m_before)
                                            : plot.right();
    painter->fillRect(QRectF(QPointF(plot.left(), plot.top()), QPointF(from, plot.bottom())), dim);
    painter->fillRect(QRectF(QPointF(to, plot.top()), QPointF(plot.right(), plot.bottom())), dim);

    const TimeScale::Range visible = m_zoom->visibleRange();
    const double a = timeToX(visible.start);
    const double b = std::max(timeToX(visible.end), a + 2);
    QColor band = palette().color(QPalette::Highlight);
    band.setAlphaF(0.18f);
    painter->fillRect(QRectF(a, plot.top(), b - a, plot.height()), band);
    QColor edge = palette().color(QPalette::Highlight);
    painter->setPen(QPen(edge, 2));
    painter->drawLine(QPointF(a, plot.top()), QPointF(a, plot.bottom()));
    painter->drawLine(QPointF(b, plot.top()), QPointF(b, plot.bottom()));

    // The span's ends, so that the chart says which years it covers.
    painter->setPen(palette().color(QPalette::PlaceholderText));
    const auto label = [&](qint64 t) {
        return EventTime(t, m_histogram.unit.kind == TimeTicks::Unit::Kind::Year ? Precision::Year : Precision::Month)
            .toDisplayString();
    };
    const QRectF bottom(plot.left(), plot.bottom(), plot.width(), rect().bottom() - plot.bottom());
    painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, label(m_histogram.edges.first()));
    painter->drawText(bottom, Qt::AlignRight | Qt::AlignVCenter, label(m_histogram.edges.last() - 1));
}

OverviewChart::Drag OverviewChart::dragAt(double x) const
{
    const TimeScale::Range visible = m_zoom->visibleRange();
    if (std::abs(x - timeToX(visible.start)) <= kEdgeGrip) {
        return Drag::Start;
    }
    if (std::abs(x - timeToX(visible.end)) <= kEdgeGrip) {
        return Drag::End;
    }
    return Drag::Move;
}

void OverviewChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_histogram.binCount() == 0) {
        return;
    }
    m_pressX = event->position().x();
    m_pressRange = m_zoom->visibleRange();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Brush;
        m_brushTo = m_pressX;
        return;
    }
    m_drag = dragAt(event->position().x());
    if (m_drag == Drag::Move) {
        // A click centres the timeline's window where it lands.
        const qint64 centre = xToTime(event->position().x());
        const qint64 span = m_pressRange.span();
        m_zoom->setVisibleRange({centre - span / 2, centre - span / 2 + span});
        m_pressRange = m_zoom->visibleRange();
    }
}

void OverviewChart::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None) {
        const Drag hover = dragAt(event->position().x());
        setCursor(hover == Drag::Move ? Qt::ArrowCursor : Qt::SizeHorCursor);
        return;
    }
    const qint64 at = xToTime(event->position().x());
    switch (m_drag) {
    case Drag::Brush:
        m_brushTo = event->position().x();
        viewport()->update();
        break;
    case Drag::Move:
        m_zoom->setVisibleRange(TimeScale::pan(m_pressRange, xToTime(event->position().x()) - xToTime(m_pressX)));
        break;
    case Drag::Start:
        m_zoom->setVisibleRange({std::min(at, m_pressRange.end - TimeScale::kMinSpan), m_pressRange.end});
        break;
    case Drag::End:
        m_zoom->setVisibleRange({m_pressRange.start, std::max(at, m_pressRange.start + TimeScale::kMinSpan)});
        break;
    case Drag::None:
        break;
    }
}

void OverviewChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Brush) {
        m_drag = Drag::None;
        if (std::abs(event->position().x() - m_pressX) < 3) {
            emit datesBrushed(std::nullopt, std::nullopt);
        } else {
            const double a = std::min(m_pressX, event->position().x());
            const double b = std::max(m_pressX, event->position().x());
            emit datesBrushed(xToTime(a), xToTime(b));
        }
        viewport()->update();
        return;
    }
    m_drag = Drag::None;
}

void OverviewChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    viewport()->update();
}
