// SPDX-License-Identifier: GPL-3.0-or-later
#include "editcommands.h"

#include "cli/commandline.h"
#include "domain/countries.h"
#include "domain/datetext.h"
#include "storage/annotations.h"
#include "storage/eventeditor.h"
#include "storage/eventstore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>
#include <QUuid>

namespace {

using Command = CommandLineOptions::Command;

CommandLineOptions error(const QString &command, const QString &message)
{
    CommandLineOptions options;
    options.command = Command::Error;
    options.text = QStringLiteral("annals %1: %2").arg(command, message);
    return options;
}

// Each line: the option, what it sets, and its value's name.
struct FieldOption {
    const char *name;
    const char *help;
    const char *value;
};
const FieldOption kFields[] = {
    {"title", "The event's title.", "TEXT"},
    {"start", "When it started: 2023-05-01, 2023-05-01T10:00, 1 May 2023, c. 1200, 1984?, ...", "DATE"},
    {"end", "When it ended, for an event that lasted.", "DATE"},
    {"kind", "Its kind: visit, talks, statement, ...", "KIND"},
    {"summary", "What happened, in a few sentences.", "TEXT"},
    {"place", "Where it happened.", "PLACE"},
    {"country", "A country it involves (ISO code or name). Repeatable; on edit, replaces the countries.", "CC"},
    {"actor", "An actor in it. Repeatable; on edit, replaces the actors.", "NAME"},
    {"tag", "A tag of the source's kind. Repeatable; on edit, replaces the tags.", "TAG"},
};

// How many positional arguments each command takes, at least and at most (-1: no limit), and their names.
struct Shape {
    int least;
    int most;
    const char *arguments;
    const char *description;
};

Shape shapeOf(const QString &command)
{
    static const QHash<QString, Shape> shapes{
        {QStringLiteral("add"), {0, 0, "", "Add an event; prints its new id."}},
        {QStringLiteral("edit"), {1, 1, "ID", "Change the fields given of an event; the others stay."}},
        {QStringLiteral("delete"), {1, -1, "ID...", "Delete events. Their stars, tags, notes and links are kept."}},
        {QStringLiteral("star"), {1, -1, "ID...", "Star events."}},
        {QStringLiteral("unstar"), {1, -1, "ID...", "Take the star off events."}},
        {QStringLiteral("note"), {2, 2, "ID TEXT", "Add a dated note to an event."}},
        {QStringLiteral("tag"), {2, -1, "ID TAG...", "Add your own tags to an event (apart from the source's)."}},
        {QStringLiteral("untag"), {2, -1, "ID TAG...", "Take your own tags off an event."}},
        {QStringLiteral("link"),
            {2, 2, "ID OTHER-ID",
                "Link an event to another: \"follows\", \"responds to\", \"part of\", or any "
                "label."}},
    };
    return shapes.value(command);
}

// The fields an add or an edit gives, checked; an empty string when they are good.
QString readFields(const QCommandLineParser &parser, CommandLineOptions::Fields &fields)
{
    const auto text = [&](const char *name, std::optional<QString> &out) {
        if (parser.isSet(QLatin1String(name))) {
            out = parser.value(QLatin1String(name)).trimmed();
        }
    };
    text("title", fields.title);
    text("start", fields.start);
    text("end", fields.end);
    text("kind", fields.kind);
    text("summary", fields.summary);
    text("place", fields.place);
    if (parser.isSet(QStringLiteral("country"))) {
        QStringList codes;
        for (const QString &value : parser.values(QStringLiteral("country"))) {
            const QString code = Countries::lookup(value);
            if (code.isEmpty()) {
                return QStringLiteral("--country: \"%1\" is not a country known to ISO 3166-1").arg(value.trimmed());
            }
            if (!codes.contains(code)) {
                codes << code;
            }
        }
        fields.countries = codes;
    }
    for (const auto &[name, out] : {std::pair{"actor", &fields.actors}, std::pair{"tag", &fields.tags}}) {
        if (parser.isSet(QLatin1String(name))) {
            QStringList values;
            for (const QString &value : parser.values(QLatin1String(name))) {
                if (!value.simplified().isEmpty()) {
                    values << value.simplified();
                }
            }
            *out = values;
        }
    }
    return {};
}

// The event with the fields given applied; nullopt, with *why, when a date cannot be read.
std::optional<Event> withFields(Event event, const CommandLineOptions::Fields &fields, QString *why)
{
    if (fields.title) {
        event.title = *fields.title;
    }
    if (fields.kind) {
        event.kind = *fields.kind;
    }
    if (fields.summary) {
        event.summary = *fields.summary;
    }
    if (fields.place) {
        event.location.place = *fields.place;
    }
    if (fields.countries) {
        event.countries = *fields.countries;
    }
    if (fields.actors) {
        QList<Actor> actors;
        for (const QString &name : *fields.actors) {
            // An actor the event had keeps their country, role and office.
            const auto known = std::find_if(
                event.actors.begin(), event.actors.end(), [&](const Actor &actor) { return actor.name == name; });
            actors.append(known != event.actors.end() ? *known : Actor{name, {}, {}, {}, Actor::Type::Person});
        }
        event.actors = actors;
    }
    if (fields.tags) {
        event.tags = *fields.tags;
    }
    if (fields.start || fields.end) {
        QString error;
        // What is not given stays: the start (or the end) the event had.
        std::optional<EventTime> start
            = fields.start ? DateText::parse(*fields.start, &error) : EventTime::of(event.time.first());
        if (!start) {
            *why = QStringLiteral("--start: ") + error;
            return std::nullopt;
        }
        std::optional<EventTime> end;
        if (fields.end && !fields.end->isEmpty()) {
            end = DateText::parse(*fields.end, &error);
            if (!end) {
                *why = QStringLiteral("--end: ") + error;
                return std::nullopt;
            }
        } else if (!fields.end && event.time.isRange() && !event.time.isWithin()) {
            end = EventTime::of(event.time.last());
        }
        if (end) {
            start = DateText::join(*start, *end, &error);
            if (!start) {
                *why = QStringLiteral("--end: ") + error;
                return std::nullopt;
            }
        }
        event.time = *start;
    }
    return event;
}

QString plural(qsizetype count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
}

} // namespace

