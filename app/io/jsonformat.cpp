// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonformat.h"

#include "domain/countries.h"
#include "domain/datetext.h"
#include "io/jsonlocator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

constexpr int kFormatVersion = 1;

// Thrown inside the reader only, and caught at its edge: a problem found deep in an event unwinds to read().
struct Problem {
    QList<JsonLocator::Step> path;
    QString field;
    QString message;
};

class Reader {
public:
    Event read(const QJsonValue &value)
    {
        if (!value.isObject()) {
            throw Problem{{}, QString(), QStringLiteral("an event must be a JSON object")};
        }
        const QJsonObject object = value.toObject();
        Event event;
        event.title = string(object, u"title").trimmed();
        if (event.title.isEmpty()) {
            throw Problem{{}, QStringLiteral("title"), QStringLiteral("an event needs a title")};
        }
        event.summary = string(object, u"summary");
        event.kind = string(object, u"kind").trimmed();
        event.time = time(object);
        event.id = string(object, u"id").trimmed();
        const QJsonArray actors = array(object, u"actors");
        for (int i = 0; i < actors.size(); ++i) {
            event.actors.append(actor(actors[i], i));
        }
        const QJsonArray countries = array(object, u"countries");
        for (int i = 0; i < countries.size(); ++i) {
            if (!countries[i].isString()) {
                throw Problem{{u"countries"_qs, i}, QStringLiteral("countries"),
                    QStringLiteral("a country must be a string such as \"CN\"")};
            }
            const QString code = country(countries[i].toString(), {u"countries"_qs, i}, QStringLiteral("countries"));
            if (!event.countries.contains(code)) {
                event.countries.append(code);
            }
        }
        event.location = location(object);
        const QJsonArray quotes = array(object, u"quotes");
        for (int i = 0; i < quotes.size(); ++i) {
            const QJsonObject quote = member(quotes[i], {u"quotes"_qs, i}, QStringLiteral("quotes"));
            const QList<JsonLocator::Step> at{u"quotes"_qs, i};
            Quote q{string(quote, u"speaker", at).trimmed(), string(quote, u"text", at).trimmed()};
            if (q.text.isEmpty()) {
                throw Problem{at, QStringLiteral("quotes"), QStringLiteral("a quote needs its text")};
            }
            event.quotes.append(q);
        }
        const QJsonArray sources = array(object, u"sources");
        for (int i = 0; i < sources.size(); ++i) {
            const QList<JsonLocator::Step> at{u"sources"_qs, i};
            const QJsonObject source = member(sources[i], at, QStringLiteral("sources"));
            Source s{string(source, u"name", at).trimmed(), string(source, u"url", at).trimmed(),
                string(source, u"date", at).trimmed()};
            if (!s.date.isEmpty()) {
                QString why;
                if (!TimePoint::parse(s.date, &why)) {
                    throw Problem{at + QList<JsonLocator::Step>{u"date"_qs}, QStringLiteral("sources"), why};
                }
            }
            event.sources.append(s);
        }
        const QJsonArray tags = array(object, u"tags");
        for (int i = 0; i < tags.size(); ++i) {
            if (!tags[i].isString()) {
                throw Problem{{u"tags"_qs, i}, QStringLiteral("tags"), QStringLiteral("a tag must be a string")};
            }
            event.tags.append(tags[i].toString().trimmed());
        }
        if (event.id.isEmpty()) {
            event.id = JsonFormat::stableId(event);
        }
        return event;
    }

private:
    static QString string(const QJsonObject &object, QStringView key, const QList<JsonLocator::Step> &at = {})
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isString()) {
            throw Problem{
                at + QList<JsonLocator::Step>{key.toString()}, key.toString(), QStringLiteral("must be a string")};
        }
        return value.toString();
    }

    static QJsonArray array(const QJsonObject &object, QStringView key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isArray()) {
            throw Problem{{key.toString()}, key.toString(), QStringLiteral("must be a list in [ ]")};
        }
        return value.toArray();
    }

    static QJsonObject member(const QJsonValue &value, const QList<JsonLocator::Step> &at, const QString &field)
    {
        if (!value.isObject()) {
            throw Problem{at, field, QStringLiteral("each entry must be an object in { }")};
        }
        return value.toObject();
    }

    static QString country(const QString &text, const QList<JsonLocator::Step> &at, const QString &field)
    {
        const QString code = Countries::lookup(text);
        if (code.isEmpty()) {
            throw Problem{at, field,
                QStringLiteral("\"%1\" is not a country known to ISO 3166-1; use a code such as \"CN\"").arg(text)};
        }
        return code;
    }

    static EventTime timeOf(const QJsonObject &object, QStringView key)
    {
        const QJsonValue value = object.value(key);
        QString text;
        if (value.isDouble() && std::abs(value.toDouble()) < 1e12 && value.toDouble() == std::trunc(value.toDouble())) {
            // A bare year: 2023 or -489. The sign keeps an eight-digit year from reading as a compact date.
            const qint64 year = qint64(value.toDouble());
            text = (year >= 0 ? QStringLiteral("+") : QString()) + QString::number(year);
        } else if (value.isString()) {
            text = value.toString();
        } else {
            throw Problem{
                {key.toString()}, key.toString(), QStringLiteral("must be a date string such as \"2023-03-21\"")};
        }
        QString why;
        const std::optional<EventTime> time = DateText::parse(text, &why);
        if (!time) {
            throw Problem{{key.toString()}, key.toString(), why};
        }
        return *time;
    }

    static bool flag(const QJsonObject &object, QStringView key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return false;
        }
        if (!value.isBool()) {
            throw Problem{{key.toString()}, key.toString(), QStringLiteral("must be true or false")};
        }
        return value.toBool();
    }

    static EventTime time(const QJsonObject &object)
    {
        if (!object.contains(u"start")) {
            throw Problem{{}, QStringLiteral("start"), QStringLiteral("an event needs a start date")};
        }
        EventTime time = timeOf(object, u"start");
        if (object.contains(u"end") && !object.value(u"end").isNull()) {
            const EventTime end = timeOf(object, u"end");
            if (end.precision() != time.precision()
                && !(EventTime::isClock(end.precision()) && EventTime::isClock(time.precision()))) {
                throw Problem{{u"end"_qs}, QStringLiteral("end"),
                    QStringLiteral("the end is given to the %1 but the start to the %2; give both alike")
                        .arg(precisionName(end.precision()), precisionName(time.precision()))};
            }
            QString why;
            const std::optional<EventTime> joined = DateText::join(time, end, &why);
            if (!joined) {
                throw Problem{{u"end"_qs}, QStringLiteral("end"), why};
            }
            time = *joined;
        }
        if (object.contains(u"precision")) {
            const std::optional<Precision> named = precisionFromName(object.value(u"precision").toString());
            if (!named) {
                throw Problem{{u"precision"_qs}, QStringLiteral("precision"),
                    QStringLiteral("must be one of \"year\", \"month\", \"day\", \"minute\", \"second\" or "
                                   "\"millisecond\"")};
            }
            // Finer only as a time of day ("10:00:00" to the second: its zeros are what was known); a coarser
            // precision rounds the dates down to the start of their period.
            if (*named > time.precision() && !(EventTime::isClock(*named) && EventTime::isClock(time.precision()))) {
                throw Problem{{u"precision"_qs}, QStringLiteral("precision"),
                    QStringLiteral("\"%1\" is finer than the start date gives").arg(precisionName(*named))};
            }
            time = time.withPrecision(*named);
        }
        // What the source says of its certainty, as Annals writes it; a start written "c. 383" says so itself.
        const quint8 qualifiers = (flag(object, u"approximate") ? EventTime::Approximate : 0)
            | (flag(object, u"uncertain") ? EventTime::Uncertain : 0)
            | (flag(object, u"within") ? EventTime::Within : 0);
        if ((qualifiers & EventTime::Within) && !time.isRange()) {
            throw Problem{{u"within"_qs}, QStringLiteral("within"),
                QStringLiteral("a date within a span needs an end: the span's last date")};
        }
        time.setQualifiers(time.qualifiers() | qualifiers);
        if (const QString written = string(object, u"written").trimmed(); !written.isEmpty()) {
            time.setWritten(written);
        }
        return time;
    }

    Actor actor(const QJsonValue &value, int i) const
    {
        const QList<JsonLocator::Step> at{u"actors"_qs, i};
        const QJsonObject object = member(value, at, QStringLiteral("actors"));
        Actor actor;
        actor.name = string(object, u"name", at).trimmed();
        if (actor.name.isEmpty()) {
            throw Problem{at, QStringLiteral("actors"), QStringLiteral("an actor needs a name")};
        }
        actor.role = string(object, u"role", at).trimmed();
        actor.title = string(object, u"title", at).trimmed();
        if (const QString country = string(object, u"country", at).trimmed(); !country.isEmpty()) {
            actor.country
                = Reader::country(country, at + QList<JsonLocator::Step>{u"country"_qs}, QStringLiteral("actors"));
        }
        if (const QString type = string(object, u"type", at); !type.isEmpty()) {
            const std::optional<Actor::Type> parsed = Actor::typeFromName(type);
            if (!parsed) {
                throw Problem{at + QList<JsonLocator::Step>{u"type"_qs}, QStringLiteral("actors"),
                    QStringLiteral("type must be \"person\" or \"organisation\"")};
            }
            actor.type = *parsed;
        }
        return actor;
    }

    static Location location(const QJsonObject &event)
    {
        Location location;
        const QJsonValue value = event.value(u"location");
        if (value.isUndefined() || value.isNull()) {
            return location;
        }
        const QList<JsonLocator::Step> at{u"location"_qs};
        const QJsonObject object = member(value, at, QStringLiteral("location"));
        location.place = string(object, u"place", at).trimmed();
        if (const QString country = string(object, u"country", at).trimmed(); !country.isEmpty()) {
            location.country
                = Reader::country(country, at + QList<JsonLocator::Step>{u"country"_qs}, QStringLiteral("location"));
        }
        const auto coordinate = [&](QStringView key, double limit) -> std::optional<double> {
            const QJsonValue v = object.value(key);
            if (v.isUndefined() || v.isNull()) {
                return std::nullopt;
            }
            if (!v.isDouble() || qAbs(v.toDouble()) > limit) {
                throw Problem{at + QList<JsonLocator::Step>{key.toString()}, QStringLiteral("location"),
                    QStringLiteral("%1 must be a number from -%2 to %2").arg(key).arg(limit)};
            }
            return v.toDouble();
        };
        location.latitude = coordinate(u"lat", 90);
        location.longitude = coordinate(u"lon", 180);
        return location;
    }
};

