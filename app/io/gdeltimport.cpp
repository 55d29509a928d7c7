// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdeltimport.h"

#include "domain/countries.h"
#include "io/cameo.h"
#include "io/csvreader.h"

#include <QUrl>

#include <utility>

namespace {

// Where the fields are. The first 35 are the same in every version; then come three geography blocks (Actor1,
// Actor2, Action) of 7 fields in 1.0 and 8 in 2.0, then DATEADDED and (but in the oldest files) SOURCEURL.
struct Layout {
    int geoBlock = 8;
    bool hasSourceUrl = true;

    static std::optional<Layout> forFieldCount(qsizetype count)
    {
        switch (count) {
        case 57:
            return Layout{7, false};
        case 58:
            return Layout{7, true};
        case 61:
            return Layout{8, true};
        default:
            return std::nullopt;
        }
    }
    int actionGeo() const { return 35 + 2 * geoBlock; }
    int dateAdded() const { return 35 + 3 * geoBlock; }
};

enum Field {
    GlobalEventId = 0,
    SqlDate = 1,
    Actor1Name = 6,
    Actor1CountryCode = 7,
    Actor2Name = 16,
    Actor2CountryCode = 17,
    EventCode = 26,
    EventRootCode = 28,
    QuadClass = 29,
    GoldsteinScale = 30,
    NumMentions = 31,
    NumSources = 32,
    AvgTone = 34,
};

// Geography block offsets: type, full name, country code, ADM1 code, (2.0 only) ADM2 code, lat, long, FeatureID.
constexpr int kGeoType = 0;
constexpr int kGeoFullName = 1;
constexpr int kGeoCountry = 2;

// GDELT writes names in capitals ("THE EU", "UNITED STATES"); a timeline reads better in title case, with short
// words that are likely acronyms ("EU", "UN") left alone.
QString titleCase(const QString &name)
{
    static const QStringList small = {u"THE"_qs, u"OF"_qs, u"AND"_qs, u"FOR"_qs, u"IN"_qs, u"ON"_qs, u"AT"_qs, u"TO"_qs,
        u"DE"_qs, u"LA"_qs, u"EL"_qs, u"AL"_qs};
    QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &word = words[i];
        if (word != word.toUpper()) {
            continue; // already mixed case
        }
        if (small.contains(word)) {
            word = i == 0 ? word.left(1) + word.mid(1).toLower() : word.toLower();
        } else if (word.size() > 3) {
            word = word.left(1) + word.mid(1).toLower();
        }
    }
    return words.join(u' ');
}

std::optional<qint64> dayFromSqlDate(QStringView text)
{
    if (text.size() != 8) {
        return std::nullopt;
    }
    bool ok = false;
    const int value = text.toInt(&ok);
    const int year = value / 10000;
    const int month = value / 100 % 100;
    const int day = value % 100;
    if (!ok || month < 1 || month > 12 || day < 1 || day > Calendar::daysInMonth(year, month)) {
        return std::nullopt;
    }
    return Calendar::toSeconds({year, month, day, 0, 0, 0});
}

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace

