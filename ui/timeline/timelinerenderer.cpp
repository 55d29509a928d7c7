// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineRenderer's painting: a laid-out Frame into any QPainter.
#include "timelinerenderer.h"

#include "flags.h"
#include "lanepalette.h"
#include "timeline/timelineindex.h"
#include "timelinemetrics.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <cmath>

using namespace TimelineMetrics;

namespace {

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

QColor laneColour(const TimelineIndex &index, int lane, bool dark)
{
    return LanePalette::colour(index.lanes()[size_t(lane)].colourSlot, dark);
}

} // namespace

void TimelineRenderer::paint(
    QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const
{
    painter->save();
    painter->setFont(m_font);
    painter->fillRect(frame.bounds, options.palette.color(QPalette::Base));
    // Lanes and their headers, then the grid, then what is on it, so that no grid line runs through a label.
    paintLanes(painter, frame, index, options);
    paintGrid(painter, frame, options.palette);
    paintMarks(painter, frame, index, options);

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
        painter->setPen(QPen(colour, 2));
        painter->drawLine(QPointF(todayX, frame.plot.top() - rowHeight() + 4), QPointF(todayX, frame.plot.bottom()));
        painter->setFont(m_boldFont);
        painter->drawText(todayLabel, Qt::AlignVCenter, today);
    }
    painter->restore();
}

void TimelineRenderer::paintGrid(QPainter *painter, const Frame &frame, const QPalette &palette) const
{
    const QColor grid = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.10);
    const QColor majorGrid = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.22);
    const double top = frame.bounds.top();
    const double left = frame.plot.left();
    painter->save();
    painter->setClipRect(frame.bounds);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(grid);
    for (const TimeTicks::Tick &tick : frame.axis.minor) {
        painter->drawLine(QPointF(left + tick.x, top + rowHeight()), QPointF(left + tick.x, frame.plot.bottom()));
    }
    painter->setPen(majorGrid);
    for (const TimeTicks::Tick &tick : frame.axis.major) {
        if (tick.x >= 0) {
            painter->drawLine(QPointF(left + tick.x, top + 2), QPointF(left + tick.x, frame.plot.bottom()));
        }
    }
    painter->restore();
}

