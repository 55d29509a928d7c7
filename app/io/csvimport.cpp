// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvimport.h"

#include "domain/countries.h"
#include "domain/datetext.h"
#include "io/csvreader.h"
#include "io/html.h"
#include "io/jsonformat.h"
#include "io/recordimport.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace {

// Header names people use, lower-cased, for each field.
const QHash<QString, QString> &aliases()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        const auto add = [&t](const char *field, std::initializer_list<const char *> names) {
            for (const char *name : names) {
                t.insert(QString::fromLatin1(name), QString::fromLatin1(field));
            }
        };
        add("id", {"id", "event_id", "eventid", "uid", "event id", "event_id_cnty"});
        add("title", {"title", "headline", "name", "event", "event name", "subject"});
        add("start",
            {"start", "date", "start date", "start_date", "startdate", "event_date", "event date", "begin", "from",
                "when", "time", "datetime"});
        add("end", {"end", "end date", "end_date", "enddate", "until", "to"});
        add("summary", {"summary", "description", "text", "notes", "details", "body", "content"});
        add("kind", {"kind", "type", "event_type", "event type", "category"});
        add("actors", {"actor", "actors", "actor1", "participants", "who", "people", "person"});
        add("countries", {"country", "countries", "nation", "country_code", "iso", "iso2", "iso3"});
        add("place", {"place", "location", "city", "venue", "where"});
        add("lat", {"lat", "latitude"});
        add("lon", {"lon", "lng", "long", "longitude"});
        add("source", {"source", "publisher", "source name"});
        add("url", {"url", "link", "source url", "source_url", "sourceurl", "href", "media"});
        add("source", {"media credit"});
        add("tags", {"tags", "keywords", "labels", "group"});
        add("qualifiers", {"qualifiers"}); // as Annals' CSV export writes a date's certainty
        add("written", {"written", "date as written"});
        return t;
    }();
    return table;
}

QStringList splitList(const QString &cell)
{
    QStringList parts;
    qsizetype from = 0;
    while (from <= cell.size()) {
        qsizetype to = from;
        while (to < cell.size() && cell[to] != QLatin1Char(';') && cell[to] != QLatin1Char('|')) {
            ++to;
        }
        if (const QString part = cell.mid(from, to - from).trimmed(); !part.isEmpty()) {
            parts << part;
        }
        from = to + 1;
    }
    return parts;
}

// A source whose first records can be read ahead, to guess columns from, and then read again.
class PeekedSource final : public RecordSource {
public:
    explicit PeekedSource(RecordSource &source)
        : m_source(source)
    {
    }
    // Up to `count` records from here on, which next() then gives again.
    const QList<QStringList> &peek(qsizetype count)
    {
        QStringList record;
        while (!m_ended && m_peeked.size() < count) {
            if (!m_source.next(&record)) {
                m_ended = true; // at the end, or at an error that is the source's to report in its turn
                break;
            }
            m_peeked.append(record);
            m_lines.append(m_source.line());
        }
        return m_peeked;
    }
    bool next(QStringList *fields) override
    {
        if (m_taken < m_peeked.size()) {
            *fields = m_peeked[m_taken];
            m_line = m_lines[m_taken++];
            return true;
        }
        m_line = -1;
        return !m_ended && m_source.next(fields);
    }
    qint64 line() const override { return m_line >= 0 ? m_line : m_source.line(); }
    QString error() const override { return m_taken < m_peeked.size() ? QString() : m_source.error(); }

private:
    RecordSource &m_source;
    QList<QStringList> m_peeked;
    QList<qint64> m_lines;
    qsizetype m_taken = 0;
    qint64 m_line = -1;
    bool m_ended = false;
};

constexpr qsizetype kGuessRecords = 50; // records read ahead to guess columns from their cells

// What a column's cells hold, by its first records.
// Text is a column of words (a title, a summary), Code one of single tokens ("FR", "Battles").
enum class Shape { Empty, Url, Number, Date, Code, Text };

