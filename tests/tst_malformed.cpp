// SPDX-License-Identifier: GPL-3.0-or-later
// The malformed corpus: files broken in the ways real files break. Each import must fail with its exact message
// (the file, the line, the field and what is wrong) and leave the timeline exactly as it was: a checksum of every
// row of every table (and of the schema) is compared before and after.
#include "io/importer.h"
#include "io/seed.h"
#include "storage/eventstore.h"
#include "tablechecksum.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The bytes of a literal, embedded NULs and all, without its terminating NUL: a count written by hand ran past
// the end of two literals here, which only AddressSanitizer saw.
template <qsizetype N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

// One GDELT 2.0 record (61 fields) with the given id, SQLDATE and root code.
QByteArray gdeltRecord(
    const QByteArray &id, const QByteArray &date = "20191024", const QByteArray &root = "04", int fields = 61)
{
    QList<QByteArray> f(fields);
    f[0] = id;
    f[1] = date;
    f[6] = "PARIS";
    f[7] = "FRA";
    f[26] = root + "0";
    f[28] = root;
    f[29] = "1";
    return f.join('\t') + '\n';
}

const QByteArray kAcledHeader = "event_id_cnty,event_date,year,time_precision,event_type,actor1,country,location,"
                                "latitude,longitude,fatalities\n";

const QByteArray kHugeLine = "<a 100 MB line with no newline>";

} // namespace

class tst_Malformed : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedWhole_data();
    void refusedWhole();
    void cancelledImportWritesNothing();

private:
    QTemporaryDir m_dir;
    QString m_timeline;
};

void tst_Malformed::initTestCase()
{
    m_timeline = m_dir.filePath(QStringLiteral("timeline.annals"));
    EventStore store(m_timeline);
    QVERIFY(store.open());
    QVERIFY(store.write(Seed::events()));
}

