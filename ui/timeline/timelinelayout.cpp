// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineRenderer's layout: which lanes show, and where each mark, label, cluster and density column goes.
#include "timelinerenderer.h"

#include "domain/displayzone.h"
#include "timeline/timelineindex.h"
#include "timelinemetrics.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLocale>

#include <cmath>
#include <numeric>

using namespace TimelineMetrics;

namespace {

// One thing to place in a lane's rows: a mark, a bar or a cluster, in order of x.
struct Piece {
    double x0 = 0;
    double x1 = 0;
    quint32 item = 0; // the first entry's item
    int count = 1; // > 1: a cluster
    qint64 from = 0;
    qint64 to = 0;
    bool wide = false; // a range drawn as a bar
    std::vector<quint32> members; // a cluster's items
    bool remainder = false; // a cluster of what its crowd's stacked marks leave
};

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

QString TimelineRenderer::countText(qsizetype events)
{
    return events == 1 ? QStringLiteral("1 event") : QLocale().toString(qulonglong(events)) + QStringLiteral(" events");
}

double TimelineRenderer::rowHeight() const
{
    return std::ceil(QFontMetricsF(m_font).height()) + 6;
}

double TimelineRenderer::axisHeight() const
{
    return 2 * rowHeight() + 4;
}

double TimelineRenderer::laneHeight(bool collapsed) const
{
    return collapsed ? rowHeight() + 2 : 2 * rowHeight() + 2 * kLanePad;
}

TimelineRenderer::Frame TimelineRenderer::layout(
    const TimelineIndex &index, const TimeScale::Range &range, const QRectF &bounds) const
{
    return layout(index, range, bounds, LaneView());
}

TimelineRenderer::Frame TimelineRenderer::layout(
    const TimelineIndex &index, const TimeScale::Range &range, const QRectF &bounds, const LaneView &view) const
{
    Frame frame;
    frame.range = range;
    frame.bounds = bounds;
    const auto &lanes = index.lanes();
    const int total = int(lanes.size());
    std::vector<int> order = view.order;
    if (order.size() != lanes.size()) {
        order.resize(lanes.size());
        std::iota(order.begin(), order.end(), 0);
    }
    const auto collapsed
        = [&](int lane) { return view.collapseAll || view.collapsed.contains(lanes[size_t(lane)].key); };
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF bold(m_boldFont);
    const double plotHeight = bounds.height() - axisHeight();

    // Whole lanes from `first` down, as many as fit; an image keeps a row below them to count the rest.
    const auto fitFrom = [&](int first, double height) {
        int shown = 0;
        double used = 0;
        for (int place = first; place < total; ++place) {
            const double h = laneHeight(collapsed(order[size_t(place)]));
            if (shown > 0 && used + h > height) {
                break;
            }
            used += h;
            ++shown;
        }
        return std::pair(shown, used);
    };
    // The last first lane that still fills the view: scrolling stops there rather than leave the view half empty.
    frame.laneTotal = total;
    frame.noteHidden = view.noteHidden;
    double fromEnd = 0;
    frame.maxFirstLane = total;
    for (int place = total - 1; place >= 0; --place) {
        fromEnd += laneHeight(collapsed(order[size_t(place)]));
        if (fromEnd > plotHeight && place < total - 1) {
            break;
        }
        frame.maxFirstLane = place;
    }
    frame.maxFirstLane = std::clamp(frame.maxFirstLane, 0, std::max(0, total - 1));
    frame.firstLane = std::clamp(view.first, 0, frame.maxFirstLane);
    auto [shown, used] = fitFrom(frame.firstLane, plotHeight);
    if (view.noteHidden && frame.firstLane + shown < total) {
        std::tie(shown, used) = fitFrom(frame.firstLane, plotHeight - rowHeight());
    }
    frame.hiddenLanes = total - shown;

    // Headers as wide as the names and counts shown need, within bounds.
    double header = 0;
    for (int place = frame.firstLane; place < frame.firstLane + shown; ++place) {
        const auto &lane = lanes[size_t(order[size_t(place)])];
        header = std::max(
            {header, bold.horizontalAdvance(lane.label), metrics.horizontalAdvance(countText(lane.items.size()))});
    }
    const double flag = index.mode() == LaneMode::Country ? kFlagSize.width() + 6 : 0;
    frame.headerWidth = std::min(std::max(std::ceil(header + flag + 34), 110.0), std::min(240.0, bounds.width() / 3));
    frame.plot = bounds.adjusted(frame.headerWidth, axisHeight(), 0, 0);
    // Hours and minutes on the display zone's clock; days and longer stay on the calendar, as dates have no zone.
    const qint64 shift
        = range.span() <= 2 * TimeScale::kDay ? DisplayZone::offsetAt(range.start + range.span() / 2) : 0;
    frame.axis = TimeTicks::compute(
        {range.start + shift, range.end + shift}, frame.plot.width(),
        [&](const QString &text) { return metrics.horizontalAdvance(text); },
        [&](const QString &text) { return bold.horizontalAdvance(text); }, QLocale());

    // Every lane shown: the open ones share what is left of the height.
    int open = 0;
    for (int place = frame.firstLane; place < frame.firstLane + shown; ++place) {
        open += collapsed(order[size_t(place)]) ? 0 : 1;
    }
    const double spare = frame.hiddenLanes == 0 && open > 0 ? std::max(0.0, plotHeight - used) / open : 0;
    double top = frame.plot.top();
    for (int place = frame.firstLane; place < frame.firstLane + shown; ++place) {
        const int lane = order[size_t(place)];
        const bool thin = collapsed(lane);
        const double height = laneHeight(thin) + (thin ? 0 : spare);
        const QRectF rect(bounds.left(), top, bounds.width(), height);
        frame.lanes.append({lane, rect, QRectF(bounds.left(), top, frame.headerWidth, height), thin});
        top += height;
        const auto &l = lanes[size_t(lane)];
        // More events than a third of the pixels across: marks would only hide each other, so draw density.
        if (thin) {
            layoutDensity(
                frame, index, lane, QRectF(frame.plot.left(), rect.top() + 1, frame.plot.width(), height - 2));
            continue;
        }
        const QRectF content(frame.plot.left(), rect.top() + kLanePad, frame.plot.width(), height - 2 * kLanePad);
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
    density.rect = rect;
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
            // A crowd that zooming cannot split (one day's events) shows its first events, labelled, in all rows
            // but the last, and counts the rest there: an image of it says what happened, not only how much.
            const bool inseparable = rows >= 2 && group.last().from - group.first().from < kInseparableSpan;
            const int stacked = inseparable ? rows - 1 : 0;
            pieces.append(group.mid(0, stacked));
            Piece cluster = group.first();
            cluster.count = int(group.size()) - stacked;
            cluster.remainder = stacked > 0;
            cluster.to = group.last().from;
            cluster.members.reserve(size_t(group.size()));
            for (const Piece &piece : std::as_const(group)) {
                cluster.x1 = std::max(cluster.x1, piece.x1);
                cluster.members.push_back(piece.item); // the list it opens holds the whole crowd
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
        const Piece piece{x0, x1, l.items[i], 1, l.starts[i], l.starts[i],
            index.isRange(l.items[i]) && x1 - x0 >= kClusterPx, {}, false};
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

    // Rows: each piece takes the first row free at its left, and its label all the room it wants up to the view's
    // edge. A later piece that finds every row taken by labels, but some row free of marks, shortens the label in
    // its way (or drops it when too little would be left): marks come before labels, and labels take rows that
    // would otherwise stay empty.
    struct Row {
        double end = -1e300; // of the last mark and its label
        double markEnd = -1e300; // of the last mark alone
        qsizetype mark = -1; // its place in frame.marks while its label runs on the right, else -1
    };
    std::vector<Row> rowState(static_cast<size_t>(rows));
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF bold(m_boldFont);
    Cluster hidden;
    hidden.lane = lane;
    hidden.overflow = true;
    const auto firstFreeRow = [&](double from) {
        for (int r = 0; r < rows; ++r) {
            if (rowState[size_t(r)].end + kGap <= from) {
                return r;
            }
        }
        return -1;
    };
    // The row whose label can give way to a mark at `from` and keep the most of itself; -1 when none can.
    const auto rowToShorten = [&](double from) {
        int best = -1;
        double keeps = -1;
        for (int r = 0; r < rows; ++r) {
            const Row &state = rowState[size_t(r)];
            if (state.mark < 0 || state.markEnd + kGap > from) {
                continue;
            }
            const double left = from - kGap - frame.marks[state.mark].labelRect.left();
            if (left > keeps) {
                keeps = left;
                best = r;
            }
        }
        return best;
    };
    const auto shorten = [&](int r, double until) {
        Row &state = rowState[size_t(r)];
        Mark &mark = frame.marks[state.mark];
        const double width = until - kGap - mark.labelRect.left();
        mark.label = width >= 40 ? metrics.elidedText(index.title(mark.item), Qt::ElideRight, width) : QString();
        mark.labelRect = mark.label.isEmpty() ? QRectF()
                                              : QRectF(mark.labelRect.left(), mark.labelRect.top(),
                                                  metrics.horizontalAdvance(mark.label), mark.labelRect.height());
        state.end = mark.label.isEmpty() ? state.markEnd : std::max(state.markEnd, mark.labelRect.right());
        state.mark = -1;
    };
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        const Piece &piece = pieces[p];
        // An instant sits in the middle of the period it covers when that period is wide enough to see.
        const bool banded = piece.count == 1 && !piece.wide && piece.x1 - piece.x0 >= 3;
        const double markX
            = banded ? (std::max(piece.x0, rect.left()) + std::min(piece.x1, rect.right())) / 2 : piece.x0;
        const double left = std::max(piece.wide ? piece.x0 : markX, rect.left()) - kMarkerRadius;
        double shapeRight = piece.wide ? std::min(piece.x1, rect.right()) : markX + kMarkerRadius;
        int chosen = firstFreeRow(left);
        if (chosen < 0) {
            chosen = rowToShorten(left);
            if (chosen >= 0) {
                shorten(chosen, left);
            }
        }
        if (chosen < 0) {
            // No row for the mark: rather than pile marks on marks, the lane header counts what it cannot show
            // here. (Checked before any text is measured: in a crowd, most pieces end here.)
            if (hidden.count == 0) {
                hidden.from = piece.from;
            }
            hidden.count += piece.count;
            hidden.to = std::max(hidden.to, piece.to);
            if (piece.members.empty()) {
                hidden.items.push_back(piece.item);
            } else {
                hidden.items.insert(hidden.items.end(), piece.members.begin(), piece.members.end());
            }
            continue;
        }
        const QString title = index.title(piece.item);
        QString text;
        double textWidth = 0;
        double want = 0;
        bool insideLabel = false;
        const double rightRoom = rect.right() - std::min(piece.x1, rect.right()) - kLabelPad;
        if (piece.count > 1) {
            text = (piece.remainder ? QStringLiteral("+") : QString()) + QLocale().toString(piece.count);
            shapeRight = piece.x0 - kMarkerRadius + bold.horizontalAdvance(text) + 12;
        } else if (piece.wide && shapeRight - left >= kMinInsideLabel
            && shapeRight - std::max(piece.x0, rect.left()) - 2 * kLabelPad
                >= std::min({metrics.horizontalAdvance(title), rightRoom, kMaxLabelWidth})) {
            // A bar carries its label inside when that shows as much of it as the space after the bar would.
            const double inside = shapeRight - std::max(piece.x0, rect.left()) - 2 * kLabelPad;
            text = metrics.elidedText(title, Qt::ElideRight, inside);
            insideLabel = !text.isEmpty() && metrics.horizontalAdvance(text) >= std::min(40.0, inside);
            if (!insideLabel) {
                text.clear();
            }
        } else {
            want = std::min(metrics.horizontalAdvance(title), kMaxLabelWidth);
            textWidth = std::min(want, rect.right() - shapeRight - kLabelPad);
            if (textWidth >= 40 || textWidth >= want) {
                text = metrics.elidedText(title, Qt::ElideRight, textWidth);
                textWidth = metrics.horizontalAdvance(text);
            } else {
                textWidth = 0;
            }
        }
        bool withLabel = textWidth > 0 || insideLabel;
        bool labelOnRight = withLabel && !insideLabel;
        double labelLeft = shapeRight + kLabelPad;
        double used = labelOnRight ? labelLeft + textWidth : shapeRight;
        // At the view's right edge: the label goes on the left of the mark where that shows more of it.
        if (piece.count == 1 && !piece.wide && textWidth < want) {
            const double labelRight = left - kLabelPad;
            for (int r = 0; r < rows; ++r) {
                const Row &state = rowState[size_t(r)];
                if (state.markEnd + kGap > left) {
                    continue;
                }
                const double from = std::max(state.end, rect.left() - kGap) + kGap;
                const double width = std::min(want, labelRight - from);
                if (width > textWidth && width >= 40) {
                    chosen = r;
                    text = metrics.elidedText(title, Qt::ElideRight, width);
                    textWidth = metrics.horizontalAdvance(text);
                    labelLeft = labelRight - textWidth;
                    withLabel = true;
                    labelOnRight = false;
                    used = shapeRight;
                    break;
                }
            }
        }
        Row &state = rowState[size_t(chosen)];
        state.end = std::max(state.end, used);
        state.markEnd = std::max(state.markEnd, shapeRight);
        state.mark = -1;
        const double y = rect.top() + chosen * row + row / 2;

        if (piece.count > 1) {
            QRectF bubble(piece.x0 - kMarkerRadius, y - row / 2 + 2, shapeRight - piece.x0 + kMarkerRadius, row - 4);
            if (bubble.right() > rect.right()) {
                bubble.moveRight(rect.right()); // a crowd at the view's edge: its count whole, not clipped
            }
            frame.clusters.append(
                {lane, bubble, piece.count, piece.from, piece.to, false, piece.members, piece.remainder});
            continue;
        }
        Mark mark;
        mark.item = piece.item;
        mark.lane = lane;
        mark.isRange = piece.wide;
        if (piece.wide) {
            const double height = insideLabel ? row - 4 : kBarHeight;
            mark.shape = QRectF(piece.x0, y - height / 2, piece.x1 - piece.x0, height);
            mark.labelInside = insideLabel;
        } else {
            mark.shape = QRectF(markX - kMarkerRadius, y - kMarkerRadius, 2 * kMarkerRadius, 2 * kMarkerRadius);
            if (banded) {
                mark.band = QRectF(piece.x0, y - row / 2 + 1, piece.x1 - piece.x0, row - 2);
            }
        }
        if (insideLabel) {
            mark.label = text;
            const double x = std::max(piece.x0, rect.left()) + kLabelPad;
            mark.labelRect = QRectF(x, y - row / 2, metrics.horizontalAdvance(text), row);
        } else if (withLabel) {
            mark.label = text;
            mark.labelRect = QRectF(labelLeft, y - row / 2, textWidth, row);
        }
        if (labelOnRight) {
            state.mark = frame.marks.size();
        }
        frame.marks.append(mark);
    }
    if (hidden.count > 0) {
        std::sort(hidden.items.begin(), hidden.items.end()); // items are numbered in time order
        LaneBox &box = frame.lanes.last();
        const QRectF header = box.header;
        const QString text = QStringLiteral("+%1 more here").arg(QLocale().toString(hidden.count));
        const double width = std::min(metrics.horizontalAdvance(text) + 12, header.width() - 16);
        // Below the lane's name and count; in a lane too short for a third line, in the count's place.
        hidden.rect = QRectF(header.left() + 10, header.top() + kLanePad + 2 * row, width, row - 4);
        if (hidden.rect.bottom() > header.bottom()) {
            hidden.rect.moveTop(header.top() + kLanePad + row);
            box.countGivesWay = true;
        }
        frame.clusters.append(hidden);
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
    for (const LaneBox &box : frame.lanes) {
        if (box.header.contains(point)) {
            hit.header = box.lane;
            return hit;
        }
    }
    for (const Density &density : frame.densities) {
        if (density.rect.adjusted(0, -kLanePad, 0, kLanePad).contains(point) && point.x() >= density.x0) {
            const size_t c = size_t((point.x() - density.x0) / kDensityColumn);
            if (c < density.counts.size()) {
                hit.density = density.counts[c];
                return hit;
            }
        }
    }
    return hit;
}
