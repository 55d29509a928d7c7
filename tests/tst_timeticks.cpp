// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/eventtime.h"
#include "timeline/timeticks.h"

#include <QLocale>
#include <QTest>

using TimeScale::Range;
using Kind = TimeTicks::Unit::Kind;

namespace {

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

// A stand-in for font metrics: 7 px a character, so the test needs no fonts.
double measure(const QString &text)
{
    return 7.0 * double(text.size());
}

double measureBold(const QString &text)
{
    return 8.0 * double(text.size());
}

// Labels that are shown, in order, must neither touch nor run past either edge.
QString overlapIn(const QList<TimeTicks::Tick> &ticks, double width)
{
    double previousEnd = -1e9;
    for (const TimeTicks::Tick &tick : ticks) {
        if (tick.label.isEmpty()) {
            continue;
        }
        if (tick.labelX < 0 || tick.labelX + tick.labelWidth > width) {
            return QStringLiteral("\"%1\" is clipped at %2").arg(tick.label).arg(tick.labelX);
        }
        if (tick.labelX < previousEnd + TimeTicks::kLabelGap - 1e-9) {
            return QStringLiteral("\"%1\" overlaps the label before it").arg(tick.label);
        }
        previousEnd = tick.labelX + tick.labelWidth;
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(TimeScale::Range)

class tst_TimeTicks : public QObject {
    Q_OBJECT

private slots:
    void noOverlaps_data();
    void noOverlaps();
    void unitFollowsTheSpan_data();
    void unitFollowsTheSpan();
    void monthBoundaries();
    void leapYears();
    void weeksStartOnMonday();
    void bcLabels();
    void deepTime();
    void monthNamesFollowTheLocale();
};

void tst_TimeTicks::noOverlaps_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<double>("width");
    const QList<std::pair<const char *, Range>> ranges{
        {"five minutes", {at("2023-03-21T10:00Z"), at("2023-03-21T10:05Z")}},
        {"an hour", {at("2023-03-21T10:00Z"), at("2023-03-21T11:00Z")}},
        {"a day", {at("2023-03-21"), at("2023-03-22")}},
        {"a week across months", {at("2023-03-28"), at("2023-04-04")}},
        {"spring", {at("2023-03-17"), at("2023-05-26")}},
        {"a year", {at("2023"), at("2024")}},
        {"ten years", {at("2015"), at("2025")}},
        {"a century", {at("1900"), at("2000")}},
        {"antiquity", {at("800 BC"), at("300")}},
        {"geology", {at("-500000000"), at("2000")}},
        {"the universe", {at("-14000000000"), at("2000")}},
        {"odd offsets", {at("2023-03-17T13:17Z") + 17, at("2024-07-02T03:03Z")}},
    };
    for (const auto &[name, range] : ranges) {
        for (const double width : {300.0, 450.0, 800.0, 1200.0, 1600.0, 2500.0, 4000.0}) {
            QTest::addRow("%s, %d px", name, int(width)) << range << width;
        }
    }
}

void tst_TimeTicks::noOverlaps()
{
    QFETCH(Range, range);
    QFETCH(double, width);
    const TimeTicks::Axis axis = TimeTicks::compute(range, width, measure, measureBold, QLocale(QLocale::English));
    QVERIFY(!axis.minor.isEmpty());
    QVERIFY(std::any_of(axis.minor.begin(), axis.minor.end(), [](const auto &t) { return !t.label.isEmpty(); }));
    QVERIFY(std::any_of(axis.major.begin(), axis.major.end(), [](const auto &t) { return !t.label.isEmpty(); }));
    const QString minor = overlapIn(axis.minor, width);
    QVERIFY2(minor.isEmpty(), qPrintable(minor));
    const QString major = overlapIn(axis.major, width);
    QVERIFY2(major.isEmpty(), qPrintable(major));
    for (qsizetype i = 1; i < axis.minor.size(); ++i) {
        QVERIFY(axis.minor[i - 1].time < axis.minor[i].time);
        QVERIFY(range.contains(axis.minor[i].time));
    }
}

void tst_TimeTicks::unitFollowsTheSpan_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<int>("kind");
    QTest::newRow("five minutes") << Range{at("2023-03-21T10:00Z"), at("2023-03-21T10:05Z")} << int(Kind::Minute);
    QTest::newRow("a day") << Range{at("2023-03-21"), at("2023-03-22")} << int(Kind::Hour);
    QTest::newRow("a month") << Range{at("2023-03-01"), at("2023-04-01")} << int(Kind::Day);
    QTest::newRow("a year") << Range{at("2023"), at("2024")} << int(Kind::Month);
    QTest::newRow("ten years") << Range{at("2015"), at("2025")} << int(Kind::Month); // quarters
    QTest::newRow("a century") << Range{at("1925"), at("2025")} << int(Kind::Year);
}

void tst_TimeTicks::unitFollowsTheSpan()
{
    QFETCH(Range, range);
    QFETCH(int, kind);
    const TimeTicks::Axis axis = TimeTicks::compute(range, 1600, measure, measureBold, QLocale(QLocale::English));
    QCOMPARE(int(axis.minorUnit.kind), kind);
}

void tst_TimeTicks::monthBoundaries()
{
    const QList<qint64> months = TimeTicks::tickTimes({Kind::Month, 1}, {at("2023-11-15"), at("2024-04-15")}, 100);
    QCOMPARE(months,
        (QList<qint64>{at("2023-12-01"), at("2024-01-01"), at("2024-02-01"), at("2024-03-01"), at("2024-04-01")}));
    const QList<qint64> quarters = TimeTicks::tickTimes({Kind::Month, 3}, {at("2023-02"), at("2024-02")}, 100);
    QCOMPARE(quarters, (QList<qint64>{at("2023-04-01"), at("2023-07-01"), at("2023-10-01"), at("2024-01-01")}));
    const QLocale english(QLocale::English);
    QCOMPARE(TimeTicks::label({Kind::Month, 1}, at("2024-02-01"), false, english), QStringLiteral("Feb"));
    QCOMPARE(TimeTicks::label({Kind::Month, 1}, at("2024-02-01"), true, english), QStringLiteral("February 2024"));
    QCOMPARE(TimeTicks::label({Kind::Day, 1}, at("2024-02-29"), true, english), QStringLiteral("29 February 2024"));
}

void tst_TimeTicks::leapYears()
{
    const QList<qint64> leap = TimeTicks::tickTimes({Kind::Day, 1}, {at("2024-02-27"), at("2024-03-02")}, 100);
    QCOMPARE(leap, (QList<qint64>{at("2024-02-27"), at("2024-02-28"), at("2024-02-29"), at("2024-03-01")}));
    const QList<qint64> common = TimeTicks::tickTimes({Kind::Day, 1}, {at("2023-02-27"), at("2023-03-02")}, 100);
    QCOMPARE(common, (QList<qint64>{at("2023-02-27"), at("2023-02-28"), at("2023-03-01")}));
    const QList<qint64> century = TimeTicks::tickTimes({Kind::Day, 1}, {at("1900-02-28"), at("1900-03-02")}, 100);
    QCOMPARE(century, (QList<qint64>{at("1900-02-28"), at("1900-03-01")}));
}

void tst_TimeTicks::weeksStartOnMonday()
{
    const QList<qint64> weeks = TimeTicks::tickTimes({Kind::Week, 1}, {at("2023-03-15"), at("2023-04-05")}, 100);
    QCOMPARE(weeks, (QList<qint64>{at("2023-03-20"), at("2023-03-27"), at("2023-04-03")}));
}

void tst_TimeTicks::bcLabels()
{
    const QLocale english(QLocale::English);
    const QList<qint64> centuries = TimeTicks::tickTimes({Kind::Year, 100}, {at("650 BC"), at("250 BC")}, 100);
    QStringList labels;
    for (const qint64 t : centuries) {
        labels << TimeTicks::label({Kind::Year, 100}, t, false, english);
    }
    QCOMPARE(labels, (QStringList{u"600 BC"_qs, u"500 BC"_qs, u"400 BC"_qs, u"300 BC"_qs}));
}

void tst_TimeTicks::deepTime()
{
    const Range universe{at("-14000000000"), at("2000")};
    const TimeTicks::Axis axis = TimeTicks::compute(universe, 1600, measure, measureBold, QLocale(QLocale::English));
    QCOMPARE(int(axis.minorUnit.kind), int(Kind::Year));
    QVERIFY(axis.minorUnit.step >= 1'000'000'000);
    QStringList labels;
    for (const auto &tick : axis.minor) {
        labels << tick.label;
    }
    QVERIFY2(labels.contains(QStringLiteral("10,000,000,000 BC")), qPrintable(labels.join(u" | ")));
}

void tst_TimeTicks::monthNamesFollowTheLocale()
{
    const QLocale german(QLocale::German);
    QCOMPARE(
        TimeTicks::label({Kind::Month, 1}, at("2023-03-01"), false, german), german.monthName(3, QLocale::ShortFormat));
    QCOMPARE(TimeTicks::label({Kind::Month, 1}, at("2023-03-01"), true, german), QStringLiteral("März 2023"));
}

QTEST_GUILESS_MAIN(tst_TimeTicks)
#include "tst_timeticks.moc"
