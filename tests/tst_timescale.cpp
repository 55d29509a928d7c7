// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/eventtime.h"
#include "timeline/timescale.h"

#include <QTest>

using TimeScale::Range;

namespace {

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

} // namespace

Q_DECLARE_METATYPE(TimeScale::Range)

class tst_TimeScale : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void anchoredZoom_data();
    void anchoredZoom();
    void zoomKeepsSpanWithinLimits();
    void degenerateWidth();
    void clamp_data();
    void clamp();
    void describeToThePrecisionTheSpanWarrants_data();
    void describeToThePrecisionTheSpanWarrants();
    void describeDuration_data();
    void describeDuration();
};

void tst_TimeScale::roundTrip_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<double>("width");
    QTest::newRow("a minute") << Range{at("2023-03-21T10:00Z"), at("2023-03-21T10:01Z")} << 1600.0;
    QTest::newRow("a day") << Range{at("2023-03-21"), at("2023-03-22")} << 300.0;
    QTest::newRow("spring 2023") << Range{at("2023-03-17"), at("2023-05-26")} << 1423.0;
    QTest::newRow("ten years") << Range{at("2015"), at("2025")} << 4000.0;
    QTest::newRow("around 490 BC") << Range{at("-0500"), at("-0480")} << 800.0;
    QTest::newRow("twenty billion years")
        << Range{at("-15000000000"), at("-15000000000") + TimeScale::kMaxSpan} << 1600.0;
}

void tst_TimeScale::roundTrip()
{
    QFETCH(Range, range);
    QFETCH(double, width);
    QCOMPARE(TimeScale::timeToX(range.start, range, width), 0.0);
    QCOMPARE(TimeScale::timeToX(range.end, range, width), width);
    for (const double fraction : {0.0, 0.125, 0.5, 0.77, 1.0}) {
        const double x = fraction * width;
        const qint64 t = TimeScale::xToTime(x, range, width);
        // Times are whole seconds: x comes back to within half a second's width.
        const double tolerance = std::max(1e-3, 0.5 * width / double(range.span()) + 1e-9);
        QVERIFY2(
            std::abs(TimeScale::timeToX(t, range, width) - x) <= tolerance, qPrintable(QStringLiteral("x %1").arg(x)));
        // And time to x to time lands within the time one pixel spans.
        const qint64 back = TimeScale::xToTime(TimeScale::timeToX(t, range, width), range, width);
        QVERIFY(std::abs(back - t) <= std::max<qint64>(1, range.span() / qint64(width) / 1000));
    }
}

void tst_TimeScale::anchoredZoom_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<double>("anchorFraction");
    QTest::addColumn<double>("factor");
    const Range spring{at("2023-03-17"), at("2023-05-26")};
    QTest::newRow("in at the left quarter") << spring << 0.25 << 0.5;
    QTest::newRow("out at the right edge") << spring << 1.0 << 2.0;
    QTest::newRow("wheel notch at a third") << spring << 0.33 << 0.8;
    QTest::newRow("deep time, in") << Range{at("-13800000000"), at("-4000000000")} << 0.6 << 0.1;
    QTest::newRow("minutes, out") << Range{at("2023-03-21T10:00Z"), at("2023-03-21T10:05Z")} << 0.9 << 3.0;
}

void tst_TimeScale::anchoredZoom()
{
    QFETCH(Range, range);
    QFETCH(double, anchorFraction);
    QFETCH(double, factor);
    const double width = 1600;
    const qint64 anchor = TimeScale::xToTime(anchorFraction * width, range, width);
    const Range zoomed = TimeScale::zoomAt(range, anchor, factor);
    QVERIFY(std::abs(double(zoomed.span()) - double(range.span()) * factor) <= 1 + double(range.span()) * 1e-12);
    // The time under the cursor stays under the cursor.
    QVERIFY2(std::abs(TimeScale::timeToX(anchor, zoomed, width) - anchorFraction * width) < 0.5,
        qPrintable(QString::number(TimeScale::timeToX(anchor, zoomed, width))));
}

void tst_TimeScale::zoomKeepsSpanWithinLimits()
{
    const Range minute{at("2023-03-21T10:00Z"), at("2023-03-21T10:01Z")};
    QCOMPARE(TimeScale::zoomAt(minute, minute.start, 0.01).span(), TimeScale::kMinSpan);
    const Range huge{-TimeScale::kMaxSpan / 2, TimeScale::kMaxSpan / 2};
    QCOMPARE(TimeScale::zoomAt(huge, 0, 100).span(), TimeScale::kMaxSpan);
}

void tst_TimeScale::degenerateWidth()
{
    const Range range{0, 100};
    QCOMPARE(TimeScale::timeToX(50, range, 0), 0.0);
    QCOMPARE(TimeScale::xToTime(10, range, 0), qint64(0));
}

void tst_TimeScale::clamp_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<Range>("expected");
    QTest::newRow("inside") << Range{20, 30} << Range{20, 30};
    QTest::newRow("past the start") << Range{-5, 10} << Range{0, 15};
    QTest::newRow("past the end") << Range{95, 110} << Range{85, 100};
    QTest::newRow("wider than the limits") << Range{-50, 200} << Range{0, 100};
}

void tst_TimeScale::clamp()
{
    QFETCH(Range, range);
    QFETCH(Range, expected);
    QCOMPARE(TimeScale::clamp(range, Range{0, 100}), expected);
}

void tst_TimeScale::describeToThePrecisionTheSpanWarrants_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hours") << Range{at("2023-03-21T10:00Z"), at("2023-03-21T14:00Z")}
                           << u"21 March 2023, 10:00–13:59 UTC"_qs;
    QTest::newRow("spring 2023") << Range{at("2023-03-17"), at("2023-05-26")} << u"17 March – 25 May 2023"_qs;
    QTest::newRow("ten years") << Range{at("2015-02-10"), at("2025-03-20")} << u"February 2015 – March 2025"_qs;
    QTest::newRow("centuries") << Range{at("-0500-06-01"), at("1200-03-01")}
                               << u"501 BC – 1200"_qs; // ISO year -500 is 501 BC
    QTest::newRow("a billion years") << Range{at("-14351999861-12-02"), at("2023-01-01")}
                                     << u"14,351,999,861 BC – 2022"_qs;
}

void tst_TimeScale::describeToThePrecisionTheSpanWarrants()
{
    QFETCH(Range, range);
    QFETCH(QString, expected);
    QCOMPARE(TimeScale::describe(range), expected);
}

void tst_TimeScale::describeDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(20) << u"1 minute"_qs;
    QTest::newRow("minutes") << qint64(45 * 60) << u"45 minutes"_qs;
    QTest::newRow("hours") << qint64(5 * 3600 + 1000) << u"5 hours"_qs;
    QTest::newRow("days") << qint64(9 * TimeScale::kDay + 3000) << u"9 days"_qs;
    QTest::newRow("weeks") << qint64(15 * TimeScale::kDay) << u"2 weeks"_qs;
    QTest::newRow("months") << qint64(95 * TimeScale::kDay) << u"3 months"_qs;
    QTest::newRow("ages") << qint64(12000) * 31'557'600 << u"12,000 years"_qs;
}

void tst_TimeScale::describeDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(TimeScale::describeDuration(seconds), expected);
}

QTEST_GUILESS_MAIN(tst_TimeScale)
#include "tst_timescale.moc"
