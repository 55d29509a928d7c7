// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexport.h"

#include <algorithm>

namespace {

QString actorText(const Actor &actor)
{
    QStringList details;
    for (const QString &part : {actor.country, actor.role}) {
        if (!part.isEmpty()) {
            details << part;
        }
    }
    return details.isEmpty() ? actor.name
                             : actor.name + QStringLiteral(" (") + details.join(QStringLiteral(", ")) + u')';
}

} // namespace

namespace CsvExport {

QStringList header()
{
    return {QStringLiteral("id"), QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("precision"),
        QStringLiteral("qualifiers"), QStringLiteral("written"), QStringLiteral("display"), QStringLiteral("title"),
        QStringLiteral("kind"), QStringLiteral("countries"), QStringLiteral("actors"), QStringLiteral("place"),
        QStringLiteral("latitude"), QStringLiteral("longitude"), QStringLiteral("summary"), QStringLiteral("tags"),
        QStringLiteral("sources")};
}

QStringList row(const Event &event)
{
    const Precision precision = event.time.precision();
    QStringList actors;
    for (const Actor &actor : event.actors) {
        actors << actorText(actor);
    }
    QStringList sources;
    for (const Source &source : event.sources) {
        sources << (source.url.isEmpty() ? source.name : source.url);
    }
    const auto number
        = [](const std::optional<double> &value) { return value ? QString::number(*value, 'g', 10) : QString(); };
    const QString separator = QStringLiteral("; ");
    const EventTime &time = event.time;
    return {event.id, TimePoint::toIso(time.start(), precision, time.startMillisecond()),
        time.end() ? TimePoint::toIso(*time.end(), precision, time.endMillisecond()) : QString(),
        precisionName(precision), EventTime::qualifierText(time.qualifiers()), time.written(), time.toDisplayString(),
        event.title, event.kind, event.allCountries().join(separator), actors.join(separator), event.location.place,
        number(event.location.latitude), number(event.location.longitude), event.summary, event.tags.join(separator),
        sources.join(separator)};
}

QString field(const QString &text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    if (std::none_of(text.begin(), text.end(), [](QChar c) { return special.contains(c); })) {
        return text;
    }
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QByteArray write(const QList<Event> &events)
{
    const auto line = [](const QStringList &fields) -> QString {
        QStringList quoted;
        for (const QString &f : fields) {
            quoted << field(f);
        }
        return quoted.join(u',') + QStringLiteral("\r\n");
    };
    QString out = line(header());
    for (const Event &event : events) {
        out += line(row(event));
    }
    return out.toUtf8();
}

} // namespace CsvExport
