// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvimport.h"
#include "io/csvreader.h"
#include "io/importer.h"
#include "io/jsonrecords.h"

#include <QBuffer>
#include <QLocale>
#include <QTest>

namespace {

std::optional<CsvImport::Result> readText(
    const QByteArray &text, ImportError *error, const CsvImport::Options &options = {})
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return CsvImport::read(&buffer, u"in.csv"_qs, options, error);
}

} // namespace

class tst_CsvImport : public QObject {
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void mapsHeadersToFields();
    void explicitMapAndMissingValues();
    void jsonValuesAsText();
    void guessesFromContent_data();
    void guessesFromContent();
    void jsonRecords_data();
    void jsonRecords();
    void errors_data();
    void errors();
    void theWindowSpeaksOfItsDialog_data();
    void theWindowSpeaksOfItsDialog();
    void unknownCountriesAreKeptAndCounted();
    void skipInvalidKeepsTheGoodOnes();
    void idsAreStable();
    void timelineJsTemplate();
    void otherEncodings();
};

void tst_CsvImport::records_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("comma, LF") << QByteArray("a,b\n1,2\n")
                               << QList<QStringList>{{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}};
    QTest::newRow("semicolon, CRLF, BOM") << QByteArray("\xEF\xBB\xBF"
                                                        "a;b\r\n1;2\r\n")
                                          << QList<QStringList>{{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}};
    QTest::newRow("tab") << QByteArray("a\tb, c\n1\t2\n")
                         << QList<QStringList>{{u"a"_qs, u"b, c"_qs}, {u"1"_qs, u"2"_qs}};
    QTest::newRow("quotes, doubled quotes, line break")
        << QByteArray("a,b\n\"x, \"\"y\"\"\",\"two\r\nlines\"\n")
        << QList<QStringList>{{u"a"_qs, u"b"_qs}, {u"x, \"y\""_qs, u"two\nlines"_qs}};
    QTest::newRow("no final newline, blank lines")
        << QByteArray("a,b\n\n1,2") << QList<QStringList>{{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}};
    QTest::newRow("white space before a quote")
        << QByteArray("a,b,c\n  \"x,y\",\t\"p,q\", plain text \n")
        << QList<QStringList>{{u"a"_qs, u"b"_qs, u"c"_qs}, {u"x,y"_qs, u"p,q"_qs, u"plain text"_qs}};
    QTest::newRow("a quote inside unquoted text")
        << QByteArray("a,b\n5'11\" tall,x\n") << QList<QStringList>{{u"a"_qs, u"b"_qs}, {u"5'11\" tall"_qs, u"x"_qs}};
    QTest::newRow("a vertical tab inside a cell, as some exports break lines") << QByteArray(
        "a,b\nfirst\vsecond,x\n") << QList<QStringList>{{u"a"_qs, u"b"_qs}, {u"first\vsecond"_qs, u"x"_qs}};
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n")
                                  << QList<QStringList>{{u"a"_qs, u"b"_qs, u"c"_qs}, {QString(), QString(), QString()}};
}

void tst_CsvImport::records()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<QStringList>, expected);
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<QStringList> records;
    QStringList record;
    while (reader.next(&record)) {
        records << record;
    }
    QVERIFY2(reader.error().isEmpty(), qPrintable(reader.error()));
    QCOMPARE(records, expected);
}

void tst_CsvImport::mapsHeadersToFields()
{
    ImportError error;
    const auto result = readText("Headline,Event Date,Country,Actors,Latitude,Longitude,URL,Description\n"
                                 "Talks,2023-03-21,Russia; China,Vladimir Putin;Xi Jinping,55.75,37.62,"
                                 "https://example.org/a,Long talks\n",
        &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.size(), 1);
    const Event &event = result->events.first();
    QCOMPARE(event.title, QStringLiteral("Talks"));
    QCOMPARE(event.time.toDisplayString(QLocale(QLocale::English)), QStringLiteral("21 March 2023"));
    QCOMPARE(event.countries, (QStringList{u"RU"_qs, u"CN"_qs}));
    QCOMPARE(event.actors.size(), 2);
    QCOMPARE(event.actors[1].name, QStringLiteral("Xi Jinping"));
    QCOMPARE(*event.location.latitude, 55.75);
    QCOMPARE(event.sources.first().url, QStringLiteral("https://example.org/a"));
    QCOMPARE(event.summary, QStringLiteral("Long talks"));
}

