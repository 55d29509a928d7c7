// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "domain/displayzone.h"

#include "cli/commandline.h"
#include "cli/editcommands.h"
#include "io/csvexport.h"
#include "io/importer.h"
#include "io/jsonformat.h"
#include "io/outputfile.h"
#include "io/seed.h"
#include "storage/annotations.h"
#include "storage/eventeditor.h"
#include "storage/eventstore.h"
#include "storage/savedview.h"
#include "storage/storefault.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace {

using Command = CommandLineOptions::Command;

QString table(const QList<Event> &events)
{
    const QStringList header{
        QStringLiteral("Date"), QStringLiteral("Kind"), QStringLiteral("Countries"), QStringLiteral("Title")};
    QList<QStringList> rows{header};
    for (const Event &event : events) {
        rows.append({event.time.toDisplayString(), event.kind, event.allCountries().join(u' '), event.title});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        }
        out += line + u'\n';
    }
    out += QStringLiteral("%1 event%2\n").arg(events.size()).arg(events.size() == 1 ? "" : "s");
    return out;
}

QByteArray encode(const EventStore &store, const QList<Event> &events, const QString &format, const QString &title)
{
    if (format == QLatin1String("csv")) {
        return CsvExport::write(events);
    }
    if (format == QLatin1String("json")) {
        return JsonFormat::write(events, title, Annotations::allMarks(store));
    }
    return table(events).toUtf8();
}

// After a read: a damaged file gives what could be read, and this says so.
bool readWhole(const EventStore &store, const char *command, qsizetype events, QTextStream &err)
{
    if (store.errorString().isEmpty()) {
        return true;
    }
    err << "annals " << command << ": " << store.errorString() << '\n'
        << "Only the " << events << " events that could be read are in the output.\n";
    return false;
}

int list(const EventStore &store, const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    QString why;
    const std::optional<EventFilter> filter = Commands::filterOf(store, options, &why);
    if (!filter) {
        err << "annals list: " << why << '\n';
        return 1;
    }
    const QList<Event> events = store.events(*filter);
    out << QString::fromUtf8(encode(store, events, options.format, QString()));
    out.flush();
    return readWhole(store, "list", events.size(), err) ? 0 : 1;
}

int importFile(EventStore &store, const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    ImportError error;
    Importer::Options how;
    how.format = options.format;
    how.map = options.map;
    how.missing = options.missing;
    how.skipInvalid = options.skipInvalid;
    how.encoding = options.encoding;
    const std::optional<Importer::Summary> imported = Importer::importFile(options.input, how, store, &error);
    if (!imported) {
        const QString message = error.toString();
        err << "annals import: " << message
            << (message.contains(QLatin1String("nothing was written")) ? "\n" : "\nNothing was imported.\n");
        return 1;
    }
    const WriteSummary *summary = &imported->written;
    const QList<ImportError> &skipped = imported->skipped;
    const QString note = Importer::unknownCountriesNote(imported->unknownCountries);
    if (!skipped.isEmpty()) {
        QString report;
        for (const ImportError &problem : std::as_const(skipped)) {
            report += QStringLiteral("skipped: ") + problem.toString() + u'\n';
        }
        // The report file holds what the import could not read whole: the records it skipped, and the note.
        const QString withNote = note.isEmpty() ? report : report + QStringLiteral("note: ") + note + u'\n';
        QString reportError;
        if (options.report.isEmpty()) {
            err << report;
        } else if (!OutputFile::write(options.report, withNote.toUtf8(), &reportError)) {
            err << "annals import: " << reportError << '\n' << report;
        }
    }
    out << QStringLiteral("Imported %1 into %2: %3 added, %4 updated, %5 unchanged")
               .arg(options.input, store.path())
               .arg(summary->added)
               .arg(summary->updated)
               .arg(summary->unchanged)
        << (summary->repeated == 0
                   ? QString()
                   : QStringLiteral(", %1 repeated an earlier record exactly (kept once)").arg(summary->repeated))
        << (skipped.isEmpty() ? QString() : QStringLiteral(", %1 skipped").arg(skipped.size())) << ".\n";
    if (!note.isEmpty()) {
        err << "note: " << note << '\n';
    }
    return 0;
}

int exportFile(const EventStore &store, const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    QString why;
    const std::optional<EventFilter> filter = Commands::filterOf(store, options, &why);
    if (!filter) {
        err << "annals export: " << why << '\n';
        return 1;
    }
    const QList<Event> events = store.events(*filter);
    const QByteArray data = encode(store, events, options.format, QString());
    if (options.output == QLatin1String("-")) {
        out << QString::fromUtf8(data);
        out.flush();
        if (out.status() != QTextStream::Ok) {
            err << "annals export: cannot write to standard output\n";
            return 1;
        }
        return readWhole(store, "export", events.size(), err) ? 0 : 1;
    }
    QString error;
    if (!OutputFile::write(options.output, data, &error)) {
        err << "annals export: " << error << '\n';
        return 1;
    }
    out << QStringLiteral("Exported %1 event%2 to %3.\n")
               .arg(events.size())
               .arg(events.size() == 1 ? "" : "s")
               .arg(options.output);
    return readWhole(store, "export", events.size(), err) ? 0 : 1;
}