void tst_Malformed::refusedWhole_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format"); // then, after a semicolon, the encoding if one is given
    QTest::addColumn<QString>("expected"); // after the file's path; "timeline:" then after the timeline's

    const QByteArray csvHead = "Date,Title,Country\n";
    // CSV and TSV.
    QTest::newRow("csv: empty") << "empty.csv" << QByteArray() << "auto"
                                << ": the file is empty: there is no header row";
    QTest::newRow("csv: only blank lines") << "blank.csv" << QByteArray("\n\n\r\n") << "auto"
                                           << ":3: the file is empty: there is no header row";
    QTest::newRow("csv: no title column")
        << "notitle.csv" << QByteArray("Date,Country\n2023-01-01,FR\n") << "auto"
        << ":1: no column gives the title; name one with --map title=COLUMN (the columns are Date, Country)";
    QTest::newRow("csv: no date column")
        << "nodate.csv" << QByteArray("Title,Country\nA,FR\n") << "auto"
        << ":1: no column gives the start; name one with --map start=COLUMN (the columns are Title, Country)";
    QTest::newRow("csv: too few fields") << "few.csv" << csvHead + "2023-01-01,A,FR\n2023-01-02,B\n"
                                         << "auto"
                                         << ":3: 2 fields where the header has 3";
    QTest::newRow("csv: too many fields") << "many.csv" << csvHead + "2023-01-01,A,FR,extra\n"
                                          << "auto"
                                          << ":2: 4 fields where the header has 3";
    QTest::newRow("csv: truncated mid-record") << "truncated.csv" << csvHead + "2023-01-01,A,FR\n2023-01-02,B"
                                               << "auto"
                                               << ":3: 2 fields where the header has 3";
    QTest::newRow("csv: month 13") << "month13.csv" << csvHead + "2023-13-01,A,FR\n"
                                   << "auto"
                                   << ":2: field \"Date\": \"2023-13-01\" has month 13; a month runs from 1 to 12";
    QTest::newRow("csv: 7-digit year without a sign")
        << "year.csv" << csvHead + "2023-01-01,A,FR\n1899000-01-01T00:00:00Z,B,FR\n"
        << "auto"
        << ":3: field \"Date\": \"1899000-01-01T00:00:00Z\" has a 7-digit year without a sign; ISO 8601 writes a "
           "year past 9999 with one (+1899000-01-01T00:00:00Z), so this looks like a damaged date";
    QTest::newRow("csv: 30 February") << "feb30.csv" << csvHead + "2023-02-30,A,FR\n"
                                      << "auto"
                                      << ":2: field \"Date\": \"2023-02-30\" has day 30, but that month has 28 days";
    QTest::newRow("csv: a word for a date") << "soon.csv" << csvHead + "soon,A,FR\n"
                                            << "auto"
                                            << ":2: field \"Date\": \"soon\" is not a date; write it as 2023, 2023-03, "
                                               "2023-03-21, 2023-03-21T14:30Z or 490 BC";
    QTest::newRow("csv: unknown month name") << "smarch.csv" << csvHead + "9-Smarch-20,A,FR\n"
                                             << "auto"
                                             << ":2: field \"Date\": \"9-Smarch-20\" names no month";
    QTest::newRow("csv: empty date") << "nodate2.csv" << csvHead + ",A,FR\n"
                                     << "auto"
                                     << ":2: field \"Date\": an event needs a date";
    QTest::newRow("csv: end before start")
        << "backwards.csv" << QByteArray("Start,End,Title\n2023-05-02,2023-05-01,A\n") << "auto"
        << ":2: field \"End\": the end comes before the start";
    QTest::newRow("csv: a date between nonsense") << "between.csv" << csvHead + "between 1380 and then,A,FR\n"
                                                  << "auto"
                                                  << ":2: field \"Date\": \"then\" is not a date; write it as 2023, "
                                                     "2023-03, 2023-03-21, 2023-03-21T14:30Z or 490 BC";
    QTest::newRow("csv: an EDTF set with an open end")
        << "openset.csv" << csvHead + "\"[..1760-12-03]\",A,FR\n"
        << "auto"
        << ":2: field \"Date\": an interval or set with an open or unknown end (\"..\") has no date to draw it at";
    QTest::newRow("json records: a damaged year")
        << "damaged.json"
        << QByteArray("[\n{\"label\": \"Battle of Tours\", \"date\": \"0732-10-10T00:00:00Z\"},\n"
                      "{\"label\": \"Damaged\", \"date\": \"1899000-01-01T00:00:00Z\"}\n]\n")
        << "auto"
        << ":3: field \"date\": \"1899000-01-01T00:00:00Z\" has a 7-digit year without a sign; ISO 8601 writes a "
           "year past 9999 with one (+1899000-01-01T00:00:00Z), so this looks like a damaged date";
    QTest::newRow("timelinejs: a millisecond past 999")
        << "ms.json"
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": \"2023\", \"month\": \"5\", \"day\": \"22\", "
                      "\"hour\": \"14\", \"millisecond\": \"1500\"}, \"text\": {\"headline\": \"Lap\"}}]}\n")
        << "auto"
        << ":1:28: event 1 (\"Lap\"), field \"start_date\": \"1500\" is not a millisecond from 0 to 999";
    QTest::newRow("csv: latitude 95") << "lat.csv" << QByteArray("Date,Title,Lat,Lon\n2023-01-01,A,95,10\n") << "auto"
                                      << ":2: field \"Lat\": \"95\" is not a number from -90 to 90";
    QTest::newRow("csv: latitude not a number")
        << "nan.csv" << QByteArray("Date,Title,Lat,Lon\n2023-01-01,A,nan,10\n") << "auto"
        << ":2: field \"Lat\": \"nan\" is not a number from -90 to 90";
    QTest::newRow("csv: longitude in words")
        << "lon.csv" << QByteArray("Date,Title,Lat,Lon\n2023-01-01,A,45,east\n") << "auto"
        << ":2: field \"Lon\": \"east\" is not a number from -180 to 180";
    QTest::newRow("csv: invalid UTF-8")
        << "latin1.csv" << csvHead + "2023-01-01,A,FR\n2023-01-02,Caf\xe9,FR\n"
        << "auto"
        << ":3: this line is not valid UTF-8 (give --encoding latin1 if the file is Latin-1)";
    QTest::newRow("csv: unterminated quote") << "quote.csv" << csvHead + "2023-01-01,\"A,FR\n2023-01-02,B,FR\n"
                                             << "auto"
                                             << ":2: a quoted field opened here is never closed";
    QTest::newRow("csv: NUL byte") << "nul.csv" << csvHead + bytes("2023-01-01,A\0B,FR\n") << "auto"
                                   << ":2: this line holds a NUL byte; is this a text file?";
    QTest::newRow("csv: a 100 MB line") << "huge.csv" << kHugeLine << "auto"
                                        << ":1: a line longer than 16 MB; is this a text file?";
    QTest::newRow("csv: control characters")
        << "controls.csv" << bytes("\x1f\x8b\x08\x00\x12\x34\x56\x78\x00\x03") + "rest of a gzip\n"
        << "auto"
        << ":1: this line holds a NUL byte; is this a text file?";
    QTest::newRow("csv: control characters, no NUL") << "controls2.csv" << csvHead + "2023-01-01,A\x01\x02\x03,FR\n"
                                                     << "auto"
                                                     << ":2: this line holds control characters; is this a text file?";
    QTest::newRow("csv: binary garbage")
        << "garbage.csv" << bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe") << "auto"
        << ":1: this line is not valid UTF-8 (give --encoding latin1 if the file is Latin-1)";
    QTest::newRow("csv: unknown encoding") << "klingon.csv" << csvHead + "2023-01-01,A,FR\n"
                                           << "auto;klingon"
                                           << ": --encoding: \"klingon\" is not an encoding this system knows";
    QTest::newRow("gdelt: unknown encoding") << "klingon.export.CSV" << gdeltRecord("1") << "gdelt;klingon"
                                             << ": --encoding: \"klingon\" is not an encoding this system knows";
    QTest::newRow("csv: repeated id")
        << "twice.csv" << QByteArray("Id,Date,Title\nx,2023-01-01,A\nx,2023-01-02,B\n") << "auto"
        << "timeline:: nothing was written: event 2 (\"B\"): its id \"x\" was already used in this import";
    QTest::newRow("csv: repeated id before a bad date")
        << "twice-then-bad.csv" << QByteArray("Id,Date,Title\nx,2023-01-01,A\nx,2023-01-02,B\ny,2023-02-30,C\n")
        << "auto"
        << "timeline:: nothing was written: event 2 (\"B\"): its id \"x\" was already used in this import";
    // Annals JSON.
    QTest::newRow("json: truncated")
        << "truncated.json"
        << QByteArray(
               "{\"events\": [{\"id\": \"a\", \"title\": \"A\", \"start\": \"2023-01-01\"}, {\"id\": \"b\", \"ti")
        << "auto"
        << ":1:78: this is not valid JSON: unterminated string";
    QTest::newRow("json: a number") << "number.json" << QByteArray("42\n") << "json"
                                    << ":1:2: this is not valid JSON: illegal value";
    QTest::newRow("json: no title") << "untitled.json"
                                    << QByteArray("{\"events\": [{\"id\": \"a\", \"start\": \"2023-01-01\"}]}")
                                    << "auto"
                                    << ":1:13: event 1, field \"title\": an event needs a title";
    QTest::newRow("json: bad date")
        << "baddate.json"
        << QByteArray("{\"events\": [\n  {\"id\": \"a\", \"title\": \"A\", \"start\": \"2023-02-30\"}\n]}") << "auto"
        << ":2:38: event 1 (\"A\"), field \"start\": \"2023-02-30\" has day 30, but that month has 28 days";
    QTest::newRow("json: binary garbage") << "garbage.json" << bytes("{\x01\x02\xff\xfe\x00garbage") << "auto"
                                          << ":1:3: this is not valid JSON: unterminated object";
    // TimelineJS.
    QTest::newRow("timelinejs: truncated")
        << "truncated-tl.json"
        << QByteArray(
               "{\"events\": [{\"start_date\": {\"year\": \"2020\"}, \"text\": {\"headline\": \"A\"}}, {\"start_da")
        << "timelinejs"
        << ":1:84: this is not valid JSON: unterminated string";
    QTest::newRow("timelinejs: no start_date")
        << "nostart-tl.json" << QByteArray("{\"events\": [{\"text\": {\"headline\": \"A\"}}]}") << "timelinejs"
        << ":1:13: event 1 (\"A\"), field \"start_date\": an event needs a start_date";
    QTest::newRow("timelinejs: year in words")
        << "year-tl.json"
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": \"long ago\"}, \"text\": {\"headline\": \"A\"}}]}")
        << "timelinejs"
        << ":1:28: event 1 (\"A\"), field \"start_date\": \"long ago\" is not a year";
    // iCalendar.
    QTest::newRow("ics: truncated")
        << "truncated.ics"
        << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20230101T100000Z\r\nSUMM")
        << "auto"
        << ":6: the file ends before END:VCALENDAR; is it cut short?";
    QTest::newRow("ics: event without DTSTART") << "nostart.ics"
                                                << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:"
                                                              "a\r\nSUMMARY:A\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                                                << "auto"
                                                << ":3: event 1, field \"DTSTART\": an event needs a valid start";
    QTest::newRow("ics: NUL byte") << "nul.ics"
                                   << bytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:"
                                            "A\0B\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                                   << "ics"
                                   << ":5: this line holds a NUL byte; is this a text file?";
    // GDELT.
    QTest::newRow("gdelt: 60 fields")
        << "short.export.CSV" << gdeltRecord("1") + gdeltRecord("2", "20191024", "04", 60) << "auto"
        << ":2: 60 fields, where a GDELT export has 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0)";
    QTest::newRow("gdelt: bad SQLDATE") << "date.export.CSV" << gdeltRecord("1") + gdeltRecord("2", "20191324")
                                        << "auto"
                                        << ":2: field \"SQLDATE\": \"20191324\" is not a date in the form YYYYMMDD";
    QTest::newRow("gdelt: id not a number")
        << "id.export.CSV" << gdeltRecord("x1") << "gdelt"
        << ":1: field \"GLOBALEVENTID\": \"x1\" is not a number; is this a GDELT export?";
    QTest::newRow("gdelt: root code 21")
        << "root.export.CSV" << gdeltRecord("1", "20191024", "21") << "auto"
        << ":1: field \"EventRootCode\": \"21\" is not a CAMEO root event code (01 to 20)";
    QTest::newRow("gdelt: truncated") << "cut.export.CSV" << gdeltRecord("1") + gdeltRecord("2").left(40) << "auto"
                                      << ":2: the file ends in the middle of a record; is it cut short?";
    QTest::newRow("gdelt: cut inside the last field")
        << "cut-url.export.CSV" << gdeltRecord("1") + gdeltRecord("2").replace("\t\n", "\thttps://exam") << "auto"
        << ":2: the file ends in the middle of a record; is it cut short?";
    QTest::newRow("gdelt: a CSV named as GDELT")
        << "named.csv" << QByteArray("Date,Title\n2023-01-01,A\n") << "gdelt"
        << ":1: this does not look like a GDELT export: its first line has 1 field, where GDELT has 57 or 58 (GDELT "
           "1.0) or 61 (GDELT 2.0), separated by tabs";
    QTest::newRow("gdelt: invalid UTF-8")
        << "bytes.export.CSV" << gdeltRecord("1") + gdeltRecord("2").replace("PARIS", "PAR\xc3S") << "auto"
        << ":2: this line is not valid UTF-8 (give --encoding latin1 if the file is Latin-1)";
    // ZIP archives, as GDELT and ACLED are downloaded.
    QTest::newRow("zip: two files") << "@zip/two-files.zip" << QByteArray() << "auto"
                                    << ": this .zip holds 2 files; Annals reads a .zip of one file, as GDELT and ACLED "
                                       "give them. Unzip it and import the file you want";
    QTest::newRow("zip: JSON inside")
        << "@zip/json.zip" << QByteArray() << "auto"
        << ": a .zip is read for CSV, GDELT, ACLED and ICEWS files only; unzip it and import "
           "the file inside";
    QTest::newRow("zip: corrupt") << "corrupt.zip" << bytes("PK\x03\x04\x14\x00garbage that is no zip") << "auto"
                                  << ": this .zip cannot be read (Not a zip archive); is it cut short or damaged?";
    QTest::newRow("zip: damaged inside") << "damaged.zip" << QByteArray() << "auto"
                                         << ":1: the file cannot be read from here on: CRC error";
    QTest::newRow("zip: cut short") << "cut.zip" << QByteArray() << "auto"
                                    << ": this .zip cannot be read (Not a zip archive); is it cut short or damaged?";
    // ACLED.
    QTest::newRow("acled: no event_date column")
        << "nodate-acled.csv" << QByteArray("event_id_cnty,event_type,country\nNIG1,Battles,Nigeria\n") << "acled"
        << ":1: an ACLED file needs a column \"event_date\"; the columns are event_id_cnty, event_type, country";
    QTest::newRow("acled: time_precision 4")
        << "precision.csv" << kAcledHeader + "NIG1,09 May 2020,2020,4,Battles,Army,Nigeria,Damboa,11.1,12.7,0\n"
        << "auto"
        << ":2: field \"time_precision\": \"4\" is not an ACLED time precision (1, 2 or 3)";
    QTest::newRow("acled: 31-Feb-20")
        << "feb.csv" << kAcledHeader + "NIG1,31-Feb-20,2020,1,Battles,Army,Nigeria,Damboa,11.1,12.7,0\n"
        << "auto"
        << ":2: field \"event_date\": \"31-Feb-20\" has day 31, but that month has 29 days";
    QTest::newRow("acled: fatalities in words")
        << "fatal.csv" << kAcledHeader + "NIG1,09 May 2020,2020,1,Battles,Army,Nigeria,Damboa,11.1,12.7,many\n"
        << "auto"
        << ":2: field \"fatalities\": \"many\" is not a number of fatalities";
    QTest::newRow("acled: latitude 200") << "lat-acled.csv"
                                         << kAcledHeader
            + "NIG1,09 May 2020,2020,1,Battles,Army,Nigeria,Damboa,200,12.7,0\n"
                                         << "auto"
                                         << ":2: field \"latitude\": \"200\" is not a coordinate between -90 and 90";
    QTest::newRow("acled: no id at all")
        << "noid-acled.csv"
        << QByteArray("data_id,event_id_cnty,event_date,year,time_precision,event_type,actor1,country,location,"
                      "latitude,longitude,fatalities\n,,09 May 2020,2020,1,Battles,Army,Nigeria,Damboa,11.1,12.7,0\n")
        << "auto"
        << ":2: field \"event_id_cnty\": an event needs an id, in event_id_cnty or data_id";
    QTest::newRow("acled: repeated id") << "twice-acled.csv"
                                        << kAcledHeader
            + "NIG1,09 May 2020,2020,1,Battles,Army,Nigeria,Damboa,11.1,12.7,0\nNIG1,10 May "
              "2020,2020,1,Battles,Army,Nigeria,Damboa,11.1,12.7,0\n"
                                        << "auto"
                                        << "timeline:: nothing was written: event 2 (\"Battles in Damboa\"): its id "
                                           "\"acled-NIG1\" was already used in this import";
    // JSON records: an array of plain objects, read through the CSV importer's columns.
    QTest::newRow("json records: a number among the objects")
        << "records.json" << QByteArray("[\n{\"label\": \"Battle of Tours\", \"date\": \"0732-10-10\"},\n5\n]\n")
        << "auto"
        << ":3: record 2 is not an object in { }";
    QTest::newRow("json records: no date")
        << "nodate.json" << QByteArray("[{\"label\": \"Battle of Tours\", \"place\": \"Tours\"}]") << "auto"
        << ":1: no column gives the start; name one with --map start=COLUMN (the columns are label, place)";
    // Timeline's .timeline XML, and XML that is not.
    const QByteArray timelineHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<timeline>\n<version>2.6.0</version>\n"
                                    "<timetype>gregoriantime</timetype>\n<categories/>\n<events>\n";
    QTest::newRow("timeline: cut short") << "cut.timeline"
                                         << timelineHead + "<event><start>2023-01-01 00:00:00</start><end>2023-01-0"
                                         << "auto"
                                         << ":7: the file ends before </timeline>; is it cut short?";
    QTest::newRow("timeline: a numbered time type")
        << "num.timeline"
        << QByteArray("<?xml version=\"1.0\"?>\n<timeline>\n<version>2.6.0</version>\n"
                      "<timetype>numtime</timetype>\n<events/>\n</timeline>\n")
        << "auto"
        << ":4: field \"timetype\": this timeline counts time as \"numtime\"; Annals reads Gregorian timelines "
           "(gregoriantime) only";
    QTest::newRow("timeline: 30 February")
        << "feb.timeline"
        << timelineHead
            + "<event>\n<start>2023-02-30 00:00:00</start>\n<end>2023-02-30 00:00:00</end>\n<text>Talks"
              "</text>\n</event>\n</events>\n</timeline>\n"
        << "auto"
        << ":7: event 1 (\"Talks\"), field \"start\": \"2023-02-30 00:00:00\" is not a date and time that exists";
    QTest::newRow("timeline: end before start")
        << "end.timeline"
        << timelineHead
            + "<event>\n<start>2023-03-02 00:00:00</start>\n<end>2023-03-01 00:00:00</end>\n<text>Talks"
              "</text>\n</event>\n</events>\n</timeline>\n"
        << "timeline"
        << ":7: event 1 (\"Talks\"), field \"end\": the end comes before the start";
    QTest::newRow("timeline: mismatched tags")
        << "tags.timeline" << timelineHead + "<event><text>A</txt></event>\n</events>\n</timeline>\n"
        << "auto"
        << ":7: this is not valid XML: Opening and ending tag mismatch.";
    QTest::newRow("xml: KML is not read as CSV")
        << "places.kml" << QByteArray("<?xml version=\"1.0\"?>\n<kml><Document/></kml>\n") << "auto"
        << ":1: this is XML whose root element is <kml>; the XML Annals reads is that of Timeline (.timeline files, "
           "whose root is <timeline>)";
    // ICEWS: TAB-separated, named columns.
    const QByteArray icewsHeader = "Event ID\tEvent Date\tSource Name\tSource Country\tEvent Text\tCAMEO Code\t"
                                   "Intensity\tTarget Name\tTarget Country\n";
    QTest::newRow("icews: no CAMEO Code column")
        << "nocode.tab" << QByteArray("Event ID\tEvent Date\tSource Name\tEvent Text\n1\t1995-01-01\tA\tConsult\n")
        << "icews"
        << ":1: an ICEWS file needs a column \"CAMEO Code\"; the columns are Event ID, Event Date, Source Name, Event "
           "Text";
    QTest::newRow("icews: a month, not a day")
        << "month.tab" << icewsHeader + "1\t1995-01\tA\tChina\tConsult\t040\t1\tB\tIndia\n"
        << "auto"
        << ":2: field \"Event Date\": \"1995-01\" is not a day in the form YYYY-MM-DD";
    QTest::newRow("icews: CAMEO code 21")
        << "code.tab" << icewsHeader + "1\t1995-01-01\tA\tChina\tConsult\t210\t1\tB\tIndia\n"
        << "auto"
        << ":2: field \"CAMEO Code\": \"210\" is not a CAMEO event code (two to four digits, from 01)";
    QTest::newRow("icews: intensity 11") << "intensity.tab"
                                         << icewsHeader + "1\t1995-01-01\tA\tChina\tConsult\t040\t11\tB\tIndia\n"
                                         << "auto"
                                         << ":2: field \"Intensity\": \"11\" is not an intensity from -10 to 10";
    QTest::newRow("icews: a field short")
        << "short.tab" << icewsHeader + "1\t1995-01-01\tA\tChina\tConsult\t040\t1\tB\n"
        << "auto"
        << ":2: 8 fields where the header has 9";
}