void setIfNotEmpty(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty()) {
        object.insert(key, value);
    }
}

} // namespace

namespace JsonFormat {

std::optional<Document> read(const QByteArray &json, const QString &fileName, ImportError *error)
{
    const auto report = [&](JsonLocator::Position at, const QString &field, const QString &message) {
        if (error) {
            *error = ImportError{fileName, at.line, at.column, field, message};
        }
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return report(JsonLocator::positionOf(json, parseError.offset), QString(),
            QStringLiteral("this is not valid JSON: %1").arg(parseError.errorString()));
    }
    Document result;
    QJsonArray events;
    QList<JsonLocator::Step> eventsPath;
    if (document.isArray()) {
        events = document.array();
    } else {
        const QJsonObject root = document.object();
        const QJsonValue format = root.value(u"format");
        if (!format.isUndefined() && format.toString() != QLatin1String("annals")) {
            return report(JsonLocator::find(json, {u"format"_qs}), QStringLiteral("format"),
                QStringLiteral("this file is not in Annals' format"));
        }
        if (root.value(u"version").toInt(kFormatVersion) > kFormatVersion) {
            return report(JsonLocator::find(json, {u"version"_qs}), QStringLiteral("version"),
                QStringLiteral("written by a newer Annals (format version %1; this one reads %2)")
                    .arg(root.value(u"version").toInt())
                    .arg(kFormatVersion));
        }
        if (!root.value(u"events").isArray()) {
            return report(JsonLocator::find(json, {u"events"_qs}), QStringLiteral("events"),
                QStringLiteral("there is no list of \"events\""));
        }
        result.title = root.value(u"title").toString();
        events = root.value(u"events").toArray();
        eventsPath = {u"events"_qs};
    }
    result.events.reserve(events.size());
    for (int i = 0; i < events.size(); ++i) {
        try {
            result.events.append(Reader().read(events[i]));
        } catch (const Problem &problem) {
            const QString title = events[i].toObject().value(u"title").toString().trimmed();
            QString field = QStringLiteral("event %1").arg(i + 1);
            if (!title.isEmpty()) {
                field += QStringLiteral(" (\"%1\")").arg(title.left(60));
            }
            if (!problem.field.isEmpty()) {
                field += QStringLiteral(", field \"%1\"").arg(problem.field);
            }
            return report(JsonLocator::find(json, eventsPath + QList<JsonLocator::Step>{i} + problem.path), field,
                problem.message);
        }
    }
    return result;
}

std::optional<Document> readFile(const QString &path, ImportError *error)
{
    const std::optional<QByteArray> data = ImportError::readFile(path, error);
    if (!data) {
        return std::nullopt;
    }
    return read(*data, path, error);
}

QJsonObject toJson(const Event &event)
{
    QJsonObject object;
    object.insert(u"id", event.id);
    object.insert(u"title", event.title);
    setIfNotEmpty(object, QStringLiteral("summary"), event.summary);
    setIfNotEmpty(object, QStringLiteral("kind"), event.kind);
    const EventTime &time = event.time;
    object.insert(u"start", TimePoint::toIso(time.start(), time.precision(), time.startMillisecond()));
    if (time.end()) {
        object.insert(u"end", TimePoint::toIso(*time.end(), time.precision(), time.endMillisecond()));
    }
    object.insert(u"precision", precisionName(time.precision()));
    // Only where they say something, so that an exact date's event (and its derived id) is as it always was.
    for (const auto &[key, on] : {std::pair{u"approximate", time.isApproximate()},
             std::pair{u"uncertain", time.isUncertain()}, std::pair{u"within", time.isWithin()}}) {
        if (on) {
            object.insert(QStringView(key), true);
        }
    }
    setIfNotEmpty(object, QStringLiteral("written"), time.written());
    QJsonArray actors;
    for (const Actor &actor : event.actors) {
        QJsonObject a;
        a.insert(u"name", actor.name);
        setIfNotEmpty(a, QStringLiteral("country"), actor.country);
        setIfNotEmpty(a, QStringLiteral("role"), actor.role);
        setIfNotEmpty(a, QStringLiteral("title"), actor.title);
        if (actor.type != Actor::Type::Person) {
            a.insert(u"type", Actor::typeName(actor.type));
        }
        actors.append(a);
    }
    if (!actors.isEmpty()) {
        object.insert(u"actors", actors);
    }
    if (!event.countries.isEmpty()) {
        object.insert(u"countries", QJsonArray::fromStringList(event.countries));
    }
    if (!event.location.isEmpty()) {
        QJsonObject l;
        setIfNotEmpty(l, QStringLiteral("place"), event.location.place);
        setIfNotEmpty(l, QStringLiteral("country"), event.location.country);
        if (event.location.latitude) {
            l.insert(u"lat", *event.location.latitude);
        }
        if (event.location.longitude) {
            l.insert(u"lon", *event.location.longitude);
        }
        object.insert(u"location", l);
    }
    QJsonArray quotes;
    for (const Quote &quote : event.quotes) {
        QJsonObject q;
        setIfNotEmpty(q, QStringLiteral("speaker"), quote.speaker);
        q.insert(u"text", quote.text);
        quotes.append(q);
    }
    if (!quotes.isEmpty()) {
        object.insert(u"quotes", quotes);
    }
    QJsonArray sources;
    for (const Source &source : event.sources) {
        QJsonObject s;
        setIfNotEmpty(s, QStringLiteral("name"), source.name);
        setIfNotEmpty(s, QStringLiteral("url"), source.url);
        setIfNotEmpty(s, QStringLiteral("date"), source.date);
        sources.append(s);
    }
    if (!sources.isEmpty()) {
        object.insert(u"sources", sources);
    }
    if (!event.tags.isEmpty()) {
        object.insert(u"tags", QJsonArray::fromStringList(event.tags));
    }
    return object;
}

QString stableId(const Event &event)
{
    Event content = event;
    content.id.clear();
    return QStringLiteral("auto-")
        + QString::fromLatin1(
            QCryptographicHash::hash(toCompactJson(content), QCryptographicHash::Sha1).toHex().left(16));
}

QByteArray toCompactJson(const Event &event)
{
    return QJsonDocument(toJson(event)).toJson(QJsonDocument::Compact);
}

QJsonObject toJson(const EventMarks &marks)
{
    QJsonObject object;
    if (marks.starred) {
        object.insert(u"starred", true);
    }
    if (!marks.tags.isEmpty()) {
        object.insert(u"tags", QJsonArray::fromStringList(marks.tags));
    }
    QJsonArray notes;
    for (const Note &note : marks.notes) {
        notes.append(QJsonObject{{QStringLiteral("written"), TimePoint::toIso(note.written, Precision::Second)},
            {QStringLiteral("text"), note.text}});
    }
    if (!notes.isEmpty()) {
        object.insert(u"notes", notes);
    }
    QJsonArray links;
    for (const EventLink &link : marks.links) {
        QJsonObject l{{QStringLiteral("from"), link.source}, {QStringLiteral("to"), link.target}};
        setIfNotEmpty(l, QStringLiteral("label"), link.label);
        links.append(l);
    }
    if (!links.isEmpty()) {
        object.insert(u"links", links);
    }
    return object;
}

QByteArray write(const QList<Event> &events, const QString &title, const QHash<QString, EventMarks> &marks)
{
    QJsonArray array;
    for (const Event &event : events) {
        // The date as people read it, in the display zone: for those who read the file; read() ignores it.
        QJsonObject object = toJson(event);
        object.insert(u"display", event.time.toDisplayString());
        // The analyst's own, apart from the source's fields; read() ignores it too.
        if (const auto it = marks.constFind(event.id); it != marks.constEnd() && !it->isEmpty()) {
            object.insert(u"marks", toJson(*it));
        }
        array.append(object);
    }
    QJsonObject root;
    root.insert(u"format", QStringLiteral("annals"));
    root.insert(u"version", kFormatVersion);
    if (!title.isEmpty()) {
        root.insert(u"title", title);
    }
    root.insert(u"events", array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace JsonFormat
