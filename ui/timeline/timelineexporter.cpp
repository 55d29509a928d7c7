// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineexporter.h"

#include "domain/displayzone.h"
#include "io/outputfile.h"
#include "lanepalette.h"
#include "timeline/timelineindex.h"
#include "timelinerenderer.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>

namespace {

constexpr double kMargin = 16;

// Exports look the same whatever the desktop's theme: dark text on white.
QPalette exportPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::Text, QColor(0x20, 0x21, 0x24));
    palette.setColor(QPalette::WindowText, QColor(0x20, 0x21, 0x24));
    palette.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x6f, 0x76));
    palette.setColor(QPalette::Highlight, QColor(0x1a, 0x73, 0xe8));
    return palette;
}

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels);
    if (bold) {
        font.setWeight(QFont::DemiBold);
    }
    return font;
}

} // namespace

namespace TimelineExporter {

bool formatFor(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        *format = Format::Png;
    } else if (suffix == QLatin1String("svg")) {
        *format = Format::Svg;
    } else if (suffix == QLatin1String("pdf")) {
        *format = Format::Pdf;
    } else {
        return false;
    }
    return true;
}

void paint(QPainter *painter, const QRectF &bounds, const TimelineIndex &index, const Options &options)
{
    const QPalette palette = exportPalette();
    painter->fillRect(bounds, palette.color(QPalette::Base));

    // Header: title, then the range and the filters.
    const QFont titleFont = pixelFont(20, true);
    const QFont small = pixelFont(13);
    const double titleHeight = QFontMetricsF(titleFont).height();
    const double line = QFontMetricsF(small).height() + 2;
    double y = bounds.top() + kMargin;
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(titleFont);
    const QString title = options.title.isEmpty() ? QStringLiteral("Annals timeline") : options.title;
    const double textWidth = bounds.width() - 2 * kMargin;
    painter->drawText(QRectF(bounds.left() + kMargin, y, textWidth, titleHeight), Qt::AlignVCenter,
        QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, textWidth));
    y += titleHeight + 2;
    const double subtitleY = y;
    y += line + 8;

    // Legend at the bottom: a swatch and a name per lane, flowing into as many rows as it needs (at most three).
    struct Entry {
        QString text;
        QColor colour;
        double width;
    };
    QList<Entry> entries;
    const QFontMetricsF metrics(small);
    // Each coloured lane once, then one entry for every lane in the neutral grey: one colour, one meaning.
    int neutralLanes = 0;
    for (const auto &lane : index.lanes()) {
        if (!LanePalette::hasOwnColour(lane.colourSlot)) {
            ++neutralLanes;
            continue;
        }
        const QString text = metrics.elidedText(lane.label, Qt::ElideRight, 200);
        entries.append({text, LanePalette::colour(lane.colourSlot), 14 + metrics.horizontalAdvance(text) + 18});
    }
    if (neutralLanes > 0) {
        const QString text = neutralLanes == 1 ? QStringLiteral("1 other lane")
                                               : QStringLiteral("%1 other lanes").arg(QLocale().toString(neutralLanes));
        entries.append({text, LanePalette::neutral(), 14 + metrics.horizontalAdvance(text) + 18});
    }
    painter->setFont(small);
    QList<QList<Entry>> rows{{}};
    double rowWidth = 0;
    for (const Entry &entry : entries) {
        if (rowWidth + entry.width > textWidth && !rows.last().isEmpty()) {
            if (rows.size() == 3) {
                break;
            }
            rows.append(QList<Entry>());
            rowWidth = 0;
        }
        rows.last().append(entry);
        rowWidth += entry.width;
    }
    const double legendHeight = entries.isEmpty() ? 0 : rows.size() * line + 10;
    double ly = bounds.bottom() - kMargin - legendHeight + 10;
    for (const QList<Entry> &row : rows) {
        double x = bounds.left() + kMargin;
        for (const Entry &entry : row) {
            painter->fillRect(QRectF(x, ly + line / 2 - 5, 10, 10), entry.colour);
            painter->setPen(palette.color(QPalette::Text));
            painter->drawText(QRectF(x + 14, ly, entry.width - 14, line), Qt::AlignVCenter, entry.text);
            x += entry.width;
        }
        ly += line;
    }

    // The timeline between them.
    const QRectF area(
        bounds.left() + kMargin / 2, y, bounds.width() - kMargin, bounds.bottom() - kMargin - legendHeight - y);
    const TimelineRenderer renderer(small);
    TimelineRenderer::Options renderOptions;
    renderOptions.palette = palette;
    renderOptions.selectedId = options.selectedId;
    TimelineRenderer::LaneView lanes = options.lanes;
    lanes.noteHidden = true; // an image cannot scroll: say how many lanes it leaves out
    const TimelineRenderer::Frame frame = renderer.layout(index, options.range, area, lanes);

    QString subtitle = TimeScale::describe(options.range);
    if (options.range.span() >= TimeScale::kDay) {
        // Which zone the times of day are in (a range within a day names it already, after its times).
        subtitle += QStringLiteral("  ·  times of day in ") + DisplayZone::describe();
    }
    if (!options.filters.isEmpty()) {
        subtitle += QStringLiteral("  ·  ") + options.filters.join(QStringLiteral("  ·  "));
    }
    if (!frame.densities.isEmpty()) {
        // The scale of the density columns: how long a column lasts, and how many the tallest holds.
        quint32 tallest = 0;
        for (const TimelineRenderer::Density &density : frame.densities) {
            tallest = std::max(tallest, density.maxCount);
        }
        const double column
            = double(options.range.span()) / std::max(1.0, frame.plot.width()) * TimelineRenderer::kDensityColumn;
        subtitle += QStringLiteral("  ·  density: a column is %1, its height the log of its events, the tallest %2")
                        .arg(TimeScale::describeDuration(qint64(column)), QLocale().toString(tallest));
    }
    if (std::any_of(frame.marks.cbegin(), frame.marks.cend(),
            [&](const TimelineRenderer::Mark &mark) { return index.isVague(mark.item); })) {
        subtitle += QStringLiteral("  ·  open rings and fading ends: approximate or uncertain dates");
    }
    painter->setFont(small);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(bounds.left() + kMargin, subtitleY, textWidth, line), Qt::AlignVCenter,
        QFontMetricsF(small).elidedText(subtitle, Qt::ElideRight, textWidth));

    painter->save();
    painter->setClipRect(area);
    renderer.paint(painter, frame, index, renderOptions);
    painter->restore();
}