void tst_Malformed::refusedWhole()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    // "@zip/x.zip": a fixture from tests/data, as it is; "cut.zip": the first half of the zipped GDELT excerpt.
    const bool fixture = name.startsWith(u'@');
    const QString path = fixture ? QStringLiteral(ANNALS_TEST_DATA "/") + name.mid(1) : m_dir.filePath(name);
    // "damaged.zip": one byte of its compressed data flipped, so that only its checksum can tell.
    if (name == u"cut.zip"_qs || name == u"damaged.zip"_qs) {
        QFile zip(QStringLiteral(ANNALS_TEST_DATA "/gdelt/gdelt2-excerpt.export.CSV.zip"));
        QVERIFY(zip.open(QIODevice::ReadOnly));
        content = zip.readAll();
        if (name == u"cut.zip"_qs) {
            content.truncate(content.size() / 2);
        } else {
            const auto word = [&](int at) { return uchar(content[at]) | uchar(content[at + 1]) << 8; };
            const int data = 30 + word(26) + word(28); // after the local header, its name and its extra field
            content[data + 200] = char(content[data + 200] ^ 0xff);
        }
    }
    if (!fixture) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (content == kHugeLine) {
            const QByteArray chunk(1024 * 1024, 'a');
            for (int i = 0; i < 100; ++i) {
                file.write(chunk);
            }
        } else {
            file.write(content);
        }
    }
    const QByteArray before = tableChecksum(m_timeline);
    QVERIFY(!before.isEmpty());
    {
        EventStore store(m_timeline);
        QVERIFY(store.open());
        Importer::Options options;
        options.format = format.section(u';', 0, 0); // "csv;latin1": the format, then an encoding
        options.encoding = format.section(u';', 1);
        ImportError error;
        QVERIFY(!Importer::importFile(path, options, store, &error));
        const QString message = error.toString();
        const QString whose = expected.startsWith(u"timeline:"_qs) ? m_timeline : path;
        QCOMPARE(message, whose + expected.mid(expected.startsWith(u"timeline:"_qs) ? 9 : 0));
    }
    QCOMPARE(tableChecksum(m_timeline), before);
    if (!fixture) {
        QFile::remove(path);
    }
}

void tst_Malformed::cancelledImportWritesNothing()
{
    // Cancelled at the first report of progress, after events were already written into the transaction.
    const QString path = m_dir.filePath(u"long.csv"_qs);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Date,Title\n");
        for (int i = 0; i < 20000; ++i) {
            file.write(QByteArray("2023-01-01,Event ") + QByteArray::number(i) + '\n');
        }
    }
    const QByteArray before = tableChecksum(m_timeline);
    {
        EventStore store(m_timeline);
        QVERIFY(store.open());
        ImportError error;
        int reports = 0;
        QVERIFY(!Importer::importFile(path, {}, store, &error, [&](qint64 done, qint64 total) {
            ++reports;
            return !(done > 0 && done < total);
        }));
        QCOMPARE(reports, 1);
        QCOMPARE(error.toString(), path + u": the import was cancelled; nothing was written"_qs);
    }
    QCOMPARE(tableChecksum(m_timeline), before);
}

QTEST_GUILESS_MAIN(tst_Malformed)
#include "tst_malformed.moc"
