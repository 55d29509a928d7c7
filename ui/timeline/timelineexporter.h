// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timelinerenderer.h"
#include "timeline/timescale.h"

#include <QSize>
#include <QString>
#include <QStringList>

class TimelineIndex;
QT_BEGIN_NAMESPACE
class QPainter;
class QRectF;
QT_END_NAMESPACE

// The timeline as an image: PNG (any size, with a scale factor for hi-DPI), SVG (text stays text) or PDF (vector,
// one page fitted to the image). The image carries a title, the date range, the active filters and a legend of
// the lanes, and is drawn by the same TimelineRenderer as the window.
namespace TimelineExporter {

struct Options {
    QSize size{1600, 900}; // logical pixels
    double scale = 1; // PNG only: pixels per logical pixel
    TimeScale::Range range;
    QString title;
    QStringList filters; // "Countries: Russian Federation", shown under the title
    QString selectedId;
    TimelineRenderer::LaneView lanes; // the window's lane order and collapsed lanes
};

enum class Format { Png, Svg, Pdf };
// From the file name's suffix; nullopt-like false when it is none of .png, .svg and .pdf.
bool formatFor(const QString &path, Format *format);

// Writes the image; on failure returns false and says why in *error, naming the file. Nothing is left half-written.
bool write(const QString &path, const TimelineIndex &index, const Options &options, QString *error);
// Paints the whole image (header, timeline, legend) into `bounds`.
void paint(QPainter *painter, const QRectF &bounds, const TimelineIndex &index, const Options &options);

} // namespace TimelineExporter