namespace GdeltImport {

bool looksLikeGdelt(const QByteArray &head)
{
    QByteArray line = head.left(head.indexOf('\n')); // not trimmed: trailing fields may be empty
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    const QList<QByteArray> fields = line.split('\t');
    bool numericId = false;
    fields.value(0).toLongLong(&numericId);
    return numericId && Layout::forFieldCount(fields.size()) && fields.value(SqlDate).size() == 8;
}

std::optional<RecordImport::Result> read(QIODevice *device, const QString &fileName,
    const RecordImport::Options &options, ImportError *error, const RecordImport::Sink &sink, const QString &encoding)
{
    CsvReader reader(device, QLatin1Char('\t'), encoding);
    reader.setQuoting(false);
    // GDELT 1.0's back files (57 fields) and daily files (58) are often joined into one: each line's layout is
    // told by its own field count.
    bool seenRecord = false;
    const auto convert = [&](const QStringList &f, int, Event *event) {
        using RecordImport::Converted;
        // GDELT ends every line, the last too: one without is a file cut short, whatever its fields say.
        if (!reader.lineEnded()) {
            return Converted::fail(
                QString(), QStringLiteral("the file ends in the middle of a record; is it cut short?"));
        }
        const std::optional<Layout> layout = Layout::forFieldCount(f.size());
        const QString fields = f.size() == 1 ? QStringLiteral("1 field") : QStringLiteral("%1 fields").arg(f.size());
        const bool firstRecord = !std::exchange(seenRecord, true);
        if (!layout) {
            return Converted::fail(QString(),
                firstRecord ? QStringLiteral("this does not look like a GDELT export: its first line has %1, where "
                                             "GDELT has 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0), separated by tabs")
                                  .arg(fields)
                            : QStringLiteral("%1, where a GDELT export has 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0)")
                                  .arg(fields));
        }
        bool numeric = false;
        f[GlobalEventId].toLongLong(&numeric);
        if (!numeric) {
            return Converted::fail(u"GLOBALEVENTID"_qs,
                QStringLiteral("\"%1\" is not a number; is this a GDELT export?").arg(f[GlobalEventId].left(40)));
        }
        const std::optional<qint64> day = dayFromSqlDate(f[SqlDate]);
        if (!day) {
            return Converted::fail(
                u"SQLDATE"_qs, QStringLiteral("\"%1\" is not a date in the form YYYYMMDD").arg(f[SqlDate].left(40)));
        }
        if (f[EventRootCode].size() != 2 || !Cameo::hasRoot(f[EventRootCode])) {
            return Converted::fail(u"EventRootCode"_qs,
                QStringLiteral("\"%1\" is not a CAMEO root event code (01 to 20)").arg(f[EventRootCode].left(40)));
        }
        event->id = QStringLiteral("gdelt-") + f[GlobalEventId];
        event->time = EventTime(*day, Precision::Day);
        event->kind = Cameo::rootKind(f[EventRootCode]);

        QList<Actor> dyad;
        for (const auto &[nameField, countryField, role] : {std::tuple{Actor1Name, Actor1CountryCode, "source"},
                 std::tuple{Actor2Name, Actor2CountryCode, "target"}}) {
            if (!f[nameField].isEmpty()) {
                dyad.append({titleCase(f[nameField]), Countries::fromCameo(f[countryField]), QLatin1String(role),
                    QString(), Actor::Type::Organisation});
            }
        }
        const QString action = Cameo::rootName(f[EventRootCode]);
        Cameo::setDyad(event, dyad, action);

        const int geo = layout->actionGeo();
        if (f[geo + kGeoType] != QLatin1String("0") && !f[geo + kGeoType].isEmpty()) {
            event->location.place = f[geo + kGeoFullName];
            event->location.country = Countries::fromFips(f[geo + kGeoCountry]);
            const int lat = geo + layout->geoBlock - 3; // lat, long and FeatureID end the block
            event->location.latitude = number(f[lat]);
            event->location.longitude = number(f[lat + 1]);
            // A coordinate out of range is dropped rather than refused: the place still says where.
            if (event->location.latitude && !Location::isCoordinate(*event->location.latitude, 90)) {
                event->location.latitude.reset();
            }
            if (event->location.longitude && !Location::isCoordinate(*event->location.longitude, 180)) {
                event->location.longitude.reset();
            }
        }

        const QString quad = Cameo::quadClassName(f[QuadClass].toInt());
        event->summary = QStringLiteral("CAMEO event %1 (%2). Goldstein scale %3; %4 mentions in %5 sources; "
                                        "average tone %6.")
                             .arg(f[EventCode], quad.isEmpty() ? action : quad, f[GoldsteinScale], f[NumMentions],
                                 f[NumSources], QString::number(f[AvgTone].toDouble(), 'f', 1));
        if (!quad.isEmpty()) {
            event->tags << quad;
        }
        const QString added = f[layout->dateAdded()];
        const QString addedDate
            = added.size() >= 8 ? added.left(4) + u'-' + added.mid(4, 2) + u'-' + added.mid(6, 2) : QString();
        if (layout->hasSourceUrl && !f[layout->dateAdded() + 1].isEmpty()) {
            const QString url = f[layout->dateAdded() + 1];
            const QString host = QUrl(url).host();
            event->sources.append({host.isEmpty() ? url.left(80) : host, url, addedDate});
        }
        return Converted{};
    };
    return RecordImport::run(reader, fileName, options, sink, convert, error);
}

} // namespace GdeltImport
