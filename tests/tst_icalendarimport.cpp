// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/icalendarimport.h"

#include <QLocale>
#include <QSet>
#include <QTest>

namespace {

QString display(const Event &event)
{
    return event.time.toDisplayString(QLocale(QLocale::English));
}

const QByteArray kCalendar = "BEGIN:VCALENDAR\r\n"
                             "VERSION:2.0\r\n"
                             "PRODID:-//Annals tests//EN\r\n"
                             "X-WR-CALNAME:Summits\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:all-day@test\r\n"
                             "DTSTART;VALUE=DATE:20230522\r\n"
                             "DTEND;VALUE=DATE:20230524\r\n"
                             "SUMMARY:Two-day summit\\, Moscow\r\n"
                             "DESCRIPTION:First line\\nsecond li\r\n"
                             " ne\r\n"
                             "END:VEVENT\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:london@test\r\n"
                             "DTSTART;TZID=Europe/London:20230601T100000\r\n"
                             "DTEND;TZID=Europe/London:20230601T113000\r\n"
                             "SUMMARY:Talks in London\r\n"
                             "END:VEVENT\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:weekly@test\r\n"
                             "DTSTART:20230102T090000Z\r\n"
                             "DTEND:20230102T093000Z\r\n"
                             "RRULE:FREQ=WEEKLY;COUNT=3\r\n"
                             "SUMMARY:Weekly briefing\r\n"
                             "END:VEVENT\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:forever@test\r\n"
                             "DTSTART:20230101T120000Z\r\n"
                             "RRULE:FREQ=DAILY\r\n"
                             "SUMMARY:Daily note\r\n"
                             "END:VEVENT\r\n"
                             "END:VCALENDAR\r\n";

} // namespace

class tst_ICalendarImport : public QObject {
    Q_OBJECT

private slots:
    void realFile();
    void allDayTimeZonesAndFolding();
    void recurrencesAreExpandedWithinBounds();
    void overridesAndExceptions_data();
    void overridesAndExceptions();
    void errors();
};

void tst_ICalendarImport::realFile()
{
    ImportError error;
    const auto result = ICalendarImport::readFile(
        QStringLiteral(ANNALS_SHARED_DIR "/data/real/ics/lgbthistoryfestival_2015_academic.ics"), false, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->title, QStringLiteral("Conference"));
    QCOMPARE(result->events.size(), 20);
    const Event &first = result->events.first();
    QCOMPARE(first.title, QStringLiteral("Panel 6: What Narratives can we include in LGBTI History?"));
    // UTC times, although the calendar names Europe/London.
    QCOMPARE(display(first), QStringLiteral("15 February 2015, 10:00–11:30 UTC"));
    QCOMPARE(first.id, QStringLiteral("k6h9qk8qikp1nvbrr2862nhemk@google.com"));
    // Escaped commas and newlines, and lines folded mid-word, come back whole.
    QVERIFY(first.summary.startsWith(QStringLiteral("Chair: Dr {Justin Bengry} (Birkbeck, University of London)\n")));
    QVERIFY(first.summary.contains(QStringLiteral("difficulties in the study")));
    QCOMPARE(first.location.place, QString()); // an empty LOCATION
    const Event &last = result->events.last(); // in the file's order
    QCOMPARE(last.title, QStringLiteral("Closing remarks and notices"));
    QCOMPARE(display(last), QStringLiteral("14 February 2015, 16:00–16:15 UTC"));
}

void tst_ICalendarImport::allDayTimeZonesAndFolding()
{
    ImportError error;
    const auto result = ICalendarImport::read(kCalendar, u"test.ics"_qs, false, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->title, QStringLiteral("Summits"));
    const Event &summit = result->events[0];
    QCOMPARE(summit.title, QStringLiteral("Two-day summit, Moscow"));
    QCOMPARE(summit.summary, QStringLiteral("First line\nsecond line"));
    QCOMPARE(display(summit), QStringLiteral("22–23 May 2023")); // DTEND is exclusive
    QCOMPARE(summit.time.precision(), Precision::Day);
    // 10:00 in London in June is 09:00 UTC.
    QCOMPARE(display(result->events[1]), QStringLiteral("1 June 2023, 09:00–10:30 UTC"));
}

