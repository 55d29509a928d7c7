// SPDX-License-Identifier: GPL-3.0-or-later
// The .timeline XML of Timeline, the desktop program (tests/data/timeline, see the README there).
#include "io/importer.h"
#include "io/timelinexmlimport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSet>
#include <QTest>

namespace {

const QString kFixture = QStringLiteral(ANNALS_TEST_DATA "/timeline/sco-2023.timeline");

std::optional<Importer::Result> readFixture()
{
    ImportError error;
    std::optional<Importer::Result> result = Importer::readFile(kFixture, {}, &error);
    if (!result) {
        qWarning("%s", qPrintable(error.toString()));
    }
    return result;
}

} // namespace

class tst_TimelineXmlImport : public QObject {
    Q_OBJECT

private slots:
    void detected_data();
    void detected();
    void events_data();
    void events();
    void sourcesAndDescription();
    void reimportChangesNothing();
    void endsTodayKeepsItsIdAsTheDaysGo();
    void secondsAndNumbering();
};

void tst_TimelineXmlImport::detected_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    QTest::newRow("by its root element") << QByteArray("<?xml version=\"1.0\"?>\n<timeline><version>2.6.0</version>")
                                         << "saved.xml"
                                         << "timeline";
    QTest::newRow("by its name, when empty") << QByteArray() << "new.timeline"
                                             << "timeline";
    // Other XML is named as XML, not read as CSV ("the columns are <?xml version=...").
    QTest::newRow("KML") << QByteArray("<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">")
                         << "places.kml"
                         << "xml";
}

void tst_TimelineXmlImport::detected()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    const QString path = QDir::temp().filePath(name);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    QTEST(Importer::detectFormat(path), "format");
    QVERIFY(Importer::fileDialogFilter().contains(u"*.timeline"_qs));
    file.remove();
}

void tst_TimelineXmlImport::events_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("tags");
    QTest::newRow("era") << "Russia chairs the SCO"
                         << "16 September 2022 – 4 July 2023"
                         << "era" << QStringList();
    QTest::newRow("a time of day, entities") << "Joint statement on the partnership <2023>"
                                             << "21 March 2023, 14:30–16:00 UTC"
                                             << "statements" << QStringList{u"Statements"_qs};
    QTest::newRow("fuzzy, no category") << "Consultations on the summit's agenda"
                                        << "c. 1–30 April 2023" << QString() << QStringList();
    QTest::newRow("container, category with its parent")
        << "Mishustin visits China"
        << "22–24 May 2023"
        << "visits" << QStringList{u"Mishustin visits China"_qs, u"Visits"_qs, u"Diplomacy"_qs};
    QTest::newRow("subevent before its container")
        << "Talks with Li Qiang"
        << "23 May 2023"
        << "visits" << QStringList{u"Visits"_qs, u"Diplomacy"_qs, u"Mishustin visits China"_qs};
    QTest::newRow("milestone, Chinese title") << "上海合作组织峰会 (SCO summit, online)"
                                              << "4 July 2023"
                                              << "diplomacy" << QStringList{u"Diplomacy"_qs};
    QTest::newRow("escaped bracket, ends today (the file's now)") << "[Draft] India chairs the SCO"
                                                                  << "5 July – 1 September 2023"
                                                                  << "diplomacy" << QStringList{u"Diplomacy"_qs};
}

void tst_TimelineXmlImport::events()
{
    QFETCH(QString, title);
    const std::optional<Importer::Result> result = readFixture();
    QVERIFY(result);
    QCOMPARE(result->format, u"timeline"_qs);
    QCOMPARE(result->events.size(), 8);
    const auto it = std::find_if(
        result->events.cbegin(), result->events.cend(), [&](const Event &event) { return event.title == title; });
    QVERIFY2(it != result->events.cend(), qPrintable(title));
    QTEST(it->time.toDisplayString(QLocale(QLocale::English)), "when");
    QTEST(it->kind, "kind");
    QTEST(it->tags, "tags");
}

void tst_TimelineXmlImport::sourcesAndDescription()
{
    const std::optional<Importer::Result> result = readFixture();
    QVERIFY(result);
    const auto it = std::find_if(result->events.cbegin(), result->events.cend(),
        [](const Event &event) { return event.title == QLatin1String("Mishustin visits China"); });
    QVERIFY(it != result->events.cend());
    // Plain text, lines and entities as written; the javascript: link is no source.
    QCOMPARE(it->summary, u"The Russian prime minister's first visit to China.\nThree days: Beijing & Shanghai."_qs);
    QCOMPARE(it->sources.size(), 2);
    QCOMPARE(it->sources[0].url, u"https://www.example.org/mishustin-china"_qs);
    QCOMPARE(it->sources[1].url, u"http://news.example.com/a?b=1&c=2"_qs);
    QCOMPARE(it->sources[1].name, u"news.example.com"_qs);
}

