// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "domain/displayzone.h"

#include "cli/editcommands.h"

#include "domain/countries.h"
#include "domain/eventtime.h"
#include "io/importer.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace {

using Command = CommandLineOptions::Command;

const QCommandLineOption kDb({QStringLiteral("d"), QStringLiteral("db")},
    QStringLiteral("The timeline file to use instead of the default one."), QStringLiteral("FILE"));
const QCommandLineOption kCountry(QStringLiteral("country"),
    QStringLiteral("Only events involving this country (ISO code or name). "
                   "Repeat it, or separate with commas, for several."),
    QStringLiteral("CC"));
const QCommandLineOption kActor(QStringLiteral("actor"),
    QStringLiteral("Only events with this actor (whole name, any case). Repeat it, or separate with commas, for "
                   "several."),
    QStringLiteral("NAME"));
const QCommandLineOption kKind(QStringLiteral("kind"),
    QStringLiteral("Only events of this kind (visit, talks, statement, ...). "
                   "Repeatable."),
    QStringLiteral("KIND"));
const QCommandLineOption kCertainty(QStringLiteral("certainty"),
    QStringLiteral("Only events whose date is exact, approximate (c. 1200, 1984~) or uncertain (1984?, between 47 "
                   "and 50, 198X). Repeat it, or separate with commas, for several."),
    QStringLiteral("exact|approximate|uncertain"));
const QCommandLineOption kFrom(QStringLiteral("from"),
    QStringLiteral("Only events that reach this date or later (2023, 2023-05, "
                   "2023-05-01)."),
    QStringLiteral("DATE"));
const QCommandLineOption kTo(QStringLiteral("to"),
    QStringLiteral("Only events that start on or before this date; a month or year "
                   "counts whole."),
    QStringLiteral("DATE"));
const QCommandLineOption kSearch(QStringLiteral("search"),
    QStringLiteral("Full-text search: words match as prefixes, \"quoted words\" as a "
                   "phrase, OR between two words gives either."),
    QStringLiteral("TEXT"));
const QCommandLineOption kView(QStringLiteral("view"),
    QStringLiteral("Start from a saved view's filter ('annals view list' names them); other filters narrow it."),
    QStringLiteral("NAME"));
const QCommandLineOption kStarred(QStringLiteral("starred"), QStringLiteral("Only starred events."));
const QCommandLineOption kTagged(QStringLiteral("tagged"),
    QStringLiteral("Only events with this tag of your own (any case). Repeatable: any of them."),
    QStringLiteral("TAG"));
const QCommandLineOption kHasNote(QStringLiteral("has-note"), QStringLiteral("Only events with a note."));
const QCommandLineOption kTz(QStringLiteral("tz"),
    QStringLiteral("Show times of day in this zone: UTC (the default), system, or an IANA name such as "
                   "Europe/Berlin. Dates, and the stored start and end that export writes, stay as they are."),
    QStringLiteral("ZONE"), QStringLiteral("UTC"));

// --tz, checked; the empty string when it names a zone Qt knows.
QString readZone(const QCommandLineParser &parser, CommandLineOptions &options)
{
    options.timeZone = parser.value(kTz);
    if (!DisplayZone::fromName(options.timeZone)) {
        return QStringLiteral("--tz: \"%1\" is not a time zone; give UTC, system or an IANA name such as "
                              "Europe/Berlin")
            .arg(options.timeZone);
    }
    return {};
}

const QCommandLineOption kOutput({QStringLiteral("o"), QStringLiteral("output")},
    QStringLiteral("The file to write, or - for standard output."), QStringLiteral("FILE"));

QString usage()
{
    return QStringLiteral(
        "Usage: annals [FILE.annals]              open the window on a timeline\n"
        "       annals list [filters] [--format table|json|csv] [--tz ZONE]\n"
        "       annals import FILE [--format auto|json|csv|timelinejs|gdelt|acled|icews|ics|timeline|json-records] "
        "[--map "
        "FIELD=COLUMN,...] "
        "[--skip-invalid]\n"
        "       annals export --format json|csv -o OUT [--tz ZONE] [filters]\n"
        "       annals export-image -o OUT.png|OUT.svg|OUT.pdf [--width 1600 --height 900 --scale 2]\n"
        "                           [--lanes country|actor|kind|none] [--title T] [--tz ZONE] [filters]\n"
        "       annals check [--full]                  look for damage in the timeline's file\n"
        "       annals add --title TEXT --start DATE [--end DATE] [--kind K] [--country CC]... [--actor NAME]...\n"
        "                  [--summary TEXT] [--place PLACE] [--tag TAG]...      prints the new event's id\n"
        "       annals edit ID [the fields of add]    annals delete ID...\n"
        "       annals star ID...    annals unstar ID...    annals note ID TEXT\n"
        "       annals tag ID TAG...    annals untag ID TAG...    annals link ID OTHER-ID [--label TEXT]\n"
        "       annals view save NAME [filters] [--lanes BY]    annals view list    annals view delete NAME\n"
        "\n"
        "Filters: --country CC, --actor NAME, --kind KIND, --from DATE, --to DATE, --search TEXT,\n"
        "         --certainty exact|approximate|uncertain, --starred, --tagged TAG, --has-note, --view NAME\n"
        "Every command takes --db FILE to use a timeline other than the default one.\n"
        "Run 'annals COMMAND --help' for a command's options.\n");
}

