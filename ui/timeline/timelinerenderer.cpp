// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinerenderer.h"

#include "flags.h"
#include "lanepalette.h"
#include "timeline/timelineindex.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

constexpr double kMarkerRadius = 4.5;
constexpr double kBarHeight = 10;
constexpr double kMinInsideLabel = 60; // a bar this wide carries its label inside
constexpr double kLabelPad = 5;
constexpr double kGap = 8;
constexpr double kLanePad = 4;
constexpr QSize kFlagSize(20, 15);

// One thing to place in a lane's rows: a mark, a bar or a cluster, in order of x.
struct Piece {
    double x0 = 0;
    double x1 = 0;
    quint32 item = 0; // the first entry's item
    int count = 1; // > 1: a cluster
    qint64 from = 0;
    qint64 to = 0;
    bool wide = false; // a range drawn as a bar
};

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

double TimelineRenderer::Frame::timeToX(qint64 t) const
{
    return plot.left() + TimeScale::timeToX(t, range, plot.width());
}

qint64 TimelineRenderer::Frame::xToTime(double x) const
{
    return TimeScale::xToTime(x - plot.left(), range, plot.width());
}

TimelineRenderer::TimelineRenderer(const QFont &font)
    : m_font(font)
{
    if (m_font.pixelSize() <= 0) {
        m_font.setPixelSize(13); // pixels, not points: the same size on screen, in PNG, SVG and PDF
    }
    m_boldFont = m_font;
    m_boldFont.setWeight(QFont::DemiBold);
}

double TimelineRenderer::rowHeight() const
{
    return std::ceil(QFontMetricsF(m_font).height()) + 6;
}

double TimelineRenderer::axisHeight() const
{
    return 2 * rowHeight() + 4;
}

TimelineRenderer::Frame TimelineRenderer::layout(
    const TimelineIndex &index, const TimeScale::Range &range, const QRectF &bounds) const
{
    Frame frame;
    frame.range = range;
    frame.bounds = bounds;
    const auto &lanes = index.lanes();
    // Headers as wide as their names need, within bounds.
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF bold(m_boldFont);
    double header = 0;
    for (const auto &lane : lanes) {
        header = std::max(header, bold.horizontalAdvance(lane.label));
    }
    const double flag = index.mode() == LaneMode::Country ? kFlagSize.width() + 6 : 0;
    frame.headerWidth = std::clamp(std::ceil(header + flag + 22), 110.0, std::min(240.0, bounds.width() / 3));
    frame.plot = bounds.adjusted(frame.headerWidth, axisHeight(), 0, 0);
    frame.axis = TimeTicks::compute(
        range, frame.plot.width(), [&](const QString &text) { return metrics.horizontalAdvance(text); },
        [&](const QString &text) { return bold.horizontalAdvance(text); }, QLocale());

    const double minLane = 2 * rowHeight() + 2 * kLanePad;
    const int fitting = std::max(1, int(frame.plot.height() / minLane));
    const int shown = std::min(int(lanes.size()), fitting);
    frame.hiddenLanes = int(lanes.size()) - shown;
    const double laneHeight = shown > 0 ? frame.plot.height() / shown : 0;
    for (int lane = 0; lane < shown; ++lane) {
        const double top = frame.plot.top() + lane * laneHeight;
        const QRectF rect(bounds.left(), top, bounds.width(), laneHeight);
        frame.lanes.append({lane, rect, QRectF(bounds.left(), top, frame.headerWidth, laneHeight)});
        const QRectF content(frame.plot.left(), top + kLanePad, frame.plot.width(), laneHeight - 2 * kLanePad);
        const auto &l = lanes[size_t(lane)];
        if (TimelineIndex::countStarting(l, range.start, range.end) > kMaxMarksPerLane) {
            layoutDensity(frame, index, lane, content);
        } else {
            layoutMarks(frame, index, lane, content);
        }
    }

    // An event in several lanes: a thin line joins its marks.
    QHash<quint32, QList<QPointF>> points;
    for (const Mark &mark : std::as_const(frame.marks)) {
        if (index.items()[mark.item].laneKeys.size() > 1) {
            points[mark.item].append(
                QPointF(mark.shape.left() + (mark.isRange ? 0 : kMarkerRadius), mark.shape.center().y()));
        }
    }
    for (auto it = points.cbegin(); it != points.cend(); ++it) {
        const QList<QPointF> &p = it.value();
        for (qsizetype i = 1; i < p.size(); ++i) {
            frame.connectors.append(QLineF(p[i - 1], p[i]));
        }
    }

    return frame;
}