void tst_TimelineXmlImport::reimportChangesNothing()
{
    // Timeline has no ids: Annals derives them from the content, so the same file twice gives the same ids, and
    // no two different events share one.
    const std::optional<Importer::Result> first = readFixture();
    const std::optional<Importer::Result> second = readFixture();
    QVERIFY(first && second);
    QSet<QString> ids;
    for (qsizetype i = 0; i < first->events.size(); ++i) {
        QCOMPARE(first->events[i].id, second->events[i].id);
        ids.insert(first->events[i].id);
    }
    QCOMPARE(ids.size(), first->events.size());
}

namespace {

// A Timeline file of one event that goes on, saved with the given <now> (or none, as Timeline 2.5 writes them).
QByteArray goingOn(const QByteArray &now)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<timeline>\n<version>2.5.0</version>\n"
           "<timetype>gregoriantime</timetype>\n<categories/>\n<events>\n<event>\n"
           "<start>2023-07-05 00:00:00</start>\n<end>2023-07-05 00:00:00</end>\n<text>India chairs the SCO</text>\n"
           "<fuzzy>False</fuzzy>\n<locked>False</locked>\n<ends_today>True</ends_today>\n</event>\n</events>\n"
        + (now.isEmpty() ? QByteArray() : "<now>" + now + "</now>\n") + "<view/>\n</timeline>\n";
}

} // namespace

void tst_TimelineXmlImport::endsTodayKeepsItsIdAsTheDaysGo()
{
    // An event that "ends today" ends on the saved <now>, or without one on the day it is imported: its id must
    // not move with that day, or importing the file again would add it again.
    ImportError error;
    const auto read = [&](const QByteArray &now) {
        const std::optional<TimelineXmlImport::Result> result
            = TimelineXmlImport::read(goingOn(now), u"going-on.timeline"_qs, false, &error);
        return result && result->events.size() == 1 ? result->events.first() : Event();
    };
    const Event september = read("2023-09-01 12:00:00");
    const Event october = read("2023-10-01 12:00:00");
    const Event today = read({});
    QCOMPARE(september.time.toDisplayString(QLocale(QLocale::English)), u"5 July – 1 September 2023"_qs);
    QCOMPARE(october.time.toDisplayString(QLocale(QLocale::English)), u"5 July – 1 October 2023"_qs);
    const qint64 midnight = TimePoint::periodStart(QDateTime::currentSecsSinceEpoch(), Precision::Day);
    QCOMPARE(today.time.end().value_or(0), midnight);
    QVERIFY(!september.id.isEmpty());
    QCOMPARE(october.id, september.id);
    QCOMPARE(today.id, september.id);
}

void tst_TimelineXmlImport::secondsAndNumbering()
{
    // Timeline writes seconds: kept where they are not zero. Events and eras are numbered apart in messages.
    const QByteArray xml = "<?xml version=\"1.0\"?>\n<timeline>\n<version>2.6.0</version>\n"
                           "<timetype>gregoriantime</timetype>\n<eras>\n<era>\n<name>Bad era</name>\n"
                           "<start>2023-02-30 00:00:00</start>\n<end>2023-03-01 00:00:00</end>\n</era>\n</eras>\n"
                           "<events>\n<event>\n<start>2023-05-22 17:36:49</start>\n<end>2023-05-22 17:36:49</end>\n"
                           "<text>Noted</text>\n<fuzzy>True</fuzzy>\n</event>\n<event>\n<start>2023-05-23 09:00:00</start>\n"
                           "<end>2023-05-23 10:00:00</end>\n<text>Talks</text>\n</event>\n</events>\n</timeline>\n";
    ImportError error;
    const std::optional<TimelineXmlImport::Result> strict
        = TimelineXmlImport::read(xml, u"numbered.timeline"_qs, false, &error);
    QVERIFY(!strict);
    QVERIFY2(error.toString().contains(u"era 1 (\"Bad era\"), field \"start\""_qs), qPrintable(error.toString()));
    const std::optional<TimelineXmlImport::Result> result
        = TimelineXmlImport::read(xml, u"numbered.timeline"_qs, true, &error);
    QVERIFY(result);
    QCOMPARE(result->events.size(), 2);
    QCOMPARE(result->events[0].time.precision(), Precision::Second);
    QCOMPARE(result->events[0].time.toDisplayString(QLocale(QLocale::English)), u"c. 22 May 2023, 17:36:49 UTC"_qs);
    QCOMPARE(result->events[1].time.precision(), Precision::Minute);
}

QTEST_GUILESS_MAIN(tst_TimelineXmlImport)
#include "tst_timelinexmlimport.moc"
