// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/displayzone.h"
#include "domain/eventtime.h"

#include <QDateTime>
#include <QLocale>
#include <QScopeGuard>
#include <QTest>
#include <QTimeZone>

namespace {

qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toSecsSinceEpoch();
}

// An instant, or a range when `end` is not empty, at the precision `start` is written to.
EventTime timeOf(const QString &start, const QString &end)
{
    const TimePoint a = *TimePoint::parse(start);
    return end.isEmpty() ? EventTime(a.seconds, a.precision)
                         : EventTime(a.seconds, TimePoint::parse(end)->seconds, a.precision);
}

} // namespace

Q_DECLARE_METATYPE(Precision)

class tst_EventTime : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void calendarMatchesQDate_data();
    void calendarMatchesQDate();
    void calendarRoundTripsDeepTime_data();
    void calendarRoundTripsDeepTime();
    void isoRoundTrip_data();
    void isoRoundTrip();
    void display_data();
    void display();
    void displayFollowsLocale();
    void displayInAZone_data();
    void displayInAZone();
    void coverEnd_data();
    void coverEnd();
    void periodStart_data();
    void periodStart();
    void spanning();
};

void tst_EventTime::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<Precision>("precision");

    QTest::newRow("year") << "2023" << utc(2023, 1, 1) << Precision::Year;
    QTest::newRow("month") << "2023-03" << utc(2023, 3, 1) << Precision::Month;
    QTest::newRow("month, one digit") << "2023-3" << utc(2023, 3, 1) << Precision::Month;
    QTest::newRow("day") << "2023-03-21" << utc(2023, 3, 21) << Precision::Day;
    QTest::newRow("leap day") << "2024-02-29" << utc(2024, 2, 29) << Precision::Day;
    QTest::newRow("leap day in 2000") << "2000-02-29" << utc(2000, 2, 29) << Precision::Day;
    QTest::newRow("minute, UTC") << "2023-03-21T14:30Z" << utc(2023, 3, 21, 14, 30) << Precision::Minute;
    QTest::newRow("minute, offset") << "2023-03-21T14:30+03:00" << utc(2023, 3, 21, 11, 30) << Precision::Minute;
    QTest::newRow("second, space")
        << "2023-03-21 14:30:59" << utc(2023, 3, 21, 14, 30) + 59 << Precision::Second;
    QTest::newRow("zero seconds are a minute") << "2023-03-21 14:30:00" << utc(2023, 3, 21, 14, 30) << Precision::Minute;
    QTest::newRow("millisecond") << "2023-03-21T14:30:59.004Z" << utc(2023, 3, 21, 14, 30) + 59
                                 << Precision::Millisecond;
    QTest::newRow("before 1970") << "1914-07-28" << utc(1914, 7, 28) << Precision::Day;
    QTest::newRow("490 BC") << "490 BC" << utc(-490, 1, 1) << Precision::Year; // QDate has no year 0
    QTest::newRow("490 BCE, lower case") << "490 bce" << utc(-490, 1, 1) << Precision::Year;
    QTest::newRow("astronomical -0489") << "-0489" << utc(-490, 1, 1) << Precision::Year;
    QTest::newRow("AD 1066") << "AD 1066" << utc(1066, 1, 1) << Precision::Year;
    QTest::newRow("compact ISO day") << "20230522" << utc(2023, 5, 22) << Precision::Day;
    QTest::newRow("1 BC is year 0") << "1 BC" << utc(-1, 1, 1) << Precision::Year;
    QTest::newRow("13.8 billion years ago")
        << "-13800000000" << qint64(-13'800'000'000LL * 31'556'952LL - 62'167'219'200LL) << Precision::Year;
}

void tst_EventTime::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QFETCH(Precision, precision);
    QString error;
    const std::optional<TimePoint> point = TimePoint::parse(text, &error);
    QVERIFY2(point, qPrintable(error));
    QCOMPARE(point->seconds, seconds);
    QCOMPARE(point->precision, precision);
}