int view(EventStore &store, const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    EventEditor editor(store);
    if (options.viewAction == QLatin1String("list")) {
        const QList<SavedView> views = Annotations::views(store);
        for (const SavedView &view : views) {
            const QStringList lines = view.filter.describe();
            out << view.name << (view.lanes.isEmpty() ? QString() : QStringLiteral("  [lanes: %1]").arg(view.lanes))
                << (lines.isEmpty() ? QStringLiteral("  (every event)")
                                    : QStringLiteral("  ") + lines.join(QStringLiteral("; ")))
                << '\n';
        }
        out << views.size() << (views.size() == 1 ? " view\n" : " views\n");
        return 0;
    }
    const bool saving = options.viewAction == QLatin1String("save");
    const bool ok = saving ? editor.saveView({options.view, options.filter, options.viewLanes, {}, {}, {}})
                           : editor.deleteView(options.view);
    if (!ok) {
        err << "annals view " << options.viewAction << ": " << editor.errorString() << '\n';
        return 1;
    }
    out << (saving ? "Saved the view \"" : "Deleted the view \"") << options.view << "\".\n";
    return 0;
}

int check(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    const QString path = options.timeline.isEmpty() ? Seed::defaultTimelinePath() : options.timeline;
    QString error;
    const QStringList problems = StoreFault::checkFile(path, options.full, &error);
    if (!error.isEmpty()) {
        err << "annals check: " << error << '\n';
        return 1;
    }
    if (problems.isEmpty()) {
        out << path << ": sound (" << (options.full ? "integrity_check" : "quick_check") << " found nothing wrong)\n";
        return 0;
    }
    err << path << ": damaged; SQLite's " << (options.full ? "integrity_check" : "quick_check") << " says:\n";
    for (const QString &problem : problems) {
        err << "  " << problem << '\n';
    }
    err << "Export what can still be read ('annals export --db " << path
        << " -o rescued.json'), or go back to a backup.\n";
    return 1;
}

} // namespace

namespace Commands {

std::optional<EventFilter> filterOf(const EventStore &store, const CommandLineOptions &options, QString *error)
{
    if (options.view.isEmpty()) {
        return options.filter;
    }
    const std::optional<SavedView> view = Annotations::view(store, options.view);
    if (!view) {
        QStringList names;
        for (const SavedView &saved : Annotations::views(store)) {
            names << saved.name;
        }
        *error = QStringLiteral("--view: the timeline has no view named \"%1\" (%2)")
                     .arg(options.view,
                         names.isEmpty() ? QStringLiteral("it has none")
                                         : QStringLiteral("it has: ") + names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    // The view's filter, with what the command line gives in place of the view's for that part.
    EventFilter filter = view->filter;
    const EventFilter &given = options.filter;
    for (const auto &[mine, theirs] : {std::pair{&filter.countries, &given.countries},
             std::pair{&filter.actors, &given.actors}, std::pair{&filter.kinds, &given.kinds},
             std::pair{&filter.certainties, &given.certainties}, std::pair{&filter.markTags, &given.markTags}}) {
        if (!theirs->isEmpty()) {
            *mine = *theirs;
        }
    }
    if (given.from) {
        filter.from = given.from;
    }
    if (given.before) {
        filter.before = given.before;
    }
    if (!given.text.trimmed().isEmpty()) {
        filter.text = given.text;
    }
    filter.starred = filter.starred || given.starred;
    filter.hasNote = filter.hasNote || given.hasNote;
    return filter;
}

int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    switch (options.command) {
    case Command::Help:
        out << options.text;
        return 0;
    case Command::Version:
        out << "annals " << ANNALS_VERSION << '\n';
        return 0;
    case Command::Error:
        err << options.text << (options.text.endsWith(u'\n') ? "" : "\n");
        return 2;
    case Command::Window:
    case Command::ExportImage:
        err << "annals: this command is run by the graphical part of Annals\n";
        return 2;
    case Command::Check:
        return check(options, out, err);
    case Command::List:
    case Command::Import:
    case Command::Export:
    case Command::Edit:
    case Command::View:
        break;
    }
    QString error;
    const std::unique_ptr<EventStore> store = Seed::openTimeline(options.timeline, &error);
    if (!store) {
        err << "annals: " << error << '\n';
        return 1;
    }
    DisplayZone::set(DisplayZone::fromName(options.timeZone).value_or(QTimeZone::utc()));
    switch (options.command) {
    case Command::List:
        return list(*store, options, out, err);
    case Command::Import:
        return importFile(*store, options, out, err);
    case Command::Export:
        return exportFile(*store, options, out, err);
    case Command::Edit:
        return EditCommands::run(*store, options, out, err);
    case Command::View:
        return view(*store, options, out, err);
    default:
        return 2;
    }
}

} // namespace Commands