void tst_ICalendarImport::recurrencesAreExpandedWithinBounds()
{
    ImportError error;
    const auto result = ICalendarImport::read(kCalendar, u"test.ics"_qs, false, &error);
    QVERIFY(result);
    QStringList weekly;
    int daily = 0;
    for (const Event &event : result->events) {
        if (event.title == QLatin1String("Weekly briefing")) {
            weekly << display(event) + u'|' + event.id;
        }
        daily += event.title == QLatin1String("Daily note") ? 1 : 0;
    }
    QCOMPARE(weekly,
        (QStringList{u"2 January 2023, 09:00–09:30 UTC|weekly@test"_qs,
            u"9 January 2023, 09:00–09:30 UTC|weekly@test/2023-01-09T09:00Z"_qs,
            u"16 January 2023, 09:00–09:30 UTC|weekly@test/2023-01-16T09:00Z"_qs}));
    // An endless rule stops at the bound.
    QCOMPARE(daily, ICalendarImport::kMaxOccurrences);
}

void tst_ICalendarImport::overridesAndExceptions_data()
{
    // tests/data/ics/overrides.ics: three series, each with a RECURRENCE-ID override that shares its UID (one
    // written before its series), EXDATEs on separate lines, a UTC UNTIL that falls on an occurrence, and a
    // VTIMEZONE whose historical offset has seconds (-000115), so 10:00 there is 10:01:15 UTC.
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("title");
    QTest::newRow("first occurrence") << "talks@harbour"
                                      << "5 June 1911, 10:01:15–11:01:15 UTC"
                                      << "Harbour talks";
    QTest::newRow("override, moved two days") << "talks@harbour/1911-06-26T10:01:15Z"
                                              << "28 June 1911, 15:01:15–16:01:15 UTC"
                                              << "Harbour talks (moved to Wednesday)";
    QTest::newRow("UNTIL in UTC is inclusive") << "talks@harbour/1911-07-03T10:01:15Z"
                                               << "3 July 1911, 10:01:15–11:01:15 UTC"
                                               << "Harbour talks";
    QTest::newRow("all-day series") << "fair@town"
                                    << "2 January 2023"
                                    << "Town fair";
    QTest::newRow("all-day override, moved a week") << "fair@town/2023-01-04"
                                                    << "10 January 2023"
                                                    << "Town fair (rained off, held later)";
    QTest::newRow("all-day, after the override") << "fair@town/2023-01-06"
                                                 << "6 January 2023"
                                                 << "Town fair";
    QTest::newRow("override of the first occurrence") << "briefing@desk"
                                                      << "1 March 2023, 09:30 UTC"
                                                      << "Briefing (late start)";
}

void tst_ICalendarImport::overridesAndExceptions()
{
    QFETCH(QString, id);
    ImportError error;
    const auto result = ICalendarImport::readFile(QStringLiteral(ANNALS_TEST_DATA "/ics/overrides.ics"), false, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QStringList ids;
    for (const Event &event : result->events) {
        ids << event.id;
    }
    // Each occurrence once: EXDATE removed 12 and 19 June and 3 January, each override replaced its occurrence.
    QCOMPARE(ids.size(), 9);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    for (const char *gone : {"talks@harbour/1911-06-12T10:01:15Z", "talks@harbour/1911-06-19T10:01:15Z",
             "fair@town/2023-01-03", "talks@harbour/1911-07-10T10:01:15Z"}) {
        QVERIFY2(!ids.contains(QLatin1String(gone)), gone);
    }
    const qsizetype at = ids.indexOf(id);
    QVERIFY2(at >= 0, qPrintable(ids.join(u' ')));
    QTEST(display(result->events[at]), "when");
    QTEST(result->events[at].title, "title");
}

void tst_ICalendarImport::errors()
{
    ImportError error;
    QVERIFY(!ICalendarImport::read("SUMMARY:x\n", u"notes.ics"_qs, false, &error));
    QCOMPARE(error.toString(),
        QStringLiteral("notes.ics:1: this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
    const QByteArray noStart = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:Fine\n"
                               "DTSTART:20230101T000000Z\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nSUMMARY:No start\n"
                               "END:VEVENT\nEND:VCALENDAR\n";
    QVERIFY(!ICalendarImport::read(noStart, u"cal.ics"_qs, false, &error));
    QCOMPARE(error.toString(), QStringLiteral("cal.ics:8: event 2, field \"DTSTART\": an event needs a valid start"));
    const auto lenient = ICalendarImport::read(noStart, u"cal.ics"_qs, true, &error);
    QVERIFY(lenient);
    QCOMPARE(lenient->events.size(), 1);
    QCOMPARE(lenient->skipped.size(), 1);
}

QTEST_GUILESS_MAIN(tst_ICalendarImport)
#include "tst_icalendarimport.moc"
