// SPDX-License-Identifier: GPL-3.0-or-later
#include "acledimport.h"

#include "domain/countries.h"
#include "domain/datetext.h"
#include "io/csvimport.h"
#include "io/csvreader.h"

namespace {

QStringList splitActors(const QString &cell)
{
    QStringList names;
    for (const QString &part : cell.split(u';')) {
        if (!part.trimmed().isEmpty()) {
            names << part.trimmed();
        }
    }
    return names;
}

} // namespace

namespace AcledImport {

bool looksLikeAcled(const QByteArray &head)
{
    const QByteArray line = head.left(head.indexOf('\n')).toLower();
    return line.contains("event_id_cnty") && line.contains("event_date");
}

std::optional<RecordImport::Result> read(QIODevice *device, const QString &fileName,
    const RecordImport::Options &options, ImportError *error, const RecordImport::Sink &sink, const QString &encoding)
{
    CsvReader reader(device, QChar(), encoding); // the delimiter as the file has it
    const std::optional<QStringList> header = RecordImport::readHeader(reader, fileName, error);
    if (!header) {
        return std::nullopt;
    }
    const QStringList &headers = *header;
    // Columns by their lower-case name: the eras differ in case, order and a few names. Either id will do.
    const RecordImport::Columns column(headers);
    if (!(column("data_id") >= 0 ? column.require({"event_date", "event_type", "country"}, "an ACLED", fileName, error)
                                 : column.require({"event_id_cnty", "event_date", "event_type", "country"}, "an ACLED",
                                     fileName, error))) {
        return std::nullopt;
    }
    const int id = column("event_id_cnty");
    const int dataId = column("data_id");
    const int date = column("event_date");
    const int precision = column("time_precision");
    const int eventType = column("event_type");
    const int subEventType = column("sub_event_type");
    const int country = column("country");
    const int iso3 = column("iso3");
    const int admin1 = column("admin1");
    const int location = column("location");
    const int latitude = column("latitude");
    const int longitude = column("longitude");
    const int notes = column("notes");
    const int source = column("source");
    const int fatalities = column("fatalities");
    const int actor1 = column("actor1");
    const int actor2 = column("actor2");
    // 2019 on: assoc_actor_*; before: ally_actor_*.
    const int assoc1 = column("assoc_actor_1") >= 0 ? column("assoc_actor_1") : column("ally_actor_1");
    const int assoc2 = column("assoc_actor_2") >= 0 ? column("assoc_actor_2") : column("ally_actor_2");

    QMap<QString, qsizetype> unknownCountries;
    const auto convert = [&](const QStringList &record, int, Event *event) {
        using RecordImport::Converted;
        if (record.size() != headers.size()) {
            return Converted::fail(
                QString(), QStringLiteral("%1 fields where the header has %2").arg(record.size()).arg(headers.size()));
        }
        const auto cell = [&](int c) { return c >= 0 ? record[c].trimmed() : QString(); };
        const auto header = [&](int c) { return headers[c].trimmed(); };
        // The event's own id, or (some records of the 2020s have none) ACLED's row id, data_id.
        if (cell(id).isEmpty() && cell(dataId).isEmpty()) {
            return Converted::fail(header(id >= 0 ? id : dataId),
                dataId >= 0 ? QStringLiteral("an event needs an id, in event_id_cnty or data_id")
                            : QStringLiteral("an event needs an id"));
        }
        QString problem;
        const std::optional<TimePoint> day
            = cell(date).isEmpty() ? std::nullopt : DateText::parsePoint(cell(date), &problem);
        if (!day) {
            return Converted::fail(header(date), problem.isEmpty() ? QStringLiteral("an event needs a date") : problem);
        }
        const TimePoint point = day.value_or(TimePoint{}); // (GCC 12 cannot see that `day` is set here)
        Precision datePrecision = point.precision;
        if (precision >= 0 && !cell(precision).isEmpty()) {
            bool ok = false;
            const int value = cell(precision).toInt(&ok);
            if (!ok || value < 1 || value > 3) {
                return Converted::fail(header(precision),
                    QStringLiteral("\"%1\" is not an ACLED time precision (1, 2 or 3)").arg(cell(precision).left(40)));
            }
            // 1: the day; 2: within the week, shown on its day; 3: within the month.
            datePrecision = value == 3 ? Precision::Month : std::min(point.precision, Precision::Day);
        }
        const Calendar::CivilTime civil = Calendar::fromSeconds(point.seconds);
        const qint64 start = datePrecision == Precision::Month
            ? Calendar::toSeconds({civil.year, civil.month, 1, 0, 0, 0})
            : point.seconds;
        event->time = EventTime(start, datePrecision);
        if (precision >= 0 && cell(precision) == QLatin1String("2")) {
            event->time.setQualifiers(EventTime::Approximate); // ACLED: "within the week", shown on one day of it
        }

        // The country by its alpha-3 code where there is one (ACLED has its own few: ROM, XKX), else by name.
        // A country no table knows leaves the event without one rather than refusing it: the name stays in the
        // place, and the import's report counts it.
        QString countryCode = Countries::lookup(cell(iso3));
        if (countryCode.isEmpty()) {
            countryCode = Countries::lookup(cell(country));
        }
        if (!countryCode.isEmpty()) {
            event->countries << countryCode;
        } else if (!cell(country).isEmpty() || !cell(iso3).isEmpty()) {
            ++unknownCountries[cell(country).isEmpty() ? cell(iso3) : cell(country)];
        }
        event->location.country = countryCode;
        QStringList place;
        for (const int c : {location, admin1, country}) {
            if (!cell(c).isEmpty() && !place.contains(cell(c))) {
                place << cell(c);
            }
        }
        event->location.place = place.join(QStringLiteral(", "));
        for (const auto &[c, coordinate, limit] : {std::tuple{latitude, &event->location.latitude, 90.0},
                 std::tuple{longitude, &event->location.longitude, 180.0}}) {
            if (cell(c).isEmpty()) {
                continue;
            }
            bool ok = false;
            const double value = cell(c).toDouble(&ok);
            if (!ok || !Location::isCoordinate(value, limit)) {
                return Converted::fail(header(c),
                    QStringLiteral("\"%1\" is not a coordinate between -%2 and %2").arg(cell(c).left(40)).arg(limit));
            }
            *coordinate = value;
        }

        event->id
            = cell(id).isEmpty() ? QStringLiteral("acled-data-") + cell(dataId) : QStringLiteral("acled-") + cell(id);
        event->kind = cell(eventType).toLower(); // as the other kinds are written: "battles", "protests"
        const QString what = cell(subEventType).isEmpty() ? cell(eventType) : cell(subEventType);
        event->title = cell(location).isEmpty() ? what : what + QStringLiteral(" in ") + cell(location);
        if (event->title.isEmpty()) {
            return Converted::fail(header(eventType), QStringLiteral("an event needs an event type"));
        }
        for (const auto &[c, role] : {std::pair{actor1, "actor 1"}, std::pair{assoc1, "with actor 1"},
                 std::pair{actor2, "actor 2"}, std::pair{assoc2, "with actor 2"}}) {
            for (const QString &name : splitActors(cell(c))) {
                event->actors.append({name, QString(), QLatin1String(role), QString(), Actor::Type::Organisation});
            }
        }
        event->summary = cell(notes);
        if (!cell(fatalities).isEmpty()) {
            bool ok = false;
            const int count = cell(fatalities).toInt(&ok);
            if (!ok || count < 0) {
                return Converted::fail(header(fatalities),
                    QStringLiteral("\"%1\" is not a number of fatalities").arg(cell(fatalities).left(40)));
            }
            event->summary += (event->summary.isEmpty() ? QString() : QStringLiteral("\n\n"))
                + QStringLiteral("Fatalities: %1").arg(count);
        }
        for (const QString &name : splitActors(cell(source))) {
            event->sources.append({name, QString(), QString()});
        }
        for (const int c : {eventType, subEventType}) {
            if (!cell(c).isEmpty() && !event->tags.contains(cell(c))) {
                event->tags << cell(c);
            }
        }
        return Converted{};
    };
    return RecordImport::run(reader, fileName, options, sink, convert, error, &unknownCountries);
}

} // namespace AcledImport