CommandLineOptions error(const QString &message)
{
    CommandLineOptions options;
    options.command = Command::Error;
    options.text = message;
    return options;
}

// Reads the filter options; returns an error message or an empty string.
QString readFilter(const QCommandLineParser &parser, EventFilter &filter)
{
    for (const QString &value : parser.values(kCountry)) {
        // "Iran, Islamic Republic of" is one name; "CN,RU" is two codes.
        const QStringList parts = Countries::lookup(value).isEmpty() ? value.split(QLatin1Char(','), Qt::SkipEmptyParts)
                                                                     : QStringList{value};
        for (const QString &part : parts) {
            const QString code = Countries::lookup(part);
            if (code.isEmpty()) {
                return QStringLiteral("--country: \"%1\" is not a country known to ISO 3166-1").arg(part.trimmed());
            }
            filter.countries << code;
        }
    }
    for (const QString &value : parser.values(kActor)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            filter.actors << part.simplified();
        }
    }
    for (const QString &value : parser.values(kKind)) {
        filter.kinds << value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    for (const QString &value : parser.values(kCertainty)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::optional<Certainty::Kind> kind = Certainty::fromName(part);
            if (!kind) {
                return QStringLiteral("--certainty: \"%1\" is none of exact, approximate and uncertain")
                    .arg(part.trimmed());
            }
            filter.certainties << Certainty::name(*kind);
        }
    }
    for (const auto &[option, name] : {std::pair{&kFrom, "--from"}, std::pair{&kTo, "--to"}}) {
        if (!parser.isSet(*option)) {
            continue;
        }
        QString why;
        const std::optional<TimePoint> point = TimePoint::parse(parser.value(*option), &why);
        if (!point) {
            return QLatin1String(name) + QStringLiteral(": ") + why;
        }
        if (option == &kFrom) {
            filter.from = point->seconds;
        } else {
            filter.before = TimePoint::periodEnd(point->seconds, point->precision);
        }
    }
    if (filter.from && filter.before && *filter.before <= *filter.from) {
        return QStringLiteral("--to comes before --from");
    }
    filter.text = parser.value(kSearch);
    filter.starred = parser.isSet(kStarred);
    filter.hasNote = parser.isSet(kHasNote);
    for (const QString &value : parser.values(kTagged)) {
        if (!value.simplified().isEmpty()) {
            filter.markTags << value.simplified();
        }
    }
    return {};
}

const QList<QCommandLineOption> &imageOptions()
{
    static const QList<QCommandLineOption> options{
        {QStringLiteral("width"), QStringLiteral("Width in pixels (default 1600)."), QStringLiteral("PX"),
            QStringLiteral("1600")},
        {QStringLiteral("height"), QStringLiteral("Height in pixels (default 900)."), QStringLiteral("PX"),
            QStringLiteral("900")},
        {QStringLiteral("scale"), QStringLiteral("PNG only: pixels per pixel, for hi-DPI (default 1)."),
            QStringLiteral("FACTOR"), QStringLiteral("1")},
        {QStringLiteral("lanes"), QStringLiteral("country (the default), actor, kind or none."), QStringLiteral("BY"),
            QStringLiteral("country")},
        {QStringLiteral("title"), QStringLiteral("The title over the image."), QStringLiteral("TITLE")},
    };
    return options;
}