void tst_CsvImport::guessesFromContent_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("map"); // field=column, as --map takes it
    QTest::addColumn<QString>("expected"); // the first event: title | date | source address | summary
    // A Wikidata export: "event" (a header Annals takes for the title) holds the item's address.
    QTest::newRow("a URL column is no title") << QByteArray("eventLabel,event,label,date\n"
                                                            "Battle of Hastings,http://www.wikidata.org/entity/Q83224,"
                                                            "battle,1066-10-14T00:00:00Z\n")
                                              << ""
                                              << "Battle of Hastings|14 October 1066|http://www.wikidata.org/entity/"
                                                 "Q83224|";
    QTest::newRow("dates and words under other names")
        << QByteArray("Quand,Quoi,Détails\n"
                      "2023-05-22,Mishustin arrives in Beijing,"
                      "\"The prime minister's first visit, with talks on trade, energy and the payment system.\"\n"
                      "2023-05-23,Talks with Li Qiang,\"Eight agreements are signed after talks in the Great Hall of "
                      "the People.\"\n")
        << ""
        << "Mishustin arrives in Beijing|22 May 2023||The prime minister's first visit, with talks on trade, energy "
           "and the payment system.";
    QTest::newRow("a start and an end, by their names") << QByteArray("endTime,label,startTime\n"
                                                                      "1918-11-11,The First World War,1914-07-28\n")
                                                        << ""
                                                        << "The First World War|28 July 1914 – 11 November 1918||";
    QTest::newRow("a year column is a date, a count is not")
        << QByteArray("Year,Casualties,What\n1914,1000,Battle of the Frontiers\n1916,50000,Battle of the Somme\n") << ""
        << "Battle of the Frontiers|1914||";
    // The issue's Wikidata shape: "label" of single words is still the title, its header says so.
    QTest::newRow("single words under a label header")
        << QByteArray("event,label,date,article\n"
                      "http://www.wikidata.org/entity/Q83224,Hastings,1066-10-14T00:00:00Z,https://en.wikipedia.org/wiki/"
                      "Battle_of_Hastings\n"
                      "http://www.wikidata.org/entity/Q48314,Marathon,-0490-01-01T00:00:00Z,https://en.wikipedia.org/wiki/"
                      "Battle_of_Marathon\n")
        << ""
        << "Hastings|14 October 1066|http://www.wikidata.org/entity/Q83224|";
    QTest::newRow("the user's map stands") << QByteArray("eventLabel,event,date\n"
                                                         "Battle of Hastings,http://www.wikidata.org/entity/Q83224,"
                                                         "1066-10-14\n")
                                           << "title=event"
                                           << "http://www.wikidata.org/entity/Q83224|14 October 1066||";
}

void tst_CsvImport::guessesFromContent()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, map);
    CsvImport::Options options;
    if (!map.isEmpty()) {
        options.map.insert(map.section(u'=', 0, 0), map.section(u'=', 1));
    }
    ImportError error;
    const auto result = readText(text, &error, options);
    QVERIFY2(result, qPrintable(error.toString()));
    const Event &event = result->events.first();
    QTEST(QStringList({event.title, event.time.toDisplayString(QLocale(QLocale::English)), event.sources.value(0).url,
                          event.summary})
              .join(u'|'),
        "expected");
}