void TimelineRenderer::paintAxis(
    QPainter *painter, const Frame &frame, const QPalette &palette, const QRectF &keepClear) const
{
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.6);
    const double row = rowHeight();
    const double top = frame.bounds.top();
    const double left = frame.plot.left();

    painter->save();
    painter->setClipRect(frame.bounds);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(muted);
    for (const TimeTicks::Tick &tick : frame.axis.minor) {
        const QRectF labelRect(left + tick.labelX, top + row, tick.labelWidth + 1, row);
        if (!tick.label.isEmpty() && !labelRect.intersects(keepClear.adjusted(-4, 0, 4, 0))) {
            painter->drawText(labelRect, Qt::AlignVCenter, tick.label);
        }
    }
    painter->setPen(text);
    painter->setFont(m_boldFont);
    for (const TimeTicks::Tick &tick : frame.axis.major) {
        if (!tick.label.isEmpty()) {
            painter->drawText(QRectF(left + tick.labelX, top, tick.labelWidth + 4, row), Qt::AlignVCenter, tick.label);
        }
    }
    painter->setFont(m_font);
    painter->setPen(mix(palette.color(QPalette::Base), text, 0.22));
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
    const auto colourOf = [&](int lane) { return laneColour(index, lane, options.dark); };

    // Rows, headers and dividers.
    const QColor muted = mix(base, text, 0.6);
    const QFontMetricsF boldMetrics(m_boldFont);
    for (qsizetype place = 0; place < frame.lanes.size(); ++place) {
        const LaneBox &box = frame.lanes[place];
        const auto &lane = lanes[size_t(box.lane)];
        if ((frame.firstLane + place) % 2 == 1) {
            painter->fillRect(box.rect, mix(base, text, 0.025));
        }
        const QColor colour = colourOf(box.lane);
        painter->fillRect(QRectF(box.header.left(), box.header.top() + 3, 4, box.header.height() - 6), colour);
        double textLeft = box.header.left() + 12;
        const double firstLine = box.collapsed ? box.rect.top() + 1 : box.rect.top() + kLanePad;
        if (index.mode() == LaneMode::Country) {
            const QPixmap flag = Flags::pixmap(lane.key, kFlagSize, painter->device()->devicePixelRatioF());
            if (!flag.isNull()) {
                painter->drawPixmap(QPointF(textLeft, firstLine + (rowHeight() - kFlagSize.height()) / 2), flag);
                textLeft += kFlagSize.width() + 6;
            }
        }
        // Room on the right for the disclosure triangle that collapses and opens the lane.
        const double right = box.header.right() - (options.interactive ? 18 : 6);
        const QString count = countText(lane.items.size());
        QRectF labelRect(textLeft, firstLine, right - textLeft, rowHeight());
        if (box.collapsed) {
            // One line: the name, and the count after it where there is room.
            const QString number = QLocale().toString(qulonglong(lane.items.size()));
            const double numberWidth = metrics.horizontalAdvance(number);
            if (labelRect.width() - numberWidth - 8 >= std::min(boldMetrics.horizontalAdvance(lane.label), 50.0)) {
                painter->setPen(muted);
                painter->drawText(labelRect, Qt::AlignVCenter | Qt::AlignRight, number);
                labelRect.setRight(labelRect.right() - numberWidth - 8);
            }
        }
        painter->setPen(text);
        painter->setFont(m_boldFont);
        painter->drawText(
            labelRect, Qt::AlignVCenter, boldMetrics.elidedText(lane.label, Qt::ElideRight, labelRect.width()));
        painter->setFont(m_font);
        if (!box.collapsed && !box.countGivesWay) {
            painter->setPen(muted);
            painter->drawText(QRectF(textLeft, labelRect.bottom() - 2, labelRect.width(), rowHeight()),
                Qt::AlignVCenter, metrics.elidedText(count, Qt::ElideRight, labelRect.width()));
        }
        if (options.interactive) {
            // ▾ open, ▸ collapsed.
            const QPointF c(box.header.right() - 10, firstLine + rowHeight() / 2);
            const QPolygonF triangle = box.collapsed
                ? QPolygonF({c + QPointF(-2.5, -4), c + QPointF(2.5, 0), c + QPointF(-2.5, 4)})
                : QPolygonF({c + QPointF(-4, -2.5), c + QPointF(4, -2.5), c + QPointF(0, 2.5)});
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(muted);
            painter->drawPolygon(triangle);
            painter->restore();
        }
        painter->setPen(mix(base, text, 0.15));
        painter->drawLine(QPointF(box.rect.left(), box.rect.bottom()), QPointF(box.rect.right(), box.rect.bottom()));
    }
    painter->setPen(mix(base, text, 0.22));
    painter->drawLine(
        QPointF(frame.plot.left() - 0.5, frame.plot.top()), QPointF(frame.plot.left() - 0.5, frame.plot.bottom()));
    if (frame.hiddenLanes > 0 && frame.noteHidden) {
        painter->setPen(muted);
        const double y = frame.lanes.isEmpty() ? frame.plot.top() : frame.lanes.last().rect.bottom();
        painter->drawText(QRectF(frame.bounds.left() + 12, y, frame.headerWidth - 12, rowHeight()), Qt::AlignVCenter,
            QStringLiteral("+%1 more lanes").arg(frame.hiddenLanes));
    }
}

