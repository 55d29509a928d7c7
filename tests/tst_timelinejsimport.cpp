// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineJS files written by other people (../shared/data/real/timelinejs, see PROVENANCE.md there).
#include "io/html.h"
#include "io/importer.h"
#include "io/timelinejsimport.h"
#include "storage/eventstore.h"

#include <QFile>
#include <QLocale>
#include <QTest>

namespace {

QString real(const char *name)
{
    return QStringLiteral(ANNALS_SHARED_DIR "/data/real/timelinejs/") + QLatin1String(name);
}

QString display(const Event &event)
{
    return event.time.toDisplayString(QLocale(QLocale::English));
}

} // namespace

class tst_TimelineJsImport : public QObject {
    Q_OBJECT

private slots:
    void realFiles_data();
    void realFiles();
    void deepTimeAndEras();
    void htmlBecomesText_data();
    void htmlBecomesText();
    void brokenFile();
    void tellsTimelineJsFromAnnals();
    void namesAnUntitledTimeline();
};

void tst_TimelineJsImport::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("firstTitle");
    QTest::addColumn<QString>("firstDate");
    QTest::addColumn<QString>("lastTitle"); // in the file's order
    QTest::addColumn<QString>("lastDate");
    QTest::newRow("marktwain") << real("marktwain.json") << 17 << "" // its title slide has no headline
                               << "Samuel Langhorne Clemens (November 30, 1835 – April 21, 1910), better known by his "
                                  "pen name Mark Twain, was an American author and humorist."
                               << "13 May 1908"
                               << "Get started!"
                               << "2014";
    QTest::newRow("eras") << real("eras.json") << 23 << ""
                          << "Last great Roman-Persian War."
                          << "602–629"
                          << "Era Test 700-720"
                          << "700–720";
    QTest::newRow("cosmo") << real("cosmo.json") << 7 << ""
                           << "The Big Bang"
                           << "13,800,000,000 BC"
                           << "oldest known depiction of a wheeled vehicle"
                           << "3500 BC";
    QTest::newRow("women in computing") << real("women_in_computing.json") << 10 << "Women in Computing"
                                        << "Ada Lovelace"
                                        << "10 December 1815 – 27 November 1852"
                                        << "\"The Mother of the Internet\""
                                        << "1985";
}

void tst_TimelineJsImport::realFiles()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, title);
    QFETCH(QString, firstTitle);
    QFETCH(QString, firstDate);
    ImportError error;
    const auto result = TimelineJsImport::readFile(file, false, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.size(), count);
    if (!title.isEmpty()) {
        QVERIFY2(result->title.startsWith(title), qPrintable(result->title));
    }
    QVERIFY2(result->events.first().title.startsWith(firstTitle.left(60)), qPrintable(result->events.first().title));
    QCOMPARE(display(result->events.first()), firstDate);
    QFETCH(QString, lastTitle);
    QFETCH(QString, lastDate);
    QCOMPARE(result->events.last().title, lastTitle);
    QCOMPARE(display(result->events.last()), lastDate);
    for (const Event &event : result->events) {
        QVERIFY(!event.id.isEmpty());
        QVERIFY2(
            !event.title.contains(u'<') && !event.summary.contains(QStringLiteral("<p>")), qPrintable(event.title));
    }
}

void tst_TimelineJsImport::deepTimeAndEras()
{
    ImportError error;
    const auto cosmo = TimelineJsImport::readFile(real("cosmo.json"), false, &error);
    QVERIFY(cosmo);
    QStringList dates;
    for (const Event &event : cosmo->events) {
        dates << display(event);
    }
    QVERIFY2(dates.contains(QStringLiteral("538,800,000–251,902,000 BC")), qPrintable(dates.join(u" | ")));
    QVERIFY(dates.contains(QStringLiteral("3500 BC")));
    const auto eras = TimelineJsImport::readFile(real("eras.json"), false, &error);
    QVERIFY(eras);
    int count = 0;
    for (const Event &event : eras->events) {
        if (event.kind == QLatin1String("era")) {
            ++count;
            QVERIFY(event.time.isRange());
        }
    }
    QCOMPARE(count, 3);
}

void tst_TimelineJsImport::htmlBecomesText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << " plain "
                           << "plain";
    QTest::newRow("tags") << "<p>One <b>bold</b> word</p><p>Two</p>"
                          << "One bold word\nTwo";
    QTest::newRow("entities") << "Fish &amp; chips &lt;3 &#8212; &#x41; &nbsp;x &bogus;"
                              << "Fish & chips <3 — A x &bogus;";
    QTest::newRow("script dropped") << "a<script>alert(1)</script>b"
                                    << "ab";
    QTest::newRow("line breaks") << "a<br>b<br/>c"
                                 << "a\nb\nc";
}

void tst_TimelineJsImport::htmlBecomesText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(Html::toPlainText(html), text);
}

void tst_TimelineJsImport::brokenFile()
{
    // error_message_test.json is broken on purpose: an event with no start_date.
    ImportError error;
    QVERIFY(!TimelineJsImport::readFile(real("error_message_test.json"), false, &error));
    QVERIFY2(
        error.toString().endsWith(QStringLiteral(
            "error_message_test.json:293:9: event 10 (\"Hawaii\"), field \"start_date\": an event needs a start_date")),
        qPrintable(error.toString()));
    const auto lenient = TimelineJsImport::readFile(real("error_message_test.json"), true, &error);
    QVERIFY(lenient);
    QCOMPARE(lenient->events.size(), 16);
    QCOMPARE(lenient->skipped.size(), 1);
}

void tst_TimelineJsImport::tellsTimelineJsFromAnnals()
{
    QFile file(real("cosmo.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(TimelineJsImport::looksLikeTimelineJs(file.readAll()));
    QVERIFY(!TimelineJsImport::looksLikeTimelineJs(R"({"format": "annals", "events": []})"));
    QVERIFY(!TimelineJsImport::looksLikeTimelineJs(R"([{"title": "x", "start": "2023"}])"));
}

QTEST_GUILESS_MAIN(tst_TimelineJsImport)
void tst_TimelineJsImport::namesAnUntitledTimeline()
{
    // A TimelineJS file's title slide names a timeline that has no title yet, and no other one.
    const QString dir = QStringLiteral(ANNALS_SHARED_DIR "/data/real/timelinejs/");
    EventStore store(u":memory:"_qs);
    QVERIFY(store.open());
    ImportError error;
    QVERIFY(Importer::importFile(dir + u"women_in_computing.json"_qs, {}, store, &error));
    QCOMPARE(store.title(), u"Women in Computing"_qs);
    QVERIFY(Importer::importFile(dir + u"cosmo.json"_qs, {}, store, &error));
    QCOMPARE(store.title(), u"Women in Computing"_qs);
}

#include "tst_timelinejsimport.moc"