void tst_CsvImport::jsonRecords_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first"); // the first event: title | date | source address | actors
    QTest::newRow("Wikidata, an array of objects")
        << "wikidata-battles.json" << 4
        << "Battle of Hastings|14 October 1066|https://en.wikipedia.org/wiki/Battle_of_Hastings|";
    QTest::newRow("SPARQL results, bindings") << "sparql-results.json" << 2
                                              << "Battle of Hastings|14 October 1066|http://www.wikidata.org/entity/"
                                                 "Q83224|";
}

void tst_CsvImport::jsonRecords()
{
    QFETCH(QString, file);
    const QString path = QStringLiteral(ANNALS_TEST_DATA "/json/") + file;
    QCOMPARE(Importer::detectFormat(path), u"json-records"_qs);
    QVERIFY(Importer::formats().contains(u"json-records"_qs)); // so that --format and the dialog offer it
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(path, {}, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QTEST(int(result->events.size()), "count");
    const Event &event = result->events.first();
    QStringList actors;
    for (const Actor &actor : event.actors) {
        actors << actor.name;
    }
    QTEST(QStringList({event.title, event.time.toDisplayString(QLocale(QLocale::English)), event.sources.value(0).url,
                          actors.join(u';')})
              .join(u'|'),
        "first");
    QCOMPARE(event.time.precision(), Precision::Day); // every date at midnight: days, not moments
    if (file.startsWith(u"sparql")) {
        // The query's own column order, from head.vars.
        ImportError problem;
        const auto preview = Importer::preview(path, {}, 10, &problem);
        QVERIFY(preview);
        QCOMPARE(preview->headers, QStringList({u"event"_qs, u"eventLabel"_qs, u"date"_qs}));
    }
    if (file.startsWith(u"wikidata")) {
        // 490 BC, an array value as a list, and a record without an article.
        QCOMPARE(result->events[1].time.toDisplayString(QLocale(QLocale::English)), u"12 September 490 BC"_qs);
        QCOMPARE(result->events[2].sources.size(), 0);
        QCOMPARE(result->events[3].actors.size(), 2);
    }
}

void tst_CsvImport::jsonValuesAsText()
{
    // Numbers as written (a huge one without overflowing a qint64), arrays as lists, nested objects as JSON.
    JsonRecords records(
        R"([{"n": 1e300, "m": 3, "l": ["a", "b"], "o": {"x": 1}, "s": {"type": "uri", "value": "u"}}])");
    QStringList fields;
    QVERIFY(records.next(&fields));
    QCOMPARE(fields, QStringList({u"l"_qs, u"m"_qs, u"n"_qs, u"o"_qs, u"s"_qs}));
    QVERIFY(records.next(&fields));
    QCOMPARE(fields, QStringList({u"a; b"_qs, u"3"_qs, u"1e+300"_qs, u"{\"x\":1}"_qs, u"u"_qs}));
    QVERIFY(!records.next(&fields));
    QVERIFY(records.error().isEmpty());
}

void tst_CsvImport::explicitMapAndMissingValues()
{
    CsvImport::Options options;
    options.map = {{u"title"_qs, u"what"_qs}, {u"start"_qs, u"when"_qs}};
    options.missing = {u"NA"_qs};
    ImportError error;
    const auto result = readText("when,what,notes,end\n2020,Census,NA,NA\n", &error, options);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.first().title, QStringLiteral("Census"));
    QCOMPARE(result->events.first().summary, QString());
    QVERIFY(!result->events.first().time.isRange());
}