void TimelineRenderer::layoutDensity(Frame &frame, const TimelineIndex &index, int lane, const QRectF &rect) const
{
    const auto &l = index.lanes()[size_t(lane)];
    Density density;
    density.lane = lane;
    density.x0 = rect.left();
    const int columns = int(std::ceil(rect.width() / kDensityColumn));
    density.counts.resize(size_t(std::max(columns, 0)));
    auto it = std::lower_bound(l.starts.begin(), l.starts.end(), frame.range.start);
    for (int c = 0; c < columns; ++c) {
        const qint64 to = frame.xToTime(rect.left() + (c + 1) * kDensityColumn);
        const auto next = std::lower_bound(it, l.starts.end(), std::min(to, frame.range.end));
        density.counts[size_t(c)] = quint32(next - it);
        density.maxCount = std::max(density.maxCount, density.counts[size_t(c)]);
        it = next;
    }
    frame.densities.append(std::move(density));
}

void TimelineRenderer::layoutMarks(Frame &frame, const TimelineIndex &index, int lane, const QRectF &rect) const
{
    const auto &l = index.lanes()[size_t(lane)];
    const auto [first, last] = index.candidates(l, frame.range);

    // Pieces in order of x: wide ranges as bars; narrow marks that collide form a group, which the lane shows
    // stacked when it has the rows for it, and as one cluster with a count when it has not.
    const double row = rowHeight();
    const int rows = std::max(1, int(rect.height() / row));
    QList<Piece> pieces;
    QList<Piece> group;
    const auto flush = [&] {
        if (group.size() <= rows) {
            pieces.append(group);
        } else {
            Piece cluster = group.first();
            cluster.count = int(group.size());
            cluster.to = group.last().from;
            for (const Piece &piece : std::as_const(group)) {
                cluster.x1 = std::max(cluster.x1, piece.x1);
            }
            pieces.append(cluster);
        }
        group.clear();
    };
    for (size_t i = first; i < last; ++i) {
        if (l.coverEnds[i] <= frame.range.start) {
            continue;
        }
        const TimelineItem &item = index.items()[l.items[i]];
        const double x0 = frame.timeToX(l.starts[i]);
        const double x1 = frame.timeToX(l.coverEnds[i]);
        const Piece piece{x0, x1, l.items[i], 1, l.starts[i], l.starts[i], item.isRange && x1 - x0 >= kClusterPx};
        if (piece.wide) {
            pieces.append(piece);
            continue;
        }
        if (!group.isEmpty() && x0 - group.first().x0 >= kClusterPx) {
            flush();
        }
        group.append(piece);
    }
    flush();
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) { return a.x0 < b.x0; });

    // Rows: each piece takes the first row that is free at its left; a label may run until the piece `rows`
    // places further on, which will need another row.
    std::vector<double> rowEnd(size_t(rows), -1e300);
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF bold(m_boldFont);
    const auto firstFreeRow = [&](double from) {
        for (int r = 0; r < rows; ++r) {
            if (rowEnd[size_t(r)] + kGap <= from) {
                return r;
            }
        }
        return -1;
    };
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        const Piece &piece = pieces[p];
        // An instant sits in the middle of the period it covers when that period is wide enough to see.
        const bool banded = piece.count == 1 && !piece.wide && piece.x1 - piece.x0 >= 3;
        const double markX
            = banded ? (std::max(piece.x0, rect.left()) + std::min(piece.x1, rect.right())) / 2 : piece.x0;
        const double left = std::max(piece.wide ? piece.x0 : markX, rect.left()) - kMarkerRadius;
        double shapeRight = piece.wide ? std::min(piece.x1, rect.right()) : markX + kMarkerRadius;
        const QString &title = index.items()[piece.item].title;
        QString text;
        double textWidth = 0;
        double want = 0;
        double rightWidth = 0; // the room for the label on the right, before eliding
        bool insideLabel = false;
        if (piece.count > 1) {
            text = QLocale().toString(piece.count);
            shapeRight = piece.x0 - kMarkerRadius + bold.horizontalAdvance(text) + 12;
        } else if (piece.wide && shapeRight - left >= kMinInsideLabel) {
            // A bar wide enough carries its label inside.
            const double inside = shapeRight - std::max(piece.x0, rect.left()) - 2 * kLabelPad;
            text = metrics.elidedText(title, Qt::ElideRight, inside);
            insideLabel = !text.isEmpty() && metrics.horizontalAdvance(text) >= std::min(40.0, inside);
            if (!insideLabel) {
                text.clear();
            }
        } else {
            // A label may run until the piece `rows` places on, which will need another row.
            const qsizetype later = p + rows;
            const double room = std::min(later < pieces.size() ? pieces[later].x0 - kGap : rect.right(), rect.right())
                - shapeRight - kLabelPad;
            want = std::min(metrics.horizontalAdvance(title), kMaxLabelWidth);
            textWidth = std::min(want, room);
            rightWidth = textWidth;
            if (textWidth >= 40 || textWidth >= want) {
                text = metrics.elidedText(title, Qt::ElideRight, textWidth);
                textWidth = metrics.horizontalAdvance(text);
            } else {
                textWidth = 0;
            }
        }
        int chosen = firstFreeRow(left);
        bool withLabel = (textWidth > 0 || insideLabel) && chosen >= 0;
        double labelLeft = shapeRight + kLabelPad;
        double used = withLabel ? labelLeft + textWidth : shapeRight;
        // Cramped on the right (at the edge of the view, or in a crowd): the label goes on the left of the mark
        // where that shows more of it.
        if (piece.count == 1 && !piece.wide && rightWidth < want) {
            const double labelRight = left - kLabelPad;
            for (int r = 0; r < rows; ++r) {
                const double from = std::max(rowEnd[size_t(r)], rect.left() - kGap) + kGap;
                const double width = std::min(want, labelRight - from);
                if (width > rightWidth && width >= 40) {
                    chosen = r;
                    text = metrics.elidedText(title, Qt::ElideRight, width);
                    textWidth = metrics.horizontalAdvance(text);
                    labelLeft = labelRight - textWidth;
                    withLabel = true;
                    used = shapeRight;
                    break;
                }
            }
        }
        if (chosen < 0) {
            // No free row: the mark still shows (over others), but without a label, so no two labels overlap.
            withLabel = false;
            used = shapeRight;
            chosen = int(std::min_element(rowEnd.begin(), rowEnd.end()) - rowEnd.begin());
        }
        rowEnd[size_t(chosen)] = std::max(rowEnd[size_t(chosen)], used);
        const double y = rect.top() + chosen * row + row / 2;

        if (piece.count > 1) {
            frame.clusters.append({lane,
                QRectF(piece.x0 - kMarkerRadius, y - row / 2 + 2, shapeRight - piece.x0 + kMarkerRadius, row - 4),
                piece.count, piece.from, piece.to});
            continue;
        }
        Mark mark;
        mark.item = piece.item;
        mark.lane = lane;
        mark.isRange = piece.wide;
        if (piece.wide) {
            const double height = insideLabel ? row - 4 : kBarHeight;
            mark.shape = QRectF(piece.x0, y - height / 2, piece.x1 - piece.x0, height);
            mark.labelInside = insideLabel && withLabel;
        } else {
            mark.shape = QRectF(markX - kMarkerRadius, y - kMarkerRadius, 2 * kMarkerRadius, 2 * kMarkerRadius);
            if (banded) {
                mark.band = QRectF(piece.x0, y - row / 2 + 1, piece.x1 - piece.x0, row - 2);
            }
        }
        if (withLabel && insideLabel) {
            mark.label = text;
            const double x = std::max(piece.x0, rect.left()) + kLabelPad;
            mark.labelRect = QRectF(x, y - row / 2, metrics.horizontalAdvance(text), row);
        } else if (withLabel) {
            mark.label = text;
            mark.labelRect = QRectF(labelLeft, y - row / 2, textWidth, row);
        }
        frame.marks.append(mark);
    }
}

