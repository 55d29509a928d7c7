// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/datetext.h"
#include "io/jsonformat.h"

#include <QTest>

class tst_JsonFormat : public QObject {
    Q_OBJECT

private slots:
    void writeThenReadGivesEqualEvents();
    void readsMinimalEvents_data();
    void readsMinimalEvents();
    void idsAreStableWithoutAnId();
    void badFiles_data();
    void badFiles();
    void missingFileNamesTheFile();
};

namespace {

Event richEvent()
{
    Event event;
    event.id = QStringLiteral("e-1");
    event.title = QStringLiteral("Talks in Moscow, \"round two\"");
    event.summary = QStringLiteral("Line one\nLine two <b>not bold</b>");
    event.kind = QStringLiteral("talks");
    event.time
        = EventTime(TimePoint::parse(u"2023-03-20")->seconds, TimePoint::parse(u"2023-03-22")->seconds, Precision::Day);
    event.actors = {{QStringLiteral("Xi Jinping"), QStringLiteral("CN"), QStringLiteral("guest"),
                        QStringLiteral("President of China"), Actor::Type::Person},
        {QStringLiteral("SCO"), QString(), QStringLiteral("subject"), QString(), Actor::Type::Organisation}};
    event.countries = {QStringLiteral("IN")};
    event.location = {QStringLiteral("Moscow"), QStringLiteral("RU"), 55.7558, 37.6173};
    event.quotes = {{QStringLiteral("Xi Jinping"), QStringLiteral("Good … relations")}};
    event.sources = {{QStringLiteral("RIA Novosti"), QStringLiteral("https://ria.ru/x"), QStringLiteral("2023-05-23")}};
    event.tags = {QStringLiteral("SCO"), QStringLiteral("BRICS")};
    return event;
}

// An event with nothing but an id, a title and a time at the precision the text gives.
Event bareEvent(const QString &start)
{
    Event event;
    event.id = start;
    event.title = QStringLiteral("Event at ") + start;
    const TimePoint point = *TimePoint::parse(start);
    event.time = EventTime(point.seconds, point.precision);
    return event;
}

} // namespace

void tst_JsonFormat::writeThenReadGivesEqualEvents()
{
    QList<Event> events{richEvent(), bareEvent(u"490 BC"_qs), bareEvent(u"-13800000000"_qs),
        bareEvent(u"2023-05-22T09:15Z"_qs), bareEvent(u"2023-03"_qs)};
    // Times whose zeros read coarser than they are (10:00:00 to 10:05:30 is to the second; .000 to .300 to the
    // millisecond), a millisecond at a whole second, and qualified dates, as written and as flags alone.
    for (const char *time : {"2023-05-22T10:00:00Z/2023-05-22T10:05:30Z", "2023-05-22T14:30:15.000Z/2023-05-22T14:30:15.300Z",
             "c. 383", "Between 47 and 50", "[1667,1668]", "198X", "1984%"}) {
        events << bareEvent(u"2023"_qs);
        events.last().id = QString::fromLatin1(time);
        events.last().time = *DateText::parse(QString::fromLatin1(time));
    }
    events << bareEvent(u"2023-05-22T14:30:15Z"_qs);
    events.last().time = events.last().time.withPrecision(Precision::Millisecond);
    events << bareEvent(u"0047"_qs);
    events.last().time = EventTime(events.last().time.start(), TimePoint::parse(u"0050")->seconds, Precision::Year);
    events.last().time.setQualifiers(EventTime::Within | EventTime::Approximate);

    ImportError error;
    const auto document = JsonFormat::read(JsonFormat::write(events, QStringLiteral("Title")), u"x.json"_qs, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    QCOMPARE(document->title, QStringLiteral("Title"));
    QCOMPARE(document->events.size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QVERIFY2(document->events[i] == events[i], qPrintable(events[i].id));
    }
}

void tst_JsonFormat::readsMinimalEvents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QStringList>("countries");

    QTest::newRow("bare array") << QByteArray(R"([{"title": "A", "start": "2023-05"}])") << "May 2023" << QStringList();
    QTest::newRow("numeric year") << QByteArray(R"({"events": [{"title": "A", "start": -489}]})") << "490 BC"
                                  << QStringList();
    QTest::newRow("coarser precision") << QByteArray(R"([{"title": "A", "start": "2023-05-22", "precision": "month"}])")
                                       << "May 2023" << QStringList();
    QTest::newRow("country names become codes")
        << QByteArray(R"([{"title": "A", "start": "2023", "countries": ["China", "rus"],
                           "actors": [{"name": "B", "country": "India"}]}])")
        << "2023" << QStringList{u"CN"_qs, u"RU"_qs};
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF[{\"title\": \"A\", \"start\": \"2023\"}]") << "2023"
                         << QStringList();
}

