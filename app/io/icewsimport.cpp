// SPDX-License-Identifier: GPL-3.0-or-later
#include "icewsimport.h"

#include "domain/countries.h"
#include "io/cameo.h"
#include "io/csvreader.h"

#include <QMap>

namespace IcewsImport {

bool looksLikeIcews(const QByteArray &head)
{
    QByteArray line = head.left(head.indexOf('\n')).toLower();
    if (line.startsWith("\xEF\xBB\xBF")) {
        line.remove(0, 3);
    }
    return line.contains('\t') && line.contains("event date") && line.contains("source name")
        && line.contains("cameo code");
}

std::optional<RecordImport::Result> read(QIODevice *device, const QString &fileName,
    const RecordImport::Options &options, ImportError *error, const RecordImport::Sink &sink, const QString &encoding)
{
    CsvReader reader(device, QLatin1Char('\t'), encoding);
    reader.setQuoting(false); // names and texts hold quotes of their own
    const std::optional<QStringList> header = RecordImport::readHeader(reader, fileName, error);
    if (!header) {
        return std::nullopt;
    }
    const QStringList &headers = *header;
    const RecordImport::Columns column(headers);
    if (!column.require(
            {"Event ID", "Event Date", "Source Name", "Event Text", "CAMEO Code"}, "an ICEWS", fileName, error)) {
        return std::nullopt;
    }
    const int id = column("event id");
    const int date = column("event date");
    const int sourceName = column("source name");
    const int sourceSectors = column("source sectors");
    const int sourceCountry = column("source country");
    const int eventText = column("event text");
    const int cameo = column("cameo code");
    const int intensity = column("intensity");
    const int targetName = column("target name");
    const int targetSectors = column("target sectors");
    const int targetCountry = column("target country");
    const int story = column("story id");
    const int sentence = column("sentence number");
    const int publisher = column("publisher");
    const int city = column("city");
    const int district = column("district");
    const int province = column("province");
    const int country = column("country");
    const int latitude = column("latitude");
    const int longitude = column("longitude");

    QMap<QString, qsizetype> unknownCountries;
    const auto convert = [&](const QStringList &record, int, Event *event) {
        using RecordImport::Converted;
        if (record.size() != headers.size()) {
            return Converted::fail(
                QString(), QStringLiteral("%1 fields where the header has %2").arg(record.size()).arg(headers.size()));
        }
        // "NA" is ICEWS's missing value, as R wrote it.
        const auto cell = [&](int c) {
            const QString value = c >= 0 ? record[c].trimmed() : QString();
            return value == QLatin1String("NA") ? QString() : value;
        };
        const auto header = [&](int c) { return headers[c].trimmed(); };
        if (cell(id).isEmpty()) {
            return Converted::fail(header(id), QStringLiteral("an event needs an id"));
        }
        QString problem;
        const std::optional<TimePoint> day = TimePoint::parse(cell(date), &problem);
        if (!day || day->precision != Precision::Day) {
            return Converted::fail(header(date),
                day ? QStringLiteral("\"%1\" is not a day in the form YYYY-MM-DD").arg(cell(date).left(40)) : problem);
        }
        if (!Cameo::hasRoot(cell(cameo))) {
            return Converted::fail(header(cameo),
                QStringLiteral("\"%1\" is not a CAMEO event code (two to four digits, from 01)")
                    .arg(cell(cameo).left(40)));
        }
        event->id = QStringLiteral("icews-") + cell(id);
        event->time = EventTime(day->seconds, Precision::Day);
        event->kind = Cameo::rootKind(cell(cameo));

        // A country no table knows is counted, and kept as written where a reader sees it.
        QStringList unknown;
        const auto countryOf = [&](int c) {
            const QString name = cell(c);
            const QString code = Countries::lookup(name);
            if (code.isEmpty() && !name.isEmpty() && !unknown.contains(name)) {
                ++unknownCountries[name]; // once for each event, however many of its columns name it
                unknown << name;
            }
            return code;
        };
        QList<Actor> dyad;
        for (const auto &[nameColumn, sectorsColumn, countryColumn, role] :
            {std::tuple{sourceName, sourceSectors, sourceCountry, "source"},
                std::tuple{targetName, targetSectors, targetCountry, "target"}}) {
            if (!cell(nameColumn).isEmpty()) {
                // "Elite,Executive,Government": what the actor is, as a title reads.
                dyad.append({cell(nameColumn), countryOf(countryColumn), QLatin1String(role),
                    cell(sectorsColumn).split(u',', Qt::SkipEmptyParts).join(QStringLiteral(", ")),
                    Actor::Type::Organisation});
            }
        }
        Cameo::setDyad(event, dyad, cell(eventText).isEmpty() ? Cameo::rootName(cell(cameo)) : cell(eventText));

        QStringList place;
        for (const int c : {city, district, province, country}) {
            if (!cell(c).isEmpty() && !place.contains(cell(c))) {
                place << cell(c);
            }
        }
        event->location.place = place.join(QStringLiteral(", "));
        event->location.country = countryOf(country);
        for (const auto &[c, coordinate, limit] : {std::tuple{latitude, &event->location.latitude, 90.0},
                 std::tuple{longitude, &event->location.longitude, 180.0}}) {
            bool ok = false;
            const double value = cell(c).toDouble(&ok);
            // A coordinate out of range is dropped rather than refused: the place still says where.
            if (ok && Location::isCoordinate(value, limit)) {
                *coordinate = value;
            }
        }

        QString summary = QStringLiteral("CAMEO event %1 (%2).").arg(cell(cameo), Cameo::rootName(cell(cameo)));
        if (!cell(intensity).isEmpty()) {
            bool ok = false;
            const double value = cell(intensity).toDouble(&ok);
            if (!ok || value < -10 || value > 10) {
                return Converted::fail(header(intensity),
                    QStringLiteral("\"%1\" is not an intensity from -10 to 10").arg(cell(intensity).left(40)));
            }
            summary += QStringLiteral(" Intensity %1.").arg(QString::number(value, 'f', 1));
        }
        if (!unknown.isEmpty()) {
            summary += QStringLiteral(" Countries as written: %1.").arg(unknown.join(QStringLiteral(", ")));
        }
        event->summary = summary;
        QStringList where;
        if (!cell(story).isEmpty()) {
            where << QStringLiteral("story %1").arg(cell(story));
        }
        if (!cell(sentence).isEmpty()) {
            where << QStringLiteral("sentence %1").arg(cell(sentence));
        }
        if (!cell(publisher).isEmpty() || !where.isEmpty()) {
            const QString name = cell(publisher).isEmpty() ? QStringLiteral("ICEWS") : cell(publisher);
            event->sources.append(
                {where.isEmpty() ? name : name + QStringLiteral(", ") + where.join(QStringLiteral(", ")), QString(),
                    QString()});
        }
        return Converted{};
    };
    return RecordImport::run(reader, fileName, options, sink, convert, error, &unknownCountries);
}

} // namespace IcewsImport