Shape shapeOf(const QList<QStringList> &records, qsizetype column, const QStringList &missing, qsizetype *length)
{
    bool url = true;
    bool number = true;
    qsizetype dates = 0;
    bool years = true; // four-digit integers: years, not counts
    qsizetype cells = 0;
    qsizetype spaced = 0;
    *length = 0;
    for (const QStringList &record : records) {
        const QString cell = record.value(column).trimmed();
        if (cell.isEmpty() || missing.contains(cell)) {
            continue;
        }
        ++cells;
        *length += cell.size();
        spaced += cell.contains(u' ') ? 1 : 0;
        url = url && (cell.startsWith(QLatin1String("http://")) || cell.startsWith(QLatin1String("https://")));
        bool ok = false;
        cell.toDouble(&ok);
        number = number && ok;
        years = years && ok && cell.size() == 4 && !cell.contains(u'.');
        dates += DateText::parse(cell).has_value() ? 1 : 0;
    }
    if (cells == 0) {
        return Shape::Empty;
    }
    *length /= cells;
    if (url) {
        return Shape::Url;
    }
    // Dates, though a damaged one may stand among them ("1899000-01-01", reported on its line when read).
    if (10 * dates >= 9 * cells && (!number || years)) {
        return Shape::Date;
    }
    return number ? Shape::Number : 2 * spaced >= cells ? Shape::Text : Shape::Code;
}

// Fields the header's names left without a column, guessed from the first records' cells (a user's explicit
// map always stands): a column of links is no title but the source's address; the title is a column of words,
// one named like a label first, else the shortest; the start is the first column of dates; the longest text is
// the summary.
void guessFromContent(const QList<QStringList> &records, const QStringList &headers, const CsvImport::Options &options,
    QHash<QString, int> *columns)
{
    if (records.isEmpty()) {
        return;
    }
    QList<Shape> shapes;
    QList<qsizetype> lengths;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        qsizetype length = 0;
        shapes << shapeOf(records, c, options.missing, &length);
        lengths << length;
    }
    const auto guessed = [&](const QString &field) { return !options.map.contains(field); };
    const auto taken = [&](qsizetype c) {
        return std::any_of(columns->cbegin(), columns->cend(), [&](int used) { return used == c; });
    };
    if (guessed(u"title"_qs) && columns->contains(u"title"_qs)
        && shapes.value(columns->value(u"title"_qs)) == Shape::Url) {
        columns->remove(u"title"_qs); // "event": a Wikidata item's address, not its name
    }
    if (guessed(u"url"_qs) && !columns->contains(u"url"_qs)) {
        for (qsizetype c = 0; c < headers.size(); ++c) {
            if (shapes[c] == Shape::Url && !taken(c)) {
                columns->insert(u"url"_qs, int(c));
                break;
            }
        }
    }
    // Dates: a column named like a start first (startTime, inception, begin), else the first; then one named like
    // an end (endTime, dissolved, until) is the end.
    const auto named = [&](qsizetype c, std::initializer_list<const char *> words) {
        const QString name = headers[c].toLower();
        return std::any_of(
            words.begin(), words.end(), [&](const char *word) { return name.contains(QLatin1String(word)); });
    };
    const auto dateColumn = [&](std::initializer_list<const char *> words, bool orFirst) {
        int first = -1;
        for (qsizetype c = 0; c < headers.size(); ++c) {
            if (shapes[c] != Shape::Date || taken(c)) {
                continue;
            }
            if (named(c, words)) {
                return int(c);
            }
            first = first < 0 ? int(c) : first;
        }
        return orFirst ? first : -1;
    };
    if (guessed(u"start"_qs) && !columns->contains(u"start"_qs)) {
        if (const int c
            = dateColumn({"start", "begin", "from", "inception", "founded", "opened", "date", "when"}, true);
            c >= 0) {
            columns->insert(u"start"_qs, c);
        }
    }
    if (guessed(u"end"_qs) && !columns->contains(u"end"_qs) && columns->contains(u"start"_qs)) {
        if (const int c = dateColumn({"end", "until", "finish", "dissolved", "closed", "to"}, false); c >= 0) {
            columns->insert(u"end"_qs, c);
        }
    }
    if (guessed(u"title"_qs) && !columns->contains(u"title"_qs)) {
        int best = -1;
        for (qsizetype c = 0; c < headers.size(); ++c) {
            const QString name = headers[c].toLower();
            const bool named = name.contains(QLatin1String("label")) || name.contains(QLatin1String("name"))
                || name.contains(QLatin1String("title"));
            // Words; or single words under a header that names them as the title ("Label": First, Third).
            if (!(shapes[c] == Shape::Text || (shapes[c] == Shape::Code && named)) || taken(c)) {
                continue;
            }
            const bool bestNamed = best >= 0
                && (headers[best].toLower().contains(QLatin1String("label"))
                    || headers[best].toLower().contains(QLatin1String("name"))
                    || headers[best].toLower().contains(QLatin1String("title")));
            // Words before single words, then a named column; among the rest the shortest text, since a summary is
            // longer than a title.
            const bool words = shapes[c] == Shape::Text;
            const bool bestWords = best >= 0 && shapes[best] == Shape::Text;
            if (best < 0 || (words && !bestWords)
                || (words == bestWords
                    && ((named && !bestNamed) || (named == bestNamed && lengths[c] < lengths[best])))) {
                best = int(c);
            }
        }
        if (best >= 0) {
            columns->insert(u"title"_qs, best);
        }
    }
    if (guessed(u"summary"_qs) && !columns->contains(u"summary"_qs)) {
        int best = -1;
        for (qsizetype c = 0; c < headers.size(); ++c) {
            if (shapes[c] == Shape::Text && !taken(c) && lengths[c] > 60 && (best < 0 || lengths[c] > lengths[best])) {
                best = int(c);
            }
        }
        if (best >= 0) {
            columns->insert(u"summary"_qs, best);
        }
    }
}

} // namespace