void tst_JsonFormat::readsMinimalEvents()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, display);
    QFETCH(QStringList, countries);
    ImportError error;
    const auto document = JsonFormat::read(json, u"x.json"_qs, &error);
    QVERIFY2(document, qPrintable(error.toString()));
    QCOMPARE(document->events.size(), 1);
    QCOMPARE(document->events.first().time.toDisplayString(QLocale(QLocale::English)), display);
    QCOMPARE(document->events.first().countries, countries);
}

void tst_JsonFormat::idsAreStableWithoutAnId()
{
    const QByteArray json(R"([{"title": "A", "start": "2023"}, {"title": "B", "start": "2023"}])");
    const auto first = JsonFormat::read(json, u"x.json"_qs, nullptr);
    const auto second = JsonFormat::read(json, u"x.json"_qs, nullptr);
    QVERIFY(first && second);
    QVERIFY(!first->events[0].id.isEmpty());
    QCOMPARE(first->events[0].id, second->events[0].id);
    QVERIFY(first->events[0].id != first->events[1].id);
}

void tst_JsonFormat::badFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("syntax error") << QByteArray("{\n  \"events\": [\n    {\"title\": \"A\",, }\n  ]\n}")
                                  << "bad.json:3:20: this is not valid JSON: unterminated object";
    QTest::newRow("unterminated") << QByteArray("[{\"title\": \"A\"")
                                  << "bad.json:1:15: this is not valid JSON: unterminated string";
    QTest::newRow("empty file") << QByteArray("") << "bad.json:1:1: this is not valid JSON: illegal value";
    QTest::newRow("no events") << QByteArray("{\"title\": \"x\"}")
                               << "bad.json:1:1: events: there is no list of \"events\"";
    QTest::newRow("missing title") << QByteArray(
        "[\n  {\"title\": \"A\", \"start\": \"2023\"},\n  {\"start\": \"2023\"}\n]")
                                   << "bad.json:3:3: event 2, field \"title\": an event needs a title";
    QTest::newRow("blank title") << QByteArray("[{\"title\": \"  \", \"start\": \"2023\"}]")
                                 << "bad.json:1:2: event 1, field \"title\": an event needs a title";
    QTest::newRow("missing start") << QByteArray("[{\"title\": \"A\"}]")
                                   << "bad.json:1:2: event 1 (\"A\"), field \"start\": an event needs a start date";
    QTest::newRow("bad date") << QByteArray("{\"events\": [\n {\"title\": \"A\",\n  \"start\": \"2023-02-30\"}]}")
                              << "bad.json:3:12: event 1 (\"A\"), field \"start\": \"2023-02-30\" has day 30, but "
                                 "that month has 28 days";
    QTest::newRow("date not a string") << QByteArray("[{\"title\": \"A\", \"start\": true}]")
                                       << "bad.json:1:26: event 1 (\"A\"), field \"start\": must be a date string "
                                          "such as \"2023-03-21\"";
    QTest::newRow("end before start")
        << QByteArray("[{\"title\": \"A\", \"start\": \"2023-05\", \"end\": \"2023-04\"}]")
        << "bad.json:1:44: event 1 (\"A\"), field \"end\": the end comes before the start";
    QTest::newRow("mixed precision") << QByteArray(
        "[{\"title\": \"A\", \"start\": \"2023-05\", \"end\": \"2023-06-01\"}]")
                                     << "bad.json:1:44: event 1 (\"A\"), field \"end\": the end is given to the day "
                                        "but the start to the month; give both alike";
    QTest::newRow("finer precision") << QByteArray("[{\"title\": \"A\", \"start\": \"2023\", \"precision\": \"day\"}]")
                                     << "bad.json:1:47: event 1 (\"A\"), field \"precision\": \"day\" is finer than "
                                        "the start date gives";
    QTest::newRow("unknown country") << QByteArray(
        "[{\"title\": \"A\", \"start\": \"2023\",\n \"countries\": [\"RU\", \"XX\"]}]")
                                     << "bad.json:2:22: event 1 (\"A\"), field \"countries\": \"XX\" is not a country "
                                        "known to ISO 3166-1; use a code such as \"CN\"";
    QTest::newRow("unknown actor country")
        << QByteArray(
               "[{\"title\": \"A\", \"start\": \"2023\", \"actors\": [{\"name\": \"B\", \"country\": \"Narnia\"}]}]")
        << "bad.json:1:70: event 1 (\"A\"), field \"actors\": \"Narnia\" is not a country known to ISO 3166-1; use a "
           "code such as \"CN\"";
    QTest::newRow("actor without name") << QByteArray("[{\"title\": \"A\", \"start\": \"2023\", \"actors\": [{}]}]")
                                        << "bad.json:1:45: event 1 (\"A\"), field \"actors\": an actor needs a name";
    QTest::newRow("actors not a list") << QByteArray("[{\"title\": \"A\", \"start\": \"2023\", \"actors\": \"B\"}]")
                                       << "bad.json:1:44: event 1 (\"A\"), field \"actors\": must be a list in [ ]";
    QTest::newRow("latitude out of range")
        << QByteArray("[{\"title\": \"A\", \"start\": \"2023\", \"location\": {\"lat\": 91}}]")
        << "bad.json:1:54: event 1 (\"A\"), field \"location\": lat must be a number from -90 to 90";
    QTest::newRow("event not an object") << QByteArray("[42]")
                                         << "bad.json:1:2: event 1: an event must be a JSON object";
    QTest::newRow("other format") << QByteArray("{\"format\": \"timelinejs\", \"events\": []}")
                                  << "bad.json:1:12: format: this file is not in Annals' format";
    QTest::newRow("newer version") << QByteArray("{\"format\": \"annals\", \"version\": 9, \"events\": []}")
                                   << "bad.json:1:33: version: written by a newer Annals (format version 9; this one "
                                      "reads 1)";
    QTest::newRow("column counts characters, not bytes")
        << QByteArray("[{\"title\": \"Überraschung\", \"start\": \"2023-99\"}]")
        << "bad.json:1:37: event 1 (\"Überraschung\"), field \"start\": \"2023-99\" has month 99; a month runs from 1 "
           "to 12";
}

void tst_JsonFormat::badFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    ImportError error;
    QVERIFY(!JsonFormat::read(json, u"bad.json"_qs, &error));
    QCOMPARE(error.toString(), message);
}

void tst_JsonFormat::missingFileNamesTheFile()
{
    ImportError error;
    QVERIFY(!JsonFormat::readFile(u"/nonexistent/events.json"_qs, &error));
    QVERIFY2(error.toString().startsWith(u"/nonexistent/events.json: "_qs), qPrintable(error.toString()));
}

QTEST_GUILESS_MAIN(tst_JsonFormat)
#include "tst_jsonformat.moc"