void tst_CsvImport::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << "in.csv: the file is empty: there is no header row";
    QTest::newRow("no title column") << QByteArray("date,x\n2023,y\n")
                                     << "in.csv:1: no column gives the title; name one with --map title=COLUMN "
                                        "(the columns are date, x)";
    QTest::newRow("bad date") << QByteArray("date,title\n2023-02-30,x\n")
                              << "in.csv:2: field \"date\": \"2023-02-30\" has day 30, but that month has 28 days";
    QTest::newRow("no date") << QByteArray("date,title\n,x\n") << "in.csv:2: field \"date\": an event needs a date";
    QTest::newRow("wrong field count") << QByteArray("date,title\n2023,x,extra\n")
                                       << "in.csv:2: 3 fields where the header has 2";
    QTest::newRow("an open EDTF interval")
        << QByteArray("date,title\n1985/..,x\n")
        << "in.csv:2: field \"date\": an interval or set with an open or unknown end (\"..\") has no date to draw it at";
    QTest::newRow("a start that spans, and an end") << QByteArray("start,end,title\n198X,1990,x\n")
                                                    << "in.csv:2: field \"end\": the start (198X) already spans a "
                                                       "time of its own; give its end there, or leave the end empty";
    QTest::newRow("qualifiers that are no words of Annals")
        << QByteArray("date,title,qualifiers\n1984,x,probably\n")
        << "in.csv:2: field \"qualifiers\": \"probably\" is not a list of the words exact, approximate, uncertain "
           "and within";
    QTest::newRow("unclosed quote") << QByteArray("date,title\n2023,\"x\n2024,y\n")
                                    << "in.csv:2: a quoted field opened here is never closed";
    QTest::newRow("invalid UTF-8") << QByteArray("date,title\n2023,caf\xe9\n")
                                   << "in.csv:2: this line is not valid UTF-8 (give --encoding latin1 if the file is "
                                      "Latin-1)";
    QTest::newRow("binary") << QByteArray("date,title\n2023,a\0b\n", 20)
                            << "in.csv:2: this line holds a NUL byte; is this a text file?";
    QTest::newRow("end before start") << QByteArray("start,end,title\n2023-05,2023-04,x\n")
                                      << "in.csv:2: field \"end\": the end comes before the start";
    QTest::newRow("latitude") << QByteArray("date,title,lat\n2023,x,95\n")
                              << "in.csv:2: field \"lat\": \"95\" is not a number from -90 to 90";
}

void tst_CsvImport::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    ImportError error;
    QVERIFY(!readText(text, &error));
    QCOMPARE(error.toString(), message);
    // The window speaks of its own dialog, never of a command-line flag.
    const QString inWindow = error.toString(ImportError::Audience::Window);
    QVERIFY2(!inWindow.contains(u"--"_qs), qPrintable(inWindow));
    QCOMPARE(inWindow == message, !message.contains(u"--"_qs));
}

void tst_CsvImport::theWindowSpeaksOfItsDialog_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("inWindow");
    QTest::newRow("a field without a column")
        << "no column gives the title; name one with --map title=COLUMN (the columns are a, b)"
        << "no column gives the title; choose its column under \"Columns\" in the Import dialog (the columns are a, b)";
    QTest::newRow("not UTF-8") << "this line is not valid UTF-8 (give --encoding latin1 if the file is Latin-1)"
                               << "this line is not valid UTF-8 (if the file is Latin-1, choose it under \"Encoding\" "
                                  "in the Import dialog)";
    QTest::newRow("a column the map names") << "--map: there is no column \"Date\"; the columns are a, b"
                                            << "there is no column \"Date\"; the columns are a, b";
}

void tst_CsvImport::theWindowSpeaksOfItsDialog()
{
    QFETCH(QString, message);
    QFETCH(QString, inWindow);
    const ImportError error{u"in.csv"_qs, 2, 0, QString(), message};
    QCOMPARE(error.toString(), u"in.csv:2: "_qs + message);
    QCOMPARE(error.toString(ImportError::Audience::Window), u"in.csv:2: "_qs + inWindow);
}