bool write(const QString &path, const TimelineIndex &index, const Options &options, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error) {
            *error = path + QStringLiteral(": ") + why;
        }
        return false;
    };
    Format format;
    if (!formatFor(path, &format)) {
        return fail(QStringLiteral("the name must end in .png, .svg or .pdf"));
    }
    if (options.size.width() < 300 || options.size.height() < 200 || options.size.width() > 20000
        || options.size.height() > 20000) {
        return fail(QStringLiteral("the size must be from 300×200 to 20000×20000 pixels"));
    }
    if (options.scale < 0.5 || options.scale > 8) {
        return fail(QStringLiteral("the scale must be from 0.5 to 8"));
    }
    // A PNG is held whole in memory: 4 bytes a pixel, at most a gigabyte.
    constexpr double kMaxPixels = 268'435'456;
    if (format == Format::Png
        && double(options.size.width()) * options.size.height() * options.scale * options.scale > kMaxPixels) {
        return fail(QStringLiteral("%1×%2 at scale %3 is too many pixels for a PNG; use SVG or PDF, or a smaller "
                                   "size or scale")
                        .arg(options.size.width())
                        .arg(options.size.height())
                        .arg(options.scale));
    }
    OutputFile output(path);
    if (!output.open()) {
        return fail(output.errorString());
    }
    QIODevice &file = *output.device();
    const QRectF bounds(QPointF(0, 0), QSizeF(options.size));
    switch (format) {
    case Format::Png: {
        QImage image(options.size * options.scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(options.scale);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paint(&painter, bounds, index, options);
        painter.end();
        if (!image.save(&file, "PNG")) {
            return fail(QStringLiteral("cannot encode the PNG"));
        }
        break;
    }
    case Format::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(options.size);
        generator.setViewBox(bounds);
        generator.setResolution(96);
        generator.setTitle(options.title);
        generator.setDescription(QStringLiteral("Exported from Annals"));
        QPainter painter(&generator);
        paint(&painter, bounds, index, options);
        break;
    }
    case Format::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(options.size) * 72.0 / 96.0, QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(options.title);
        writer.setCreator(QStringLiteral("Annals"));
        QPainter painter(&writer);
        paint(&painter, bounds, index, options);
        break;
    }
    }
    if (!output.commit()) {
        return fail(output.errorString());
    }
    return true;
}

} // namespace TimelineExporter