void TimelineRenderer::paint(
    QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const
{
    painter->save();
    painter->setFont(m_font);
    painter->fillRect(frame.bounds, options.palette.color(QPalette::Base));
    paintLanes(painter, frame, index, options);
    paintAxis(painter, frame, options.palette);

    if (options.now && frame.range.contains(*options.now)) {
        const double x = frame.timeToX(*options.now);
        const QColor today(options.dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
        painter->setPen(QPen(today, 1.5));
        painter->drawLine(QPointF(x, frame.plot.top() - rowHeight() + 4), QPointF(x, frame.plot.bottom()));
        painter->setFont(m_boldFont);
        const QString label = QStringLiteral("Today");
        const double width = QFontMetricsF(m_boldFont).horizontalAdvance(label);
        const double lx = std::min(x + 3, frame.bounds.right() - width - 2);
        painter->fillRect(QRectF(lx - 1, frame.plot.top() - rowHeight() + 2, width + 2, rowHeight() - 4),
            options.palette.color(QPalette::Base));
        painter->drawText(QRectF(lx, frame.plot.top() - rowHeight(), width + 1, rowHeight()), Qt::AlignVCenter, label);
    }
    painter->restore();
}

void TimelineRenderer::paintAxis(QPainter *painter, const Frame &frame, const QPalette &palette) const
{
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    const QColor grid = mix(palette.color(QPalette::Base), text, 0.10);
    const QColor majorGrid = mix(palette.color(QPalette::Base), text, 0.22);
    const double row = rowHeight();
    const double top = frame.bounds.top();
    const double left = frame.plot.left();

    painter->save();
    painter->setClipRect(frame.bounds);
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const TimeTicks::Tick &tick : frame.axis.minor) {
        const double x = left + tick.x;
        painter->setPen(grid);
        painter->drawLine(QPointF(x, top + row), QPointF(x, frame.plot.bottom()));
        if (!tick.label.isEmpty()) {
            painter->setPen(muted);
            painter->drawText(
                QRectF(left + tick.labelX, top + row, tick.labelWidth + 1, row), Qt::AlignVCenter, tick.label);
        }
    }
    for (const TimeTicks::Tick &tick : frame.axis.major) {
        const double x = left + tick.x;
        if (tick.x >= 0) {
            painter->setPen(majorGrid);
            painter->drawLine(QPointF(x, top + 2), QPointF(x, frame.plot.bottom()));
        }
        if (!tick.label.isEmpty()) {
            painter->setPen(text);
            painter->setFont(m_boldFont);
            painter->drawText(QRectF(left + tick.labelX, top, tick.labelWidth + 4, row), Qt::AlignVCenter, tick.label);
            painter->setFont(m_font);
        }
    }
    painter->setPen(majorGrid);
    painter->drawLine(QPointF(frame.bounds.left(), frame.plot.top()), QPointF(frame.bounds.right(), frame.plot.top()));
    painter->restore();
}

void TimelineRenderer::paintLanes(
    QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const
{
    const QPalette &palette = options.palette;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QFontMetricsF metrics(m_font);
    const auto &lanes = index.lanes();
    const auto colourOf = [&](int lane) { return LanePalette::colour(lanes[size_t(lane)].colourSlot, options.dark); };

    // Rows, headers and dividers.
    for (const LaneBox &box : frame.lanes) {
        const auto &lane = lanes[size_t(box.lane)];
        if (box.lane % 2 == 1) {
            painter->fillRect(box.rect, mix(base, text, 0.025));
        }
        const QColor colour = colourOf(box.lane);
        painter->fillRect(QRectF(box.header.left(), box.header.top() + 3, 4, box.header.height() - 6), colour);
        double textLeft = box.header.left() + 12;
        if (index.mode() == LaneMode::Country) {
            const QPixmap flag = Flags::pixmap(lane.key, kFlagSize, painter->device()->devicePixelRatioF());
            if (!flag.isNull()) {
                painter->drawPixmap(
                    QPointF(textLeft, box.rect.top() + kLanePad + (rowHeight() - kFlagSize.height()) / 2), flag);
                textLeft += kFlagSize.width() + 6;
            }
        }
        painter->setPen(text);
        painter->setFont(m_boldFont);
        const QRectF labelRect(textLeft, box.rect.top() + kLanePad, box.header.right() - textLeft - 6, rowHeight());
        painter->drawText(labelRect, Qt::AlignVCenter,
            QFontMetricsF(m_boldFont).elidedText(lane.label, Qt::ElideRight, labelRect.width()));
        painter->setFont(m_font);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QString count = QLocale().toString(qulonglong(lane.items.size()));
        painter->drawText(QRectF(textLeft, labelRect.bottom() - 2, labelRect.width(), rowHeight()), Qt::AlignVCenter,
            lane.items.size() == 1 ? QStringLiteral("1 event") : count + QStringLiteral(" events"));
        painter->setPen(mix(base, text, 0.15));
        painter->drawLine(QPointF(box.rect.left(), box.rect.bottom()), QPointF(box.rect.right(), box.rect.bottom()));
    }
    painter->setPen(mix(base, text, 0.22));
    painter->drawLine(
        QPointF(frame.plot.left() - 0.5, frame.plot.top()), QPointF(frame.plot.left() - 0.5, frame.plot.bottom()));
    if (frame.hiddenLanes > 0) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const double y = frame.lanes.isEmpty() ? frame.plot.top() : frame.lanes.last().rect.bottom();
        painter->drawText(QRectF(frame.bounds.left() + 12, y, frame.headerWidth - 12, rowHeight()), Qt::AlignVCenter,
            QStringLiteral("+%1 more lanes").arg(frame.hiddenLanes));
    }

    painter->save();
    painter->setClipRect(frame.plot);

    // Density: columns as tall as the log of their count, so that sparse columns still show.
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const Density &density : frame.densities) {
        const QRectF lane = frame.lanes[density.lane].rect.adjusted(0, kLanePad, 0, -kLanePad);
        const QColor colour = colourOf(density.lane);
        const double scale = density.maxCount > 0 ? (lane.height() - 2) / std::log1p(double(density.maxCount)) : 0;
        for (size_t c = 0; c < density.counts.size(); ++c) {
            if (density.counts[c] == 0) {
                continue;
            }
            const double h = std::max(1.0, std::log1p(double(density.counts[c])) * scale);
            painter->fillRect(
                QRectF(density.x0 + double(c) * kDensityColumn, lane.bottom() - h, kDensityColumn, h), colour);
        }
    }

    // Imprecise instants: the period they cover, faintly.
    for (const Mark &mark : frame.marks) {
        if (!mark.band.isEmpty()) {
            QColor faint = colourOf(mark.lane);
            faint.setAlphaF(0.16f);
            painter->fillRect(mark.band, faint);
        }
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(mix(base, text, 0.25), 1, Qt::DashLine));
    for (const QLineF &line : frame.connectors) {
        painter->drawLine(line);
    }
    const QColor selection = palette.color(QPalette::Highlight);
    for (const Mark &mark : frame.marks) {
        const TimelineItem &item = index.items()[mark.item];
        const bool selected = !options.selectedId.isEmpty() && item.id == options.selectedId;
        const QColor colour = colourOf(mark.lane);
        painter->setPen(selected ? QPen(selection, 2.5) : QPen(base, 1));
        painter->setBrush(colour);
        if (mark.isRange) {
            painter->drawRoundedRect(mark.shape, 3, 3);
        } else {
            painter->drawEllipse(mark.shape);
        }
        if (!mark.label.isEmpty() && mark.labelInside) {
            painter->setPen(colour.lightnessF() > 0.7 ? QColor(Qt::black) : QColor(Qt::white));
            painter->setFont(selected ? m_boldFont : m_font);
            painter->drawText(mark.labelRect, Qt::AlignVCenter, mark.label);
            painter->setFont(m_font);
        } else if (!mark.label.isEmpty()) {
            // A halo of the background keeps grid lines and connectors out of the text.
            QColor halo = base;
            halo.setAlphaF(0.85f);
            painter->fillRect(mark.labelRect.adjusted(-2, 2, 2, -2), halo);
            painter->setPen(selected ? selection : text);
            painter->setFont(selected ? m_boldFont : m_font);
            painter->drawText(mark.labelRect, Qt::AlignVCenter, mark.label);
            painter->setFont(m_font);
        }
    }
    painter->setFont(m_boldFont);
    for (const Cluster &cluster : frame.clusters) {
        const QColor colour = colourOf(cluster.lane);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(cluster.rect, cluster.rect.height() / 2, cluster.rect.height() / 2);
        painter->setPen(colour.lightnessF() > 0.7 ? QColor(Qt::black) : QColor(Qt::white));
        painter->drawText(cluster.rect, Qt::AlignCenter, QLocale().toString(cluster.count));
    }
    painter->restore();
}

TimelineRenderer::Hit TimelineRenderer::hitTest(const Frame &frame, const QPointF &point)
{
    Hit hit;
    // Topmost first: marks are painted after density, in order, so search them backwards.
    for (qsizetype i = frame.marks.size() - 1; i >= 0; --i) {
        const Mark &mark = frame.marks[i];
        if (mark.shape.adjusted(-3, -3, 3, 3).contains(point) || mark.labelRect.contains(point)) {
            hit.item = mark.item;
            return hit;
        }
    }
    for (const Cluster &cluster : frame.clusters) {
        if (cluster.rect.contains(point)) {
            hit.cluster = cluster;
            return hit;
        }
    }
    for (const Density &density : frame.densities) {
        if (frame.lanes[density.lane].rect.contains(point) && point.x() >= density.x0) {
            const size_t c = size_t((point.x() - density.x0) / kDensityColumn);
            if (c < density.counts.size()) {
                hit.density = density.counts[c];
                return hit;
            }
        }
    }
    return hit;
}