namespace CsvImport {

const QStringList &fields()
{
    static const QStringList list{u"id"_qs, u"title"_qs, u"start"_qs, u"end"_qs, u"summary"_qs, u"kind"_qs,
        u"actors"_qs, u"countries"_qs, u"place"_qs, u"lat"_qs, u"lon"_qs, u"source"_qs, u"url"_qs, u"tags"_qs,
        u"qualifiers"_qs, u"written"_qs};
    return list;
}

QString fieldFor(const QString &header)
{
    return aliases().value(header.trimmed().toLower());
}

std::optional<Result> read(
    QIODevice *device, const QString &fileName, const Options &options, ImportError *error, const Sink &sink)
{
    CsvReader reader(device, QChar(), options.encoding);
    return readRecords(reader, fileName, options, error, sink);
}

std::optional<Result> readRecords(
    RecordSource &source, const QString &fileName, const Options &options, ImportError *error, const Sink &sink)
{
    Result result;
    PeekedSource reader(source);
    const auto fail = [&](int line, const QString &field, const QString &message) -> std::optional<Result> {
        if (error) {
            *error = ImportError{fileName, line, 0, field, message};
        }
        return std::nullopt;
    };
    if (!reader.next(&result.headers)) {
        return fail(int(reader.line()), QString(),
            reader.error().isEmpty() ? QStringLiteral("the file is empty: there is no header row") : reader.error());
    }
    // Columns: the explicit map first, then the headers' own names.
    for (auto it = options.map.cbegin(); it != options.map.cend(); ++it) {
        if (!fields().contains(it.key())) {
            return fail(0, QString(),
                QStringLiteral("--map: there is no field \"%1\"; the fields are %2")
                    .arg(it.key(), fields().join(QStringLiteral(", "))));
        }
        if (it.value().isEmpty()) {
            result.columns.insert(it.key(), -1); // the field takes no column, even one its name would suit
            continue;
        }
        const qsizetype column = result.headers.indexOf(it.value());
        if (column < 0) {
            return fail(1, QString(),
                QStringLiteral("--map: there is no column \"%1\"; the columns are %2")
                    .arg(it.value(), result.headers.join(QStringLiteral(", "))));
        }
        result.columns.insert(it.key(), int(column));
    }
    for (qsizetype column = 0; column < result.headers.size(); ++column) {
        const QString field = fieldFor(result.headers[column]);
        if (!field.isEmpty() && !result.columns.contains(field)) {
            result.columns.insert(field, int(column));
        }
    }
    // Then what the first records' cells say, for the fields neither the map nor a header name gives.
    guessFromContent(reader.peek(kGuessRecords), result.headers, options, &result.columns);
    // TimelineJS's Google-Sheets template: dates in Year, Month, Day and Time columns (and End ...), HTML in the
    // text, a "title" row that is the timeline's title slide, and "era" rows.
    const auto columnOf = [&](const char *header) {
        for (qsizetype c = 0; c < result.headers.size(); ++c) {
            if (result.headers[c].trimmed().compare(QLatin1String(header), Qt::CaseInsensitive) == 0) {
                return int(c);
            }
        }
        return -1;
    };
    const bool timelineJs = columnOf("year") >= 0 && columnOf("end year") >= 0 && columnOf("headline") >= 0
        && !options.map.contains(u"start"_qs);
    const int yearColumns[2][4] = {{columnOf("year"), columnOf("month"), columnOf("day"), columnOf("time")},
        {columnOf("end year"), columnOf("end month"), columnOf("end day"), columnOf("end time")}};
    if (timelineJs) {
        result.columns.insert(u"start"_qs, yearColumns[0][0]);
        result.columns.remove(u"kind"_qs);
    }
    const int typeColumn = timelineJs ? columnOf("type") : -1;
    for (auto it = result.columns.begin(); it != result.columns.end();) {
        it = it.value() < 0 ? result.columns.erase(it) : std::next(it);
    }
    for (const char *needed : {"title", "start"}) {
        if (!result.columns.contains(QLatin1String(needed))) {
            const QString field = QLatin1String(needed);
            if (error) {
                *error = ImportError{fileName, 1, 0, QString(),
                    QStringLiteral("no column gives the %1; %2 (the columns are %3)")
                        .arg(field, ImportError::mapHint(field, ImportError::Audience::CommandLine),
                            result.headers.join(QStringLiteral(", ")))};
            }
            return std::nullopt;
        }
    }

    // The column of each field, looked up once rather than per cell: a million rows make it count.
    QHash<const char *, int> columnCache;
    const auto columnFor = [&](const char *field) {
        auto it = columnCache.find(field);
        if (it == columnCache.end()) {
            it = columnCache.insert(field, result.columns.value(QLatin1String(field), -1));
        }
        return *it;
    };
    // Dates all at midnight ("1066-10-14T00:00:00Z", as Wikidata writes a day) are days, not moments.
    const int startColumn = result.columns.value(u"start"_qs, -1);
    const QList<QStringList> &firstRecords = reader.peek(kGuessRecords);
    const bool midnightDays = !timelineJs && startColumn >= 0
        && std::all_of(firstRecords.cbegin(), firstRecords.cend(),
            [&](const QStringList &record) {
                const QString cell = record.value(startColumn).trimmed();
                return cell.isEmpty() || cell.contains(QLatin1String("T00:00:00"))
                    || cell.contains(QLatin1String(" 00:00:00"));
            })
        && std::any_of(firstRecords.cbegin(), firstRecords.cend(),
            [&](const QStringList &record) { return !record.value(startColumn).trimmed().isEmpty(); });
    const auto dateOf = [&](const QString &text, QString *problem) {
        std::optional<EventTime> time = DateText::parse(text, problem);
        const auto midnight = [](qint64 t) { return TimePoint::periodStart(t, Precision::Day) == t; };
        if (time && midnightDays && time->precision() >= Precision::Minute && midnight(time->start())
            && midnight(time->end().value_or(time->start())) && time->startMillisecond() == 0
            && time->endMillisecond() == 0) {
            time = time->withPrecision(Precision::Day);
        }
        return time;
    };
    QMap<QString, qsizetype> unknownCountries;
    const auto convert = [&](const QStringList &record, int, Event *out) -> RecordImport::Converted {
        const auto cell = [&](const char *field) {
            const int column = columnFor(field);
            const QString value = column >= 0 && column < record.size() ? record[column].trimmed() : QString();
            return !options.missing.isEmpty() && options.missing.contains(value) ? QString() : value;
        };
        QString field;
        QString problem;
        Event &event = *out;
        if (record.size() != result.headers.size()) {
            problem = QStringLiteral("%1 fields where the header has %2").arg(record.size()).arg(result.headers.size());
        }
        event.title = cell("title");
        if (problem.isEmpty() && event.title.isEmpty()) {
            field = u"title"_qs;
            problem = QStringLiteral("an event needs a title");
        }
        const QString type = typeColumn >= 0 ? record.value(typeColumn).trimmed().toLower() : QString();
        if (timelineJs && type == QLatin1String("title")) {
            return RecordImport::Converted::skip(); // the title slide, not an event
        }
        // The date in one cell, or (TimelineJS) composed from its parts: -490 is 490 BC, as TimelineJS shows it.
        const auto dateText = [&](int which) {
            if (!timelineJs) {
                return cell(which == 0 ? "start" : "end");
            }
            const auto part = [&](int k) {
                const int column = yearColumns[which][k];
                return column >= 0 ? record.value(column).trimmed() : QString();
            };
            const QString year = part(0);
            if (year.isEmpty() || year.startsWith(u'-')) {
                return year.isEmpty() ? QString() : year.mid(1) + QStringLiteral(" BC");
            }
            QString text = year.rightJustified(4, u'0');
            if (!part(1).isEmpty()) {
                text += u'-' + part(1).rightJustified(2, u'0');
                if (!part(2).isEmpty()) {
                    text += u'-' + part(2).rightJustified(2, u'0');
                    if (!part(3).isEmpty()) {
                        text += u'T' + part(3) + u'Z';
                    }
                }
            }
            return text;
        };
        if (timelineJs) {
            event.title = Html::toPlainText(event.title);
            if (event.title.isEmpty()) {
                problem.clear(); // a headline-less slide takes its text's first line, as in the JSON
            }
        }
        std::optional<EventTime> start;
        if (problem.isEmpty()) {
            field = u"start"_qs;
            start = dateText(0).isEmpty() ? std::nullopt : dateOf(dateText(0), &problem);
            if (!start && problem.isEmpty()) {
                problem = QStringLiteral("an event needs a date");
            }
        }
        if (problem.isEmpty()) {
            event.time = *start;
            if (!dateText(1).isEmpty()) {
                field = u"end"_qs;
                // Both ends at the coarser of their two precisions.
                const std::optional<EventTime> end = dateOf(dateText(1), &problem);
                const std::optional<EventTime> joined = end ? DateText::join(*start, *end, &problem) : std::nullopt;
                if (joined) {
                    event.time = *joined;
                }
            }
        }
        if (problem.isEmpty() && !cell("qualifiers").isEmpty()) {
            // As Annals' own CSV export writes them: "approximate", "uncertain within", ...
            field = u"qualifiers"_qs;
            const std::optional<quint8> qualifiers = EventTime::qualifiersFromText(cell("qualifiers"));
            if (!qualifiers) {
                problem = QStringLiteral("\"%1\" is not a list of the words exact, approximate, uncertain and within")
                              .arg(cell("qualifiers"));
            } else if ((*qualifiers & EventTime::Within) && !event.time.isRange()) {
                problem = QStringLiteral("a date within a span needs an end: the span's last date");
            } else {
                event.time.setQualifiers(event.time.qualifiers() | *qualifiers);
            }
        }
        if (problem.isEmpty() && !cell("written").isEmpty()) {
            event.time.setWritten(cell("written"));
        }
        // A country no table knows leaves the event without it rather than refusing the record: the name as
        // written joins the place, and the import's report counts it.
        QStringList unknown;
        if (problem.isEmpty()) {
            for (const QString &name : splitList(cell("countries"))) {
                const QString code = Countries::lookup(name);
                if (code.isEmpty()) {
                    unknown << name;
                } else if (!event.countries.contains(code)) {
                    event.countries << code;
                }
            }
        }
        if (problem.isEmpty()) {
            for (const char *coordinate : {"lat", "lon"}) {
                if (cell(coordinate).isEmpty()) {
                    continue;
                }
                bool ok = false;
                const double value = cell(coordinate).toDouble(&ok);
                const double limit = qstrcmp(coordinate, "lat") == 0 ? 90 : 180;
                if (!ok || !Location::isCoordinate(value, limit)) {
                    field = QLatin1String(coordinate);
                    problem = QStringLiteral("\"%1\" is not a number from -%2 to %2").arg(cell(coordinate)).arg(limit);
                    break;
                }
                (qstrcmp(coordinate, "lat") == 0 ? event.location.latitude : event.location.longitude) = value;
            }
        }
        if (!problem.isEmpty()) {
            return RecordImport::Converted::fail(
                field.isEmpty() ? QString() : result.headers.value(result.columns.value(field, -1), field), problem);
        }
        event.summary = timelineJs ? Html::toPlainText(cell("summary")) : cell("summary");
        event.kind = timelineJs ? (type == QLatin1String("era") ? u"era"_qs : QString()) : cell("kind");
        if (event.title.isEmpty()) {
            event.title = event.summary.section(u'\n', 0, 0).left(120);
        }
        event.location.place = cell("place");
        for (const QString &name : std::as_const(unknown)) {
            ++unknownCountries[name];
            event.location.place += (event.location.place.isEmpty() ? QString() : QStringLiteral(", ")) + name;
        }
        for (const QString &name : splitList(cell("actors"))) {
            event.actors.append({name, QString(), QString(), QString(), Actor::Type::Person});
        }
        event.tags = splitList(cell("tags"));
        if (!cell("source").isEmpty() || !cell("url").isEmpty()) {
            event.sources.append({cell("source"), cell("url"), QString()});
        }
        event.id = cell("id");
        if (event.id.isEmpty()) {
            event.id = JsonFormat::stableId(event);
        }
        return {};
    };
    RecordImport::Options records;
    records.skipInvalid = options.skipInvalid;
    records.limit = options.limit;
    std::optional<Result> read = RecordImport::run(reader, fileName, records, sink, convert, error, &unknownCountries);
    if (read) {
        read->headers = std::move(result.headers);
        read->columns = std::move(result.columns);
    }
    return read;
}

std::optional<Result> readFile(const QString &path, const Options &options, ImportError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = ImportError{path, 0, 0, QString(), file.errorString()};
        }
        return std::nullopt;
    }
    return read(&file, path, options, error);
}

} // namespace CsvImport
