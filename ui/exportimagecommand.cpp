// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportimagecommand.h"

#include "cli/commandline.h"
#include "cli/commands.h"
#include "domain/displayzone.h"
#include "io/seed.h"
#include "storage/eventstore.h"
#include "timeline/timelineexporter.h"
#include "timeline/timelineindex.h"
#include "timeline/timelinezoom.h"
#include "workingset/filterengine.h"

#include <QFileInfo>
#include <QTextStream>

namespace ExportImageCommand {

int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::unique_ptr<EventStore> store = Seed::openTimeline(options.timeline, &error);
    if (!store) {
        err << "annals: " << error << '\n';
        return 1;
    }
    DisplayZone::set(DisplayZone::fromName(options.timeZone).value_or(QTimeZone::utc()));
    const std::optional<EventFilter> filter = Commands::filterOf(*store, options, &error);
    if (!filter) {
        err << "annals export-image: " << error << '\n';
        return 1;
    }
    // The window's path: the working set in memory, filtered there.
    const std::shared_ptr<const FilterResult> result
        = FilterEngine::evaluate(*store, {*filter, options.lanes, {}}, &error);
    if (!result) {
        err << "annals: " << store->path() << ": " << error << '\n';
        return 1;
    }
    const TimelineIndex &index = result->index();

    if (index.isEmpty()) {
        err << "annals export-image: no events pass the filters; there is nothing to draw\n";
        return 1;
    }
    TimelineExporter::Options image;
    image.size = QSize(options.width, options.height);
    image.scale = options.scale;
    // The timeline's own title, else its file's name.
    const QString own = store->title();
    image.title = !options.title.isEmpty() ? options.title
        : !own.isEmpty()                   ? own
                                           : QFileInfo(store->path()).completeBaseName();
    EventFilter shown = *filter; // the range line already gives the dates
    shown.from.reset();
    shown.before.reset();
    image.filters = shown.describe();
    // The asked dates when given, else all the events shown, with a margin.
    TimelineZoom zoom;
    zoom.setFullRange(index.extent());
    image.range = zoom.fittedRange();
    if (filter->from) {
        image.range.start = *filter->from;
    }
    if (filter->before) {
        image.range.end = *filter->before;
    }
    if (image.range.span() < TimeScale::kMinSpan) {
        image.range.end = image.range.start + TimeScale::kMinSpan;
    }
    if (!TimelineExporter::write(options.output, index, image, &error)) {
        err << "annals export-image: " << error << '\n';
        return 1;
    }
    out << QStringLiteral("Exported %1 event%2 to %3.\n")
               .arg(index.size())
               .arg(index.size() == 1 ? "" : "s")
               .arg(options.output);
    return 0;
}

} // namespace ExportImageCommand