namespace EditCommands {

const QStringList &names()
{
    static const QStringList names{QStringLiteral("add"), QStringLiteral("edit"), QStringLiteral("delete"),
        QStringLiteral("star"), QStringLiteral("unstar"), QStringLiteral("note"), QStringLiteral("tag"),
        QStringLiteral("untag"), QStringLiteral("link")};
    return names;
}

CommandLineOptions parse(const QString &command, const QStringList &arguments)
{
    const Shape shape = shapeOf(command);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(QLatin1String(shape.description));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addOption({{QStringLiteral("d"), QStringLiteral("db")},
        QStringLiteral("The timeline file to use instead of the default one."), QStringLiteral("FILE")});
    const bool fields = command == QLatin1String("add") || command == QLatin1String("edit");
    if (fields) {
        for (const FieldOption &field : kFields) {
            parser.addOption({QLatin1String(field.name), QLatin1String(field.help), QLatin1String(field.value)});
        }
    }
    if (command == QLatin1String("link")) {
        parser.addOption({QStringLiteral("label"),
            QStringLiteral("What the link says: follows, responds to, part of, or any text."), QStringLiteral("TEXT")});
    }
    if (shape.arguments[0] != '\0') {
        parser.addPositionalArgument(QLatin1String(shape.arguments), QString());
    }
    if (!parser.parse(QStringList{QStringLiteral("annals")} + arguments)) {
        return error(command, parser.errorText());
    }
    CommandLineOptions options;
    if (parser.isSet(help)) {
        options.command = Command::Help;
        options.text = parser.helpText().replace(
            QStringLiteral("annals [options]"), QStringLiteral("annals %1 [options]").arg(command));
        return options;
    }
    options.timeline = parser.value(QStringLiteral("db"));
    options.edit = command;
    options.arguments = parser.positionalArguments();
    const auto count = int(options.arguments.size());
    if (count < shape.least || (shape.most >= 0 && count > shape.most)) {
        return error(command,
            shape.least == 0 ? QStringLiteral("unexpected argument \"%1\"").arg(options.arguments.value(0))
                             : QStringLiteral("give %1").arg(QLatin1String(shape.arguments)));
    }
    if (fields) {
        if (const QString why = readFields(parser, options.fields); !why.isEmpty()) {
            return error(command, why);
        }
        if (command == QLatin1String("add") && (!options.fields.title || !options.fields.start)) {
            return error(command, QStringLiteral("give at least --title and --start"));
        }
    }
    if (command == QLatin1String("link")) {
        options.label = parser.value(QStringLiteral("label"));
    }
    options.command = Command::Edit;
    return options;
}

int run(EventStore &store, const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    EventEditor editor(store);
    const QString &command = options.edit;
    const QStringList &args = options.arguments;
    const auto failed = [&](const QString &why) {
        err << "annals " << command << ": " << why << '\n';
        return 1;
    };
    const auto done = [&](bool ok, const QString &message) {
        if (!ok) {
            return failed(editor.errorString());
        }
        out << message << '\n';
        return 0;
    };
    if (command == QLatin1String("add") || command == QLatin1String("edit")) {
        const bool adding = command == QLatin1String("add");
        std::optional<Event> original;
        // The digest before the event: a change between the two reads is then refused, not written over.
        const QByteArray expected = adding ? QByteArray() : store.digestOf(args.first());
        if (adding) {
            original = Event{};
            original->id = QStringLiteral("user-") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        } else {
            original = store.event(args.first());
            if (!original) {
                return failed(QStringLiteral("no event has the id \"%1\"").arg(args.first()));
            }
        }
        QString why;
        const std::optional<Event> event = withFields(*original, options.fields, &why);
        if (!event) {
            return failed(why);
        }
        if (!editor.apply({{event->id, expected, event}})) {
            return failed(editor.errorString());
        }
        out << (adding ? event->id : QStringLiteral("Changed %1 (\"%2\").").arg(event->id, event->title)) << '\n';
        return 0;
    }
    if (command == QLatin1String("delete")) {
        QList<EventChange> changes;
        for (const QString &id : args) {
            const QByteArray digest = store.digestOf(id);
            if (digest.isEmpty()) {
                return failed(QStringLiteral("no event has the id \"%1\"; nothing was deleted").arg(id));
            }
            changes.append({id, digest, std::nullopt});
        }
        return done(editor.apply(changes), QStringLiteral("Deleted %1.").arg(plural(args.size(), "event", "events")));
    }
    if (command == QLatin1String("star") || command == QLatin1String("unstar")) {
        const bool star = command == QLatin1String("star");
        return done(editor.setStarred(args, star),
            QStringLiteral("%1 %2.").arg(star ? "Starred" : "Unstarred", plural(args.size(), "event", "events")));
    }
    if (command == QLatin1String("note")) {
        const Note note{0, QDateTime::currentSecsSinceEpoch(), args[1]};
        return done(editor.putNote(args[0], note).has_value(), QStringLiteral("Noted on %1.").arg(args[0]));
    }
    if (command == QLatin1String("tag") || command == QLatin1String("untag")) {
        const bool adding = command == QLatin1String("tag");
        if (!store.rowidOf(args[0])) {
            return failed(QStringLiteral("no event has the id \"%1\"").arg(args[0]));
        }
        QStringList tags = Annotations::marks(store, args[0]).tags;
        if (adding) {
            tags += args.mid(1); // the editor keeps each once
        } else {
            for (const QString &tag : args.mid(1)) {
                tags.removeIf(
                    [&](const QString &other) { return other.compare(tag.simplified(), Qt::CaseInsensitive) == 0; });
            }
        }
        const bool ok = editor.setTags({{args[0], tags}});
        tags = EventEditor::cleanTags(tags);
        return done(ok,
            tags.isEmpty() ? QStringLiteral("%1 has none of your tags now.").arg(args[0])
                           : QStringLiteral("%1 is tagged %2.").arg(args[0], tags.join(QStringLiteral(", "))));
    }
    if (command == QLatin1String("link")) {
        return done(editor.addLink({args[0], args[1], options.label}),
            QStringLiteral("Linked %1 to %2%3.")
                .arg(args[0], args[1],
                    options.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(options.label)));
    }
    return failed(QStringLiteral("unknown command"));
}

} // namespace EditCommands