void tst_CsvImport::unknownCountriesAreKeptAndCounted()
{
    // A country no table knows costs the event nothing but that country: the name as written joins the place, and
    // the report counts it.
    ImportError error;
    const auto result = readText("date,title,country,place\n2023,Talks,Atlantis; France,Poseidonia\n"
                                 "2024,More talks,Atlantis,\n2024,Elsewhere,Ruritania,\n",
        &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.size(), 3);
    QCOMPARE(result->events[0].countries, QStringList{u"FR"_qs});
    QCOMPARE(result->events[0].location.place, u"Poseidonia, Atlantis"_qs);
    QCOMPARE(result->events[1].countries, QStringList());
    QCOMPARE(result->events[1].location.place, u"Atlantis"_qs);
    QCOMPARE(result->unknownCountries, (QMap<QString, qsizetype>{{u"Atlantis"_qs, 2}, {u"Ruritania"_qs, 1}}));
    QCOMPARE(Importer::unknownCountriesNote(result->unknownCountries),
        u"3 events name a country Annals does not know; they are kept without it, the name as written in the place: "
        "Atlantis (2), Ruritania (1)."_qs);
}

void tst_CsvImport::skipInvalidKeepsTheGoodOnes()
{
    CsvImport::Options options;
    options.skipInvalid = true;
    ImportError error;
    const auto result = readText("date,title,country\n2023-13-01,Bad,RU\n2023-05-01,Good,FR\n2023,Worse,FR,x\n"
                                 "1899000-01-01T00:00:00Z,Damaged,FR\n",
        &error, options);
    QVERIFY(result);
    QCOMPARE(result->events.size(), 1);
    QCOMPARE(result->events.first().title, QStringLiteral("Good"));
    QCOMPARE(result->skipped.size(), 3);
    QCOMPARE(result->skipped[2].line, 5); // the year 1,899,000 is left out, not stretched over
    QCOMPARE(result->skipped[1].toString(), QStringLiteral("in.csv:4: 4 fields where the header has 3"));
}

void tst_CsvImport::idsAreStable()
{
    ImportError error;
    const QByteArray text("date,title\n2023-05-22,Press conference\n2023-05-22,Press conference at noon\n");
    const auto first = readText(text, &error);
    const auto second = readText(text, &error);
    QVERIFY(first && second);
    QCOMPARE(first->events[0].id, second->events[0].id);
    QVERIFY(first->events[0].id != first->events[1].id);
}

void tst_CsvImport::timelineJsTemplate()
{
    // TimelineJS's Google-Sheets template (../shared/data/real): CRLF, no final newline, quoted fields that span
    // lines, "" escapes, dates in Year/Month/Day columns, and a first row that is the title slide.
    ImportError error;
    const auto result = CsvImport::readFile(
        QStringLiteral(ANNALS_SHARED_DIR "/data/real/timelinejs/women_in_computing.csv"), {}, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.size(), 10);
    const Event &ada = result->events.first();
    QCOMPARE(ada.title, QStringLiteral("Ada Lovelace"));
    QCOMPARE(
        ada.time.toDisplayString(QLocale(QLocale::English)), QStringLiteral("10 December 1815 – 27 November 1852"));
    QCOMPARE(result->events.last().title, QStringLiteral("\"The Mother of the Internet\""));
    for (const Event &event : result->events) {
        QVERIFY2(!event.summary.contains(u'<'), qPrintable(event.summary.left(80)));
    }
}

void tst_CsvImport::otherEncodings()
{
    const QByteArray latin1("date,title\n2023,Caf\xe9 talks\n");
    ImportError error;
    QVERIFY(!readText(latin1, &error));
    CsvImport::Options options;
    options.encoding = u"latin1"_qs;
    const auto result = readText(latin1, &error, options);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.first().title, QStringLiteral("Café talks"));
    options.encoding = u"klingon"_qs;
    QVERIFY(!readText(latin1, &error, options));
    QCOMPARE(error.toString(), QStringLiteral("in.csv: --encoding: \"klingon\" is not an encoding this system knows"));
}

QTEST_GUILESS_MAIN(tst_CsvImport)
#include "tst_csvimport.moc"