void tst_EventTime::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << ""
                           << "the date is empty";
    QTest::newRow("words") << "yesterday"
                           << "\"yesterday\" is not a date";
    QTest::newRow("month 13") << "2023-13"
                              << "\"2023-13\" has month 13; a month runs from 1 to 12";
    QTest::newRow("30 February") << "2023-02-30"
                                 << "\"2023-02-30\" has day 30, but that month has 28 days";
    QTest::newRow("29 February, not leap") << "1900-02-29"
                                           << "\"1900-02-29\" has day 29, but that month has 28 days";
    QTest::newRow("hour 25") << "2023-03-21T25:00Z"
                             << "\"2023-03-21T25:00Z\" has an impossible time of day";
    QTest::newRow("year 0 BC") << "0 BC"
                               << "\"0 BC\": there is no year 0 in BC/AD counting";
    QTest::newRow("too far") << "-200000000000"
                             << "\"-200000000000\" lies more than 20 billion years away";
    QTest::newRow("too far, BC") << "30000000000 BC"
                                 << "\"30000000000 BC\" lies more than 20 billion years away";
    QTest::newRow("7-digit year, no sign") << "1899000-01-01T00:00:00Z"
                                           << "\"1899000-01-01T00:00:00Z\" has a 7-digit year without a sign; ISO 8601 "
                                              "writes a year past 9999 with one (+1899000-01-01T00:00:00Z), so this "
                                              "looks like a damaged date";
    QTest::newRow("5-digit month, no sign") << "12000-06"
                                            << "\"12000-06\" has a 5-digit year without a sign; ISO 8601 writes a "
                                               "year past 9999 with one (+12000-06), so this looks like a damaged date";
    QTest::newRow("offset 15h") << "2023-03-21T10:00+15:00"
                                << "\"2023-03-21T10:00+15:00\" has an impossible UTC offset";
}

void tst_EventTime::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!TimePoint::parse(text, &error));
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void tst_EventTime::calendarMatchesQDate_data()
{
    QTest::addColumn<int>("year");
    for (const int year : {-4713, -490, -1, 1, 4, 100, 1582, 1600, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 9999}) {
        QTest::addRow("%d", year) << year;
    }
}

void tst_EventTime::calendarMatchesQDate()
{
    QFETCH(int, year);
    // QDate skips year 0; ours is astronomical, so QDate's -490 is our -489.
    const qint64 ours = year < 0 ? year + 1 : year;
    for (int month = 1; month <= 12; ++month) {
        QCOMPARE(Calendar::daysInMonth(ours, month), QDate(year, month, 1).daysInMonth());
        for (const int day : {1, 15, Calendar::daysInMonth(ours, month)}) {
            const QDate date(year, month, day);
            const qint64 seconds = Calendar::toSeconds({ours, month, day, 13, 7, 5});
            QCOMPARE(seconds, QDateTime(date, QTime(13, 7, 5), Qt::UTC).toSecsSinceEpoch());
            const Calendar::CivilTime back = Calendar::fromSeconds(seconds);
            QCOMPARE(back.year, ours);
            QCOMPARE(back.month, month);
            QCOMPARE(back.day, day);
            QCOMPARE(back.hour, 13);
            QCOMPARE(back.minute, 7);
            QCOMPARE(back.second, 5);
        }
    }
}

