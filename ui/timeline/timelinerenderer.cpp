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
#include <QPixmap>

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

// A marker drawn once per colour and scale, then stamped: antialiased circles are the costliest thing on a frame.
QPixmap markerStamp(const QColor &fill, const QColor &ring, bool selected, qreal devicePixelRatio)
{
    static QHash<QString, QPixmap> cache;
    const QString key = fill.name() + ring.name() + (selected ? u'+' : u'-') + QString::number(devicePixelRatio);
    if (const auto it = cache.constFind(key); it != cache.constEnd()) {
        return *it;
    }
    const double size = 2 * kMarkerRadius + 4;
    QPixmap pixmap(QSize(int(std::ceil(size * devicePixelRatio)), int(std::ceil(size * devicePixelRatio))));
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(selected ? QPen(ring, 2.5) : QPen(ring, 1));
    painter.setBrush(fill);
    painter.drawEllipse(QRectF(2, 2, 2 * kMarkerRadius, 2 * kMarkerRadius));
    painter.end();
    cache.insert(key, pixmap);
    return pixmap;
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
    const double minLane = 2 * rowHeight() + 2 * kLanePad;
    const double plotHeight = bounds.height() - axisHeight();
    const int fitting = std::max(1, int(plotHeight / minLane));
    // When not every lane fits, one row stays free below them for "+N more lanes".
    const int shown
        = int(lanes.size()) <= fitting ? int(lanes.size()) : std::max(1, int((plotHeight - rowHeight()) / minLane));
    double header = 0;
    for (int lane = 0; lane < shown; ++lane) {
        header = std::max(header, bold.horizontalAdvance(lanes[size_t(lane)].label));
    }
    const double flag = index.mode() == LaneMode::Country ? kFlagSize.width() + 6 : 0;
    frame.headerWidth = std::min(std::max(std::ceil(header + flag + 22), 110.0), std::min(240.0, bounds.width() / 3));
    frame.plot = bounds.adjusted(frame.headerWidth, axisHeight(), 0, 0);
    frame.axis = TimeTicks::compute(
        range, frame.plot.width(), [&](const QString &text) { return metrics.horizontalAdvance(text); },
        [&](const QString &text) { return bold.horizontalAdvance(text); }, QLocale());

    frame.hiddenLanes = int(lanes.size()) - shown;
    const double laneHeight = shown > 0 ? (frame.plot.height() - (frame.hiddenLanes > 0 ? rowHeight() : 0)) / shown : 0;
    for (int lane = 0; lane < shown; ++lane) {
        const double top = frame.plot.top() + lane * laneHeight;
        const QRectF rect(bounds.left(), top, bounds.width(), laneHeight);
        frame.lanes.append({lane, rect, QRectF(bounds.left(), top, frame.headerWidth, laneHeight)});
        const QRectF content(frame.plot.left(), top + kLanePad, frame.plot.width(), laneHeight - 2 * kLanePad);
        const auto &l = lanes[size_t(lane)];
        // More events than a third of the pixels across: marks would only hide each other, so draw density.
        if (TimelineIndex::countStarting(l, range.start, range.end) > size_t(content.width() / 3)) {
            layoutDensity(frame, index, lane, content);
        } else {
            layoutMarks(frame, index, lane, content);
        }
    }

    // An event in several lanes: a thin line joins its marks.
    QHash<quint32, QList<QPointF>> points;
    for (const Mark &mark : std::as_const(frame.marks)) {
        if (index.laneCount(mark.item) > 1) {
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
    const std::vector<quint32> visible = TimelineIndex::overlapping(l, frame.range);

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
    for (const quint32 i : visible) {
        // Clipped to just beyond the lane: a range of a billion years at minute zoom would otherwise give
        // coordinates no painter can take.
        const double x0 = std::max(frame.timeToX(l.starts[i]), rect.left() - 2 * kClusterPx);
        const double x1 = std::min(frame.timeToX(l.coverEnds[i]), rect.right() + 2 * kClusterPx);
        const Piece piece{x0, x1, l.items[i], 1, l.starts[i], l.starts[i], index.isRange(l.items[i]) && x1 - x0 >= kClusterPx};
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
    Cluster hidden;
    hidden.lane = lane;
    hidden.overflow = true;
    const auto firstFreeRow = [&](double from) {
        for (int r = 0; r < rows; ++r) {
            if (rowEnd[size_t(r)] + kGap <= from) {
                return r;
            }
        }
        return -1;
    };
    // The room a label after piece p has: until the piece `rows` places on, which will need another row, or the edge.
    const auto rightRoom = [&](qsizetype p) {
        const qsizetype later = p + rows;
        const double end = std::min(later < pieces.size() ? pieces[later].x0 - kGap : rect.right(), rect.right());
        return std::min(end - std::min(pieces[p].x1, rect.right()) - kLabelPad, kMaxLabelWidth);
    };
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        const Piece &piece = pieces[p];
        // An instant sits in the middle of the period it covers when that period is wide enough to see.
        const bool banded = piece.count == 1 && !piece.wide && piece.x1 - piece.x0 >= 3;
        const double markX
            = banded ? (std::max(piece.x0, rect.left()) + std::min(piece.x1, rect.right())) / 2 : piece.x0;
        const double left = std::max(piece.wide ? piece.x0 : markX, rect.left()) - kMarkerRadius;
        double shapeRight = piece.wide ? std::min(piece.x1, rect.right()) : markX + kMarkerRadius;
        if (firstFreeRow(left) < 0) {
            // No free row: rather than pile marks on marks, the lane header counts what it cannot show here.
            // (Checked before any text is measured: in a crowd, most pieces end here.)
            if (hidden.count == 0) {
                hidden.from = piece.from;
            }
            hidden.count += piece.count;
            hidden.to = std::max(hidden.to, piece.to);
            continue;
        }
        const QString title = index.title(piece.item);
        QString text;
        double textWidth = 0;
        double want = 0;
        double rightWidth = 0; // the room for the label on the right, before eliding
        bool insideLabel = false;
        if (piece.count > 1) {
            text = QLocale().toString(piece.count);
            shapeRight = piece.x0 - kMarkerRadius + bold.horizontalAdvance(text) + 12;
        } else if (piece.wide && shapeRight - left >= kMinInsideLabel
            && shapeRight - std::max(piece.x0, rect.left()) - 2 * kLabelPad
                >= std::min(metrics.horizontalAdvance(title), rightRoom(p))) {
            // A bar carries its label inside when that shows as much of it as the space after the bar would.
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
        Q_ASSERT(chosen >= 0);
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
    if (hidden.count > 0) {
        const QRectF header = frame.lanes.last().header;
        const QString text = QStringLiteral("+%1 more here").arg(QLocale().toString(hidden.count));
        const double top = header.top() + kLanePad + 2 * row;
        const double width = std::min(metrics.horizontalAdvance(text) + 12, header.width() - 16);
        hidden.rect = QRectF(header.left() + 10, top, width, row - 4);
        if (hidden.rect.bottom() > header.bottom()) {
            hidden.rect.moveTop(header.top() + kLanePad + 2); // a short lane: beside the name would clip, so on it
        }
        frame.clusters.append(hidden);
    }
}

void TimelineRenderer::paint(
    QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const
{
    painter->save();
    painter->setFont(m_font);
    painter->fillRect(frame.bounds, options.palette.color(QPalette::Base));
    paintLanes(painter, frame, index, options);

    // Today's marker: a line through the lanes, named in the minor row, whose labels give way to it.
    QRectF todayLabel;
    double todayX = 0;
    const QString today = QStringLiteral("Today");
    if (options.now && frame.range.contains(*options.now)) {
        todayX = frame.timeToX(*options.now);
        const double width = QFontMetricsF(m_boldFont).horizontalAdvance(today);
        const double lx = std::min(todayX + 3, frame.bounds.right() - width - 2);
        todayLabel = QRectF(lx, frame.plot.top() - rowHeight(), width + 1, rowHeight());
    }
    paintAxis(painter, frame, options.palette, todayLabel);
    if (!todayLabel.isNull()) {
        const QColor colour(options.dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
        painter->setPen(QPen(colour, 1.5));
        painter->drawLine(QPointF(todayX, frame.plot.top() - rowHeight() + 4), QPointF(todayX, frame.plot.bottom()));
        painter->setFont(m_boldFont);
        painter->drawText(todayLabel, Qt::AlignVCenter, today);
    }
    painter->restore();
}

void TimelineRenderer::paintAxis(
    QPainter *painter, const Frame &frame, const QPalette &palette, const QRectF &keepClear) const
{
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.6);
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
        const QRectF labelRect(left + tick.labelX, top + row, tick.labelWidth + 1, row);
        if (!tick.label.isEmpty() && !labelRect.intersects(keepClear.adjusted(-4, 0, 4, 0))) {
            painter->setPen(muted);
            painter->drawText(labelRect, Qt::AlignVCenter, tick.label);
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
        painter->setPen(mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.6));
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
        painter->setPen(mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.6));
        const double y = frame.lanes.isEmpty() ? frame.plot.top() : frame.lanes.last().rect.bottom();
        painter->drawText(QRectF(frame.bounds.left() + 12, y, frame.headerWidth - 12, rowHeight()), Qt::AlignVCenter,
            QStringLiteral("+%1 more lanes").arg(frame.hiddenLanes));
    }

    painter->save();
    painter->setClipRect(frame.plot);

    // Density: columns as tall as the log of their count, so that sparse columns still show. Whole-pixel
    // rectangles, and one rectangle for a run of columns of one height: the raster engine's fastest path.
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const Density &density : frame.densities) {
        const QRectF lane = frame.lanes[density.lane].rect.adjusted(0, kLanePad, 0, -kLanePad);
        const QColor colour = colourOf(density.lane);
        const double scale = density.maxCount > 0 ? (lane.height() - 2) / std::log1p(double(density.maxCount)) : 0;
        const int bottom = int(std::round(lane.bottom()));
        const auto heightOf = [&](quint32 count) {
            return count == 0 ? 0 : std::max(1, int(std::round(std::log1p(double(count)) * scale)));
        };
        size_t c = 0;
        while (c < density.counts.size()) {
            const int h = heightOf(density.counts[c]);
            size_t end = c + 1;
            while (end < density.counts.size() && heightOf(density.counts[end]) == h) {
                ++end;
            }
            if (h > 0) {
                const int x0 = int(std::round(density.x0 + double(c) * kDensityColumn));
                const int x1 = int(std::round(density.x0 + double(end) * kDensityColumn));
                painter->fillRect(QRect(x0, bottom - h, x1 - x0, h), colour);
            }
            c = end;
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
    const std::optional<quint32> selectedItem = index.itemById(options.selectedId);
    for (const Mark &mark : frame.marks) {
        const bool selected = selectedItem == mark.item;
        const QColor colour = colourOf(mark.lane);
        if (mark.isRange) {
            // Square bars, not antialiased: crisp, and cheap however many there are.
            painter->setRenderHint(QPainter::Antialiasing, false);
            painter->fillRect(mark.shape, colour);
            if (selected) {
                painter->setPen(QPen(selection, 2));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(mark.shape.adjusted(-1, -1, 1, 1));
            }
            painter->setRenderHint(QPainter::Antialiasing, true);
        } else {
            painter->drawPixmap(mark.shape.topLeft() - QPointF(2, 2),
                markerStamp(colour, selected ? selection : base, selected, painter->device()->devicePixelRatioF()));
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
            if (selected) {
                // Bold runs wider than the label was measured: elide again rather than run over the next mark.
                painter->setFont(m_boldFont);
                painter->drawText(mark.labelRect, Qt::AlignVCenter,
                    QFontMetricsF(m_boldFont).elidedText(mark.label, Qt::ElideRight, mark.labelRect.width()));
                painter->setFont(m_font);
            } else {
                painter->drawText(mark.labelRect, Qt::AlignVCenter, mark.label);
            }
        }
    }
    painter->setFont(m_boldFont);
    for (const Cluster &cluster : frame.clusters) {
        if (cluster.overflow) {
            continue; // drawn with the headers, outside this clip
        }
        const QColor colour = colourOf(cluster.lane);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(cluster.rect, cluster.rect.height() / 2, cluster.rect.height() / 2);
        painter->setPen(colour.lightnessF() > 0.7 ? QColor(Qt::black) : QColor(Qt::white));
        painter->drawText(cluster.rect, Qt::AlignCenter, QLocale().toString(cluster.count));
    }
    painter->restore();

    // What did not fit in a lane's rows, counted in its header.
    painter->setFont(m_font);
    for (const Cluster &cluster : frame.clusters) {
        if (!cluster.overflow) {
            continue;
        }
        const QString text = QStringLiteral("+%1 more here").arg(QLocale().toString(cluster.count));
        painter->setPen(QPen(colourOf(cluster.lane), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cluster.rect, cluster.rect.height() / 2, cluster.rect.height() / 2);
        painter->setPen(mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.6));
        painter->drawText(
            cluster.rect, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, cluster.rect.width() - 8));
    }
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