void TimelineRenderer::paintMarks(
    QPainter *painter, const Frame &frame, const TimelineIndex &index, const Options &options) const
{
    const QPalette &palette = options.palette;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const auto colourOf = [&](int lane) { return laneColour(index, lane, options.dark); };
    const QFontMetricsF metrics(m_font);

    painter->save();
    painter->setClipRect(frame.plot);

    // Density: columns as tall as the log of their count, so that sparse columns still show. Whole-pixel
    // rectangles, and one rectangle for a run of columns of one height: the raster engine's fastest path.
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const Density &density : frame.densities) {
        const QRectF lane = density.rect;
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

    // Imprecise instants: the period they cover, faintly. A date the source is not sure of (approximate,
    // uncertain, or somewhere within a span) fades out at both sides instead of ending sharply.
    // `edge`: how far in from each side the fade reaches, in pixels. In steps of flat colour rather than a gradient:
    // PDF draws no gradient with alpha (its fades came out as solid blocks), and a band must not hide the grid.
    const auto fading = [painter](const QRectF &rect, QColor colour, double alpha, double edge) {
        constexpr int kSteps = 6;
        const double reach = std::clamp(edge, 0.0, rect.width() / 2);
        const double step = reach / kSteps;
        colour.setAlphaF(float(alpha));
        painter->fillRect(rect.adjusted(reach, 0, -reach, 0), colour);
        for (int i = 0; i < kSteps; ++i) {
            QColor faded = colour;
            faded.setAlphaF(float(alpha * (i + 0.5) / kSteps));
            painter->fillRect(QRectF(rect.left() + i * step, rect.top(), step, rect.height()), faded);
            painter->fillRect(QRectF(rect.right() - (i + 1) * step, rect.top(), step, rect.height()), faded);
        }
    };
    // A vague bar fades over its outer ends only, so that its middle (and a label on it) stays solid.
    const auto barEdge = [](const QRectF &bar) { return std::min(16.0, bar.width() / 4); };
    for (const Mark &mark : frame.marks) {
        if (!mark.band.isEmpty()) {
            QColor faint = colourOf(mark.lane);
            if (index.isVague(mark.item)) {
                fading(mark.band, faint, 0.22, mark.band.width() * 0.3);
            } else {
                faint.setAlphaF(0.16f);
                painter->fillRect(mark.band, faint);
            }
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
        const bool vague = index.isVague(mark.item);
        if (mark.isRange) {
            // Square bars, not antialiased: crisp, and cheap however many there are; a vague one fades at its ends.
            painter->setRenderHint(QPainter::Antialiasing, false);
            if (vague) {
                fading(mark.shape, colour, 1.0, barEdge(mark.shape));
            } else {
                painter->fillRect(mark.shape, colour);
            }
            if (selected) {
                painter->setPen(QPen(selection, 2));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(mark.shape.adjusted(-1, -1, 1, 1));
            }
            painter->setRenderHint(QPainter::Antialiasing, true);
        } else if (vague) {
            // An open ring: the date is not known for sure.
            painter->drawPixmap(mark.shape.topLeft() - QPointF(2, 2),
                markerStamp(mix(base, colour, 0.15), selected ? selection : colour, true,
                    painter->device()->devicePixelRatioF()));
        } else {
            painter->drawPixmap(mark.shape.topLeft() - QPointF(2, 2),
                markerStamp(colour, selected ? selection : base, selected, painter->device()->devicePixelRatioF()));
        }
        if (!mark.label.isEmpty() && mark.labelInside) {
            painter->setPen(colour.lightnessF() > 0.7 ? QColor(Qt::black) : QColor(Qt::white));
            if (vague) {
                // Past the faded end, and short of the other.
                const double edge = barEdge(mark.shape);
                const double left = mark.labelRect.left() + edge;
                const QRectF room(left, mark.labelRect.top(), std::max(0.0, mark.shape.right() - edge - left),
                    mark.labelRect.height());
                painter->drawText(room, Qt::AlignVCenter,
                    QFontMetricsF(painter->font()).elidedText(mark.label, Qt::ElideRight, room.width()));
            } else {
                painter->drawText(mark.labelRect, Qt::AlignVCenter, mark.label);
            }
        } else if (!mark.label.isEmpty()) {
            // An opaque halo of the background keeps grid lines and connectors out of the text; a selected label
            // wears the selection's colours in the same font, so that it is never wider than it was measured.
            painter->fillRect(mark.labelRect.adjusted(-2, 2, 2, -2), selected ? selection : base);
            painter->setPen(selected ? palette.color(QPalette::HighlightedText) : text);
            painter->drawText(mark.labelRect, Qt::AlignVCenter, mark.label);
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
        painter->drawText(cluster.rect, Qt::AlignCenter,
            (cluster.remainder ? QStringLiteral("+") : QString()) + QLocale().toString(cluster.count));
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