void tst_EventTime::calendarRoundTripsDeepTime_data()
{
    QTest::addColumn<qint64>("year");
    QTest::newRow("big bang") << qint64(-13'800'000'000LL);
    QTest::newRow("earth") << qint64(-4'540'000'000LL);
    QTest::newRow("dinosaurs") << qint64(-66'000'000LL);
    QTest::newRow("far future") << qint64(50'000'000'000LL);
}

void tst_EventTime::calendarRoundTripsDeepTime()
{
    QFETCH(qint64, year);
    for (const auto &[month, day] : {std::pair{1, 1}, std::pair{2, 29}, std::pair{12, 31}}) {
        if (day > Calendar::daysInMonth(year, month)) {
            continue;
        }
        const Calendar::CivilTime back = Calendar::fromSeconds(Calendar::toSeconds({year, month, day, 23, 59, 59}));
        QCOMPARE(back.year, year);
        QCOMPARE(back.month, month);
        QCOMPARE(back.day, day);
        QCOMPARE(back.second, 59);
    }
}

void tst_EventTime::isoRoundTrip_data()
{
    QTest::addColumn<QString>("iso");
    QTest::newRow("year") << "2023";
    QTest::newRow("month") << "2023-03";
    QTest::newRow("day") << "2023-03-21";
    QTest::newRow("minute") << "2023-03-21T14:30Z";
    QTest::newRow("year 1") << "0001";
    QTest::newRow("490 BC") << "-0489";
    QTest::newRow("deep time") << "-13800000000";
    QTest::newRow("far future") << "+12000-06";
}

void tst_EventTime::isoRoundTrip()
{
    QFETCH(QString, iso);
    const std::optional<TimePoint> point = TimePoint::parse(iso);
    QVERIFY(point);
    QCOMPARE(TimePoint::toIso(point->seconds, point->precision), iso);
}

void tst_EventTime::display_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("expected");

    QTest::newRow("month") << "2023-03"
                           << ""
                           << "March 2023";
    QTest::newRow("day") << "2023-04-29"
                         << ""
                         << "29 April 2023";
    QTest::newRow("year") << "2023"
                          << ""
                          << "2023";
    QTest::newRow("minute") << "2023-03-21T14:30Z"
                            << ""
                            << "21 March 2023, 14:30 UTC";
    QTest::newRow("490 BC") << "490 BC"
                            << ""
                            << "490 BC";
    QTest::newRow("deep time") << "-13800000000"
                               << ""
                               << "13,800,000,000 BC";
    QTest::newRow("days in one month") << "2023-03-20"
                                       << "2023-03-22"
                                       << "20–22 March 2023";
    QTest::newRow("days across months") << "2023-03-30"
                                        << "2023-04-02"
                                        << "30 March – 2 April 2023";
    QTest::newRow("days across years") << "2022-12-30"
                                       << "2023-01-02"
                                       << "30 December 2022 – 2 January 2023";
    QTest::newRow("months in one year") << "2023-03"
                                        << "2023-05"
                                        << "March–May 2023";
    QTest::newRow("months across years") << "2022-12"
                                         << "2023-02"
                                         << "December 2022 – February 2023";
    QTest::newRow("years") << "1914"
                           << "1918"
                           << "1914–1918";
    QTest::newRow("years BC") << "490 BC"
                              << "479 BC"
                              << "490–479 BC";
    QTest::newRow("deep time range") << "13800000000 BC"
                                     << "4500000000 BC"
                                     << "13,800,000,000–4,500,000,000 BC";
    QTest::newRow("BC to AD") << "27 BC"
                              << "14"
                              << "27 BC – 14";
    QTest::newRow("minutes in one day") << "2023-03-21T14:30Z"
                                        << "2023-03-21T16:00Z"
                                        << "21 March 2023, 14:30–16:00 UTC";
    QTest::newRow("range within one day") << "2023-03-21"
                                          << "2023-03-21"
                                          << "21 March 2023";
}

void tst_EventTime::display()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, expected);
    QCOMPARE(timeOf(start, end).toDisplayString(QLocale(QLocale::English, QLocale::UnitedKingdom)), expected);
}

void tst_EventTime::displayFollowsLocale()
{
    const EventTime time(TimePoint::parse(u"2023-03")->seconds, Precision::Month);
    QCOMPARE(time.toDisplayString(QLocale(QLocale::German)), QStringLiteral("März 2023"));
}

void tst_EventTime::displayInAZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("shown");
    QTest::newRow("UTC") << u"UTC"_qs << u"2023-03-21T10:00Z"_qs << u"21 March 2023, 10:00 UTC"_qs;
    QTest::newRow("Berlin, winter") << u"Europe/Berlin"_qs << u"2023-03-21T10:00Z"_qs << u"21 March 2023, 11:00 CET"_qs;
    QTest::newRow("Berlin, summer") << u"Europe/Berlin"_qs << u"2023-06-01T10:00Z"_qs << u"1 June 2023, 12:00 CEST"_qs;
    QTest::newRow("past midnight in Tokyo")
        << u"Asia/Tokyo"_qs << u"2023-03-21T20:30Z"_qs << u"22 March 2023, 05:30 JST"_qs;
    QTest::newRow("a range in Kolkata") << u"Asia/Kolkata"_qs << u"2023-03-21T10:00Z/2023-03-21T11:00Z"_qs
                                        << u"21 March 2023, 15:30–16:30 IST"_qs;
    QTest::newRow("a day has no zone") << u"Asia/Tokyo"_qs << u"2023-03-21"_qs << u"21 March 2023"_qs;
}

