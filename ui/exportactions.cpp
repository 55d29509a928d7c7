// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "exportimagedialog.h"
#include "io/csvexport.h"
#include "io/jsonformat.h"
#include "io/outputfile.h"
#include "plainwarning.h"
#include "storage/eventfilter.h"
#include "storage/eventstore.h"
#include "timeline/timelineexporter.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>

namespace ExportActions {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportActions", text);
}

} // namespace

QString exportData(QWidget *parent, const EventStore &store, const EventFilter &filter)
{
    QString chosen = tr("Annals JSON (*.json)");
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Export Data"), QString(), chosen + QStringLiteral(";;") + tr("CSV (*.csv)"), &chosen);
    if (path.isEmpty()) {
        return {};
    }
    const QList<Event> events = store.events(filter);
    const QByteArray data = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? CsvExport::write(events)
                                                                                      : JsonFormat::write(events);
    QString error;
    if (!OutputFile::write(path, data, &error)) {
        showPlainWarning(parent, tr("Cannot export"), error);
        return {};
    }
    return tr("Exported %1 events to %2").arg(events.size()).arg(QFileInfo(path).fileName());
}

QString exportImage(QWidget *parent, const TimelineView &view, const QString &timelinePath,
    const QString &timelineTitle, const EventFilter &filter)
{
    const TimelineZoom &zoom = *view.zoom();
    const TimeScale::Range everything = zoom.fittedRange();
    ExportImageDialog dialog(TimeScale::describe(zoom.visibleRange()), TimeScale::describe(everything),
        timelineTitle.isEmpty() ? QFileInfo(timelinePath).completeBaseName() : timelineTitle, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return {};
    }
    QString chosen = tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(parent, tr("Export Image"), QString(),
        chosen + QStringLiteral(";;") + tr("SVG image (*.svg)") + QStringLiteral(";;") + tr("PDF document (*.pdf)"),
        &chosen);
    if (path.isEmpty()) {
        return {};
    }
    TimelineExporter::Format format;
    if (!TimelineExporter::formatFor(path, &format)) {
        // No suffix typed: take the one of the chosen filter.
        path += chosen.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
            : chosen.contains(QLatin1String("pdf"))   ? QStringLiteral(".pdf")
                                                      : QStringLiteral(".png");
    }
    TimelineExporter::Options options;
    options.range = dialog.wholeRange() ? everything : zoom.visibleRange();
    options.size = dialog.imageSize();
    options.scale = dialog.scale();
    options.title = dialog.title();
    options.filters = filter.describe();
    options.selectedId = view.selectedId();
    options.lanes = view.laneView();
    options.lanes.first = 0; // an image starts at the top
    QString error;
    if (!view.index() || !TimelineExporter::write(path, *view.index(), options, &error)) {
        showPlainWarning(parent, tr("Cannot export the image"), error);
        return {};
    }
    return tr("Exported %1").arg(QFileInfo(path).fileName());
}

} // namespace ExportActions