QString readImageOptions(const QCommandLineParser &parser, CommandLineOptions &options)
{
    bool ok = false;
    options.width = parser.value(QStringLiteral("width")).toInt(&ok);
    if (!ok || options.width < 300 || options.width > 20000) {
        return QStringLiteral("--width must be a whole number from 300 to 20000");
    }
    options.height = parser.value(QStringLiteral("height")).toInt(&ok);
    if (!ok || options.height < 200 || options.height > 20000) {
        return QStringLiteral("--height must be a whole number from 200 to 20000");
    }
    options.scale = parser.value(QStringLiteral("scale")).toDouble(&ok);
    if (!ok || options.scale < 0.5 || options.scale > 8) {
        return QStringLiteral("--scale must be a number from 0.5 to 8");
    }
    const std::optional<LaneMode> lanes = laneModeFromName(parser.value(QStringLiteral("lanes")));
    if (!lanes) {
        return QStringLiteral("--lanes must be country, actor, kind or none");
    }
    options.lanes = *lanes;
    options.title = parser.value(QStringLiteral("title"));
    return {};
}

} // namespace

CommandLineOptions parseCommandLine(const QStringList &arguments)
{
    static const QStringList commands
        = QStringList{QStringLiteral("list"), QStringLiteral("import"), QStringLiteral("export"),
              QStringLiteral("export-image"), QStringLiteral("check"), QStringLiteral("view")}
        + EditCommands::names();
    // The command is the first argument that is not an option or an option's value: "annals --db x.annals list".
    QString first;
    qsizetype commandAt = -1;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("-d") || argument == QLatin1String("--db")) {
            ++i; // its value
            continue;
        }
        if (!argument.startsWith(u'-')) {
            if (commands.contains(argument)) {
                first = argument;
                commandAt = i;
            }
            break;
        }
    }
    const bool subcommand = commandAt > 0;
    if (EditCommands::names().contains(first)) {
        QStringList rest = arguments.mid(1);
        rest.removeAt(commandAt - 1);
        return EditCommands::parse(first, rest);
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(kDb);
    QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"));
    QString allowedFormats;
    if (first == QLatin1String("list")) {
        parser.setApplicationDescription(QStringLiteral("Print the events that pass the filters, in time order."));
        allowedFormats = QStringLiteral("table,json,csv");
        format.setDescription(QStringLiteral("table (the default), json or csv."));
        format.setDefaultValue(QStringLiteral("table"));
    } else if (first == QLatin1String("import")) {
        parser.setApplicationDescription(QStringLiteral("Add the events in FILE to the timeline in one "
                                                        "transaction: all of them, or, on any error, none."));
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to import."));
        allowedFormats = QStringLiteral("auto,") + Importer::formats().join(QLatin1Char(','));
        format.setDescription(
            QStringLiteral("auto (the default: from the file's content and name), json (Annals' own), "
                           "csv (CSV or TSV, any columns), timelinejs (TimelineJS's JSON), gdelt (a GDELT 1.0 "
                           "or 2.0 event export), acled (an ACLED CSV export), icews (an ICEWS .tab file), ics "
                           "(iCalendar), timeline (Timeline's .timeline XML) or json-records (a JSON array of "
                           "plain objects, such as a Wikidata query's result)."));
        format.setDefaultValue(QStringLiteral("auto"));
        parser.addOption({QStringLiteral("map"),
            QStringLiteral("CSV and JSON records: which column (or key) feeds which field, as "
                           "title=Headline,start=Date. Fields: id, title, start, end, summary, kind, actors, "
                           "countries, place, lat, lon, source, url, tags, qualifiers, written."),
            QStringLiteral("FIELD=COLUMN,...")});
        parser.addOption({QStringLiteral("missing"),
            QStringLiteral("CSV and JSON records: a cell value that means \"no value\", such as NA. "
                           "Repeatable."),
            QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("encoding"),
            QStringLiteral("CSV, GDELT, ACLED and ICEWS: the file's encoding when it is not UTF-8, such as latin1 "
                           "or windows-1252."),
            QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("skip-invalid"),
            QStringLiteral("Import the good records and report each bad one, rather than stop at the first.")});
        parser.addOption({QStringLiteral("report"),
            QStringLiteral("With --skip-invalid: write the skipped records here rather than to standard error."),
            QStringLiteral("FILE")});
    } else if (first == QLatin1String("export")) {
        parser.setApplicationDescription(QStringLiteral("Write the events that pass the filters to a file."));
        allowedFormats = QStringLiteral("json,csv");
        format.setDescription(QStringLiteral("json or csv; by default, from the output's name."));
        parser.addOption(kOutput);
    } else if (first == QLatin1String("check")) {
        parser.setApplicationDescription(QStringLiteral(
            "Look for damage in the timeline's file (SQLite's quick_check; --full for its slower integrity_check). "
            "Exits with 0 when the file is sound, 1 when it is damaged."));
        parser.addOption({QStringLiteral("full"), QStringLiteral("Check every index against its table as well.")});
    } else if (first == QLatin1String("view")) {
        parser.setApplicationDescription(QStringLiteral(
            "Saved views: a name for a filter and lanes, kept in the timeline and listed in the window.\n"
            "  annals view save NAME [filters] [--lanes BY]\n  annals view list\n  annals view delete NAME"));
        parser.addPositionalArgument(QStringLiteral("save|list|delete"), QString());
        parser.addPositionalArgument(QStringLiteral("NAME"), QString());
        parser.addOption(imageOptions()[3]); // --lanes
    } else if (first == QLatin1String("export-image")) {
        parser.setApplicationDescription(QStringLiteral(
            "Draw the timeline of the events that pass the filters as an image: PNG, SVG or PDF, from the name of the "
            "output. Needs no display. The image spans --from to --to, or all the events shown."));
        parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("The image to write: its name ends in .png, .svg or .pdf."), QStringLiteral("FILE")});
        for (const QCommandLineOption &option : imageOptions()) {
            parser.addOption(option);
        }
    } else {
        parser.setApplicationDescription(usage());
        parser.addPositionalArgument(
            QStringLiteral("FILE.annals"), QStringLiteral("The timeline to open; the default one if omitted."));
    }
    const bool filters = first == QLatin1String("list") || first == QLatin1String("export")
        || first == QLatin1String("export-image") || first == QLatin1String("view");
    if (filters) {
        for (const QCommandLineOption &option :
            {kCountry, kActor, kKind, kCertainty, kFrom, kTo, kSearch, kStarred, kTagged, kHasNote}) {
            parser.addOption(option);
        }
    }
    if (filters && first != QLatin1String("view")) {
        parser.addOption(kView);
    }
    if (first == QLatin1String("list") || first == QLatin1String("export") || first == QLatin1String("export-image")) {
        parser.addOption(kTz);
    }
    if (subcommand && first != QLatin1String("export-image") && first != QLatin1String("check")
        && first != QLatin1String("view")) {
        parser.addOption(format);
    }

    QStringList rest = arguments;
    if (subcommand) {
        rest.removeAt(commandAt);
    }
    if (!parser.parse(rest)) {
        return error(parser.errorText() + QStringLiteral("\n") + usage());
    }
    CommandLineOptions options;
    if (parser.isSet(help)) {
        options.command = Command::Help;
        // The parser runs before QCoreApplication exists, so it cannot know the program's name.
        QString text = parser.helpText();
        text.replace(QStringLiteral("<executable_name>"), QStringLiteral("annals"));
        if (subcommand) {
            text.replace(
                QStringLiteral("annals [options]"), QStringLiteral("annals ") + first + QStringLiteral(" [options]"));
        } else {
            text = text.mid(text.indexOf(u'\n') + 1); // the description already shows the usage
        }
        options.text = text;
        return options;
    }
    if (parser.isSet(version)) {
        options.command = Command::Version;
        return options;
    }
    options.timeline = parser.value(kDb);
    const QStringList positional = parser.positionalArguments();
    if (filters && first != QLatin1String("view")) {
        options.view = parser.value(kView).trimmed();
    }

    if (!subcommand) {
        if (positional.size() > 1) {
            return error(QStringLiteral("Too many arguments.\n") + usage());
        }
        if (positional.size() == 1) {
            const QString file = positional.first();
            if (!file.endsWith(QLatin1String(".annals")) && !QFileInfo(file).isFile()) {
                return error(QStringLiteral("\"%1\" is neither a command nor a timeline file.\n").arg(file) + usage());
            }
            options.timeline = file;
        }
        options.command = Command::Window;
        return options;
    }

    if (first == QLatin1String("export-image")) {
        if (const QString why = readFilter(parser, options.filter); !why.isEmpty()) {
            return error(QStringLiteral("annals export-image: ") + why);
        }
        if (const QString why = readImageOptions(parser, options); !why.isEmpty()) {
            return error(QStringLiteral("annals export-image: ") + why);
        }
        if (const QString why = readZone(parser, options); !why.isEmpty()) {
            return error(QStringLiteral("annals export-image: ") + why);
        }
        if (!parser.isSet(QStringLiteral("output"))) {
            return error(QStringLiteral("annals export-image: give the image to write with -o OUT.png, OUT.svg or "
                                        "OUT.pdf"));
        }
        if (!positional.isEmpty()) {
            return error(QStringLiteral("annals export-image: unexpected argument \"%1\"").arg(positional.first()));
        }
        options.command = Command::ExportImage;
        options.output = parser.value(QStringLiteral("output"));
        static const QStringList suffixes{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
        if (!suffixes.contains(QFileInfo(options.output).suffix().toLower())) {
            return error(QStringLiteral("annals export-image: the output's name must end in .png, .svg or .pdf"));
        }
        return options;
    }
    if (first == QLatin1String("view")) {
        const QString action = positional.value(0);
        const int names = action == QLatin1String("list") ? 0 : 1;
        if (!QStringList{QStringLiteral("save"), QStringLiteral("list"), QStringLiteral("delete")}.contains(action)) {
            return error(QStringLiteral("annals view: say save NAME, list or delete NAME"));
        }
        if (positional.size() != 1 + names || (names == 1 && positional[1].trimmed().isEmpty())) {
            return error(names == 0 ? QStringLiteral("annals view list: it takes no name")
                                    : QStringLiteral("annals view %1: give one NAME").arg(action));
        }
        if (const QString why = readFilter(parser, options.filter); !why.isEmpty()) {
            return error(QStringLiteral("annals view: ") + why);
        }
        if (action != QLatin1String("save") && (!options.filter.isEmpty() || parser.isSet(QStringLiteral("lanes")))) {
            return error(QStringLiteral("annals view %1: filters and --lanes go with view save").arg(action));
        }
        if (parser.isSet(QStringLiteral("lanes"))) {
            if (!laneModeFromName(parser.value(QStringLiteral("lanes")))) {
                return error(QStringLiteral("annals view: --lanes must be country, actor, kind or none"));
            }
            options.viewLanes = parser.value(QStringLiteral("lanes"));
        }
        options.command = Command::View;
        options.viewAction = action;
        options.view = positional.value(1).trimmed();
        return options;
    }
    if (first == QLatin1String("check")) {
        if (!positional.isEmpty()) {
            return error(QStringLiteral("annals check: unexpected argument \"%1\"").arg(positional.first()));
        }
        options.command = Command::Check;
        options.full = parser.isSet(QStringLiteral("full"));
        return options;
    }
    options.format = parser.value(format).toLower();
    if (options.format.isEmpty() && first == QLatin1String("export") && parser.isSet(kOutput)) {
        const QString suffix = QFileInfo(parser.value(kOutput)).suffix().toLower();
        if (suffix == QLatin1String("json") || suffix == QLatin1String("csv")) {
            options.format = suffix; // from the name, as export-image does
        }
    }
    if (options.format.isEmpty()) {
        return error(QStringLiteral("annals %1: give --format (%2)").arg(first, allowedFormats));
    }
    if (!allowedFormats.split(QLatin1Char(',')).contains(options.format)) {
        return error(QStringLiteral("annals %1: --format must be one of %2, not \"%3\"")
                         .arg(first, allowedFormats, options.format));
    }
    if (const QString why = (first == QLatin1String("import")) ? QString() : readFilter(parser, options.filter);
        !why.isEmpty()) {
        return error(QStringLiteral("annals %1: %2").arg(first, why));
    }
    if (first == QLatin1String("list")) {
        if (const QString why = readZone(parser, options); !why.isEmpty()) {
            return error(QStringLiteral("annals list: ") + why);
        }
        options.command = Command::List;
    } else if (first == QLatin1String("import")) {
        if (positional.size() != 1) {
            return error(QStringLiteral("annals import: name one file to import"));
        }
        options.command = Command::Import;
        options.input = positional.first();
        for (const QString &pair : parser.value(QStringLiteral("map")).split(u',', Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(u'=');
            if (equals <= 0) {
                return error(QStringLiteral("annals import: --map takes FIELD=COLUMN pairs, not \"%1\"").arg(pair));
            }
            options.map.insert(pair.left(equals).trimmed().toLower(), pair.mid(equals + 1).trimmed());
        }
        options.missing = parser.values(QStringLiteral("missing"));
        options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
        options.encoding = parser.value(QStringLiteral("encoding"));
        options.report = parser.value(QStringLiteral("report"));
        if (!options.report.isEmpty() && !options.skipInvalid) {
            return error(QStringLiteral("annals import: --report lists the records --skip-invalid skips; give both"));
        }
    } else {
        if (!parser.isSet(kOutput)) {
            return error(QStringLiteral("annals export: give the file to write with -o OUT (or -o - for "
                                        "standard output)"));
        }
        if (const QString why = readZone(parser, options); !why.isEmpty()) {
            return error(QStringLiteral("annals export: ") + why);
        }
        options.command = Command::Export;
        options.output = parser.value(kOutput);
    }
    if (subcommand && !positional.isEmpty() && options.command != Command::Import) {
        return error(QStringLiteral("annals %1: unexpected argument \"%2\"").arg(first, positional.first()));
    }
    return options;
}
