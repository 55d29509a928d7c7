// SPDX-License-Identifier: GPL-3.0-or-later
#include "markpainter.h"

#include "timeline/timelineindex.h"
#include "workingset/workingset.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <cmath>

namespace {

quint8 marksOf(const TimelineIndex &index, quint32 item)
{
    const WorkingSet *set = index.workingSet();
    if (!set || item >= index.size()) {
        return 0;
    }
    const quint32 row = index.rows()[item];
    return row < set->marks.size() ? set->marks[row] : 0;
}

void arrow(QPainter *painter, const QPointF &from, const QPointF &to, const QString &label, const QColor &colour,
    const QRectF &plot)
{
    // A curve that bows upwards, so that it clears the marks of the lanes between; downwards where there is no room
    // above (its label would be cut off by the axis).
    const QPointF middle = (from + to) / 2;
    const double bow = std::min(60.0, QLineF(from, to).length() / 4 + 12);
    const bool up = std::min(from.y(), to.y()) - bow / 2 - 12 > plot.top();
    const QPointF control(middle.x(), up ? std::min(from.y(), to.y()) - bow : std::max(from.y(), to.y()) + bow);
    QPainterPath path(from);
    path.quadTo(control, to);
    painter->setPen(QPen(colour, 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    // The head, along the curve's last direction.
    const QLineF back(to, control);
    const double angle = std::atan2(back.dy(), back.dx());
    const double size = 7;
    QPolygonF head;
    head << to << to + QPointF(std::cos(angle + 0.45) * size, std::sin(angle + 0.45) * size)
         << to + QPointF(std::cos(angle - 0.45) * size, std::sin(angle - 0.45) * size);
    painter->setBrush(colour);
    painter->drawPolygon(head);
    if (!label.isEmpty()) {
        const QPointF top = path.pointAtPercent(0.5);
        const QFontMetricsF metrics(painter->font());
        const QString text = metrics.elidedText(label, Qt::ElideRight, 160);
        QRectF box(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2);
        box.moveCenter(top);
        QColor back = Qt::white;
        back.setAlphaF(0.85f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(back);
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(colour);
        painter->drawText(box, Qt::AlignCenter, text);
    }
}

} // namespace

namespace MarkPainter {

void paint(QPainter *painter, const TimelineRenderer::Frame &frame, const TimelineIndex &index,
    const QList<EventLink> &links, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(frame.plot);
    const QColor gold(0xd4, 0x9a, 0x00);
    QSet<QString> ends;
    for (const EventLink &link : links) {
        ends << link.source << link.target;
    }
    QHash<QString, QPointF> where; // a linked event's mark (its first, where it shows in several lanes)
    for (const TimelineRenderer::Mark &mark : frame.marks) {
        if (marksOf(index, mark.item) & WorkingSet::Starred) {
            // Above the mark's top left, where a label never goes.
            QFont font = painter->font();
            font.setPixelSize(13);
            painter->setFont(font);
            painter->setPen(gold);
            const QRectF star(mark.shape.left() - 9, mark.shape.center().y() - 15, 13, 13);
            painter->drawText(star, Qt::AlignCenter, QStringLiteral("\u2605"));
        }
        if (!ends.isEmpty() && (marksOf(index, mark.item) & WorkingSet::Linked)) {
            const QString id = index.id(mark.item);
            if (ends.contains(id) && !where.contains(id)) {
                where.insert(
                    id, mark.isRange ? QPointF(mark.shape.left(), mark.shape.center().y()) : mark.shape.center());
            }
        }
    }
    if (!where.isEmpty()) {
        painter->setFont(QFont());
        const QColor colour = palette.color(QPalette::Link);
        for (const EventLink &link : links) {
            const auto from = where.constFind(link.source);
            const auto to = where.constFind(link.target);
            if (from != where.constEnd() && to != where.constEnd()) {
                arrow(painter, *from, *to, link.label, colour, frame.plot);
            }
        }
    }
    painter->restore();
}

} // namespace MarkPainter