void tst_EventTime::displayInAZone()
{
    QFETCH(QString, zone);
    QFETCH(QString, time);
    QFETCH(QString, shown);
    const auto restore = qScopeGuard([] { DisplayZone::set(QTimeZone::utc()); });
    DisplayZone::set(*DisplayZone::fromName(zone));
    const QStringList parts = time.split(u'/');
    const TimePoint a = *TimePoint::parse(parts[0]);
    const EventTime event = parts.size() == 2 ? EventTime(a.seconds, TimePoint::parse(parts[1])->seconds, a.precision)
                                              : EventTime(a.seconds, a.precision);
    QCOMPARE(event.toDisplayString(QLocale(QLocale::English)), shown);
}

void tst_EventTime::coverEnd_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<qint64>("coverEnd");
    QTest::newRow("day") << "2023-03-21"
                         << "" << utc(2023, 3, 22);
    QTest::newRow("month") << "2023-12"
                           << "" << utc(2024, 1, 1);
    QTest::newRow("February of a leap year") << "2024-02"
                                             << "" << utc(2024, 3, 1);
    QTest::newRow("year") << "2023"
                          << "" << utc(2024, 1, 1);
    QTest::newRow("minute") << "2023-03-21T14:30Z"
                            << "" << utc(2023, 3, 21, 14, 31);
    QTest::newRow("day range") << "2023-03-20"
                               << "2023-03-22" << utc(2023, 3, 23);
    QTest::newRow("day before 1970") << "1914-07-28"
                                     << "" << utc(1914, 7, 29);
}

void tst_EventTime::coverEnd()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(qint64, coverEnd);
    QCOMPARE(timeOf(start, end).coverEnd(), coverEnd);
}

void tst_EventTime::periodStart_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<qint64>("start");
    const qint64 t = utc(2023, 3, 21, 14, 30) + 45;
    QTest::newRow("year") << t << Precision::Year << utc(2023, 1, 1);
    QTest::newRow("month") << t << Precision::Month << utc(2023, 3, 1);
    QTest::newRow("day") << t << Precision::Day << utc(2023, 3, 21);
    QTest::newRow("minute, seconds dropped") << t << Precision::Minute << utc(2023, 3, 21, 14, 30);
    QTest::newRow("before 1970, a day") << utc(1914, 7, 28, 11) << Precision::Day << utc(1914, 7, 28);
    QTest::newRow("490 BC, its year") << TimePoint::parse(u"-0489-06-15")->seconds << Precision::Year
                                      << TimePoint::parse(u"-0489")->seconds;
    QTest::newRow("deep time") << TimePoint::parse(u"-13800000000-07")->seconds << Precision::Year
                               << TimePoint::parse(u"-13800000000")->seconds;
}

void tst_EventTime::periodStart()
{
    QFETCH(qint64, seconds);
    QFETCH(Precision, precision);
    QTEST(TimePoint::periodStart(seconds, precision), "start");
    // As the ISO text at that precision says.
    QCOMPARE(
        TimePoint::periodStart(seconds, precision), TimePoint::parse(TimePoint::toIso(seconds, precision))->seconds);
}

void tst_EventTime::spanning()
{
    // Two times in one day are that day; on two days, a range of days.
    QCOMPARE(EventTime::spanning(utc(2023, 3, 21, 9), utc(2023, 3, 21, 17), Precision::Day),
        EventTime(utc(2023, 3, 21), Precision::Day));
    QCOMPARE(EventTime::spanning(utc(2023, 3, 21, 9), utc(2023, 3, 23, 1), Precision::Day),
        EventTime(utc(2023, 3, 21), utc(2023, 3, 23), Precision::Day));
    QCOMPARE(EventTime::spanning(utc(2023, 3, 21, 9) + 59, utc(2023, 3, 21, 9) + 30, Precision::Minute),
        EventTime(utc(2023, 3, 21, 9), Precision::Minute));
}

QTEST_GUILESS_MAIN(tst_EventTime)
#include "tst_eventtime.moc"
