// SPDX-License-Identifier: GPL-3.0-or-later
// Dates as people write them: month names, "c. 383", "Between 47 and 50", EDTF, and times to the millisecond.
#include "domain/datetext.h"
#include "domain/eventtime.h"

#include <QLocale>
#include <QTest>

namespace {

const QLocale kEnglish(QLocale::English);

QString isoOf(const EventTime &time, bool end)
{
    if (end && !time.end()) {
        return {};
    }
    return TimePoint::toIso(end ? *time.end() : time.start(), time.precision(),
        end ? time.endMillisecond() : time.startMillisecond());
}

} // namespace

class tst_DateText : public QObject {
    Q_OBJECT

private slots:
    void points_data();
    void points();
    void qualified_data();
    void qualified();
    void errors_data();
    void errors();
    void generatedDisplay_data();
    void generatedDisplay();
    void join();
    void qualifierWords();
    void certaintyOfQualifiers();
};

void tst_DateText::points_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("display");
    QTest::newRow("ISO day") << "2023-05-22"
                             << "22 May 2023";
    QTest::newRow("year") << "2023"
                          << "2023";
    QTest::newRow("year and month") << "2023-05"
                                    << "May 2023";
    QTest::newRow("ACLED 9-May-20") << "9-May-20"
                                    << "9 May 2020";
    QTest::newRow("ACLED 01-January-2015") << "01-January-2015"
                                           << "1 January 2015";
    QTest::newRow("22 May 2023") << "22 May 2023"
                                 << "22 May 2023";
    QTest::newRow("compact") << "20191024"
                             << "24 October 2019";
    // As historians and spreadsheets write them: month names in any case, three-digit years.
    QTest::newRow("30 may 1381") << "30 may 1381"
                                 << "30 May 1381";
    QTest::newRow("Dec 1192, a month") << "Dec 1192"
                                       << "December 1192";
    QTest::newRow("Jan 2020") << "Jan 2020"
                              << "January 2020";
    QTest::newRow("JANUARY 2020") << "JANUARY 2020"
                                  << "January 2020";
    QTest::newRow("Sept. 1939") << "Sept. 1939"
                                << "September 1939";
    QTest::newRow("May 22, 2023") << "May 22, 2023"
                                  << "22 May 2023";
    QTest::newRow("1 Dec 383") << "1 Dec 383"
                               << "1 December 383";
    // Two-digit years with a day, as Excel's d-mmm-yy: this century up to this year, else the last.
    QTest::newRow("8-May-45") << "8-May-45"
                              << "8 May 1945";
}

void tst_DateText::points()
{
    QFETCH(QString, text);
    QFETCH(QString, display);
    QString error;
    const std::optional<TimePoint> point = DateText::parsePoint(text, &error);
    QVERIFY2(point, qPrintable(error));
    QCOMPARE(EventTime::of(*point).toDisplayString(kEnglish), display);
    // The full parser reads every plain point the same, with nothing written beside it.
    const std::optional<EventTime> time = DateText::parse(text, &error);
    QVERIFY2(time, qPrintable(error));
    QCOMPARE(*time, EventTime::of(*point));
}

void tst_DateText::qualified_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("qualifiers");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("display");

    // Historians' words for "about".
    QTest::newRow("c. 383") << "c. 383" << "0383" << "" << "approximate" << "c. 383" << "c. 383";
    QTest::newRow("circa 1200") << "circa 1200" << "1200" << "" << "approximate" << "circa 1200" << "circa 1200";
    QTest::newRow("ca. 1850") << "ca. 1850" << "1850" << "" << "approximate" << "ca. 1850" << "ca. 1850";
    QTest::newRow("c.1066, no space") << "c.1066" << "1066" << "" << "approximate" << "c.1066" << "c.1066";
    QTest::newRow("circa a day") << "circa 14 October 1066" << "1066-10-14" << "" << "approximate"
                                 << "circa 14 October 1066" << "circa 14 October 1066";
    // A span within which the date falls.
    QTest::newRow("Between 47 and 50") << "Between 47 and 50" << "0047" << "0050" << "within" << "Between 47 and 50"
                                       << "Between 47 and 50";
    QTest::newRow("between two days") << "between 25 jun 1381 and 26 jun 1381" << "1381-06-25" << "1381-06-26"
                                      << "within" << "between 25 jun 1381 and 26 jun 1381"
                                      << "between 25 jun 1381 and 26 jun 1381";
    QTest::newRow("between, BC said once") << "between 50 and 47 BC" << "-0049" << "-0046" << "within"
                                           << "between 50 and 47 BC" << "between 50 and 47 BC";
    QTest::newRow("between a month and a day, at the month")
        << "between May 1381 and 26 jun 1381" << "1381-05" << "1381-06" << "within"
        << "between May 1381 and 26 jun 1381" << "between May 1381 and 26 jun 1381";
    // EDTF (ISO 8601-2).
    QTest::newRow("EDTF uncertain") << "1984?" << "1984" << "" << "uncertain" << "1984?" << "1984?";
    QTest::newRow("EDTF approximate") << "1984~" << "1984" << "" << "approximate" << "1984~" << "1984~";
    QTest::newRow("EDTF both") << "1984%" << "1984" << "" << "approximate uncertain" << "1984%" << "1984%";
    QTest::newRow("EDTF uncertain month") << "2004-06?" << "2004-06" << "" << "uncertain" << "2004-06?"
                                          << "2004-06?";
    QTest::newRow("EDTF qualified part") << "2004-06~-11" << "2004-06-11" << "" << "approximate" << "2004-06~-11"
                                         << "2004-06~-11";
    QTest::newRow("EDTF decade") << "198X" << "1980" << "1989" << "within" << "198X" << "198X";
    QTest::newRow("EDTF century") << "19XX" << "1900" << "1999" << "within" << "19XX" << "19XX";
    QTest::newRow("EDTF unspecified day") << "1985-04-XX" << "1985-04" << "" << "" << "1985-04-XX" << "1985-04-XX";
    QTest::newRow("EDTF interval") << "1984/1986" << "1984" << "1986" << "" << "" << "1984–1986";
    QTest::newRow("EDTF interval of days") << "2023-03-20/2023-03-22" << "2023-03-20" << "2023-03-22" << ""
                                           << "" << "20–22 March 2023";
    QTest::newRow("EDTF qualified interval") << "1984~/1986?" << "1984" << "1986" << "approximate uncertain"
                                             << "1984~/1986?" << "1984~/1986?";
    QTest::newRow("EDTF one of a set") << "[1667,1668]" << "1667" << "1668" << "within" << "[1667,1668]"
                                       << "[1667,1668]";
    QTest::newRow("EDTF one of a set with a run")
        << "[1667,1670..1672]" << "1667" << "1672" << "within" << "[1667,1670..1672]" << "[1667,1670..1672]";
    QTest::newRow("EDTF all of a set") << "{1667,1668}" << "1667" << "1668" << "" << "{1667,1668}"
                                       << "{1667,1668}";
    QTest::newRow("EDTF season") << "2001-21" << "2001-03" << "2001-05" << "within" << "2001-21" << "2001-21";
    QTest::newRow("EDTF winter") << "2001-24" << "2001-12" << "2002-02" << "within" << "2001-24" << "2001-24";
    QTest::newRow("EDTF long year") << "Y-170000002" << "-170000002" << "" << "" << "" << "170,000,002 BC";
    QTest::newRow("EDTF decade, lower case") << "198x" << "1980" << "1989" << "within" << "198x" << "198x";
    QTest::newRow("an interval of seconds, zeros at one end")
        << "2023-05-22T10:00:00Z/2023-05-22T10:05:30Z" << "2023-05-22T10:00:00Z" << "2023-05-22T10:05:30Z" << "" << ""
        << "22 May 2023, 10:00:00–10:05:30 UTC";
    // Between, as Annals itself writes a qualified span, and with the era run on.
    QTest::newRow("between c. and c.") << "between c. 47 and c. 50" << "0047" << "0050" << "approximate within"
                                       << "between c. 47 and c. 50" << "between c. 47 and c. 50";
    QTest::newRow("between, not sure") << "between 47 and 50?" << "0047" << "0050" << "uncertain within"
                                       << "between 47 and 50?" << "between 47 and 50?";
    QTest::newRow("between, BC run on") << "between 50 and 47BC" << "-0049" << "-0046" << "within"
                                        << "between 50 and 47BC" << "between 50 and 47BC";
    // Both words and marks.
    QTest::newRow("c. and a question mark") << "c. 1984?" << "1984" << "" << "approximate uncertain" << "c. 1984?"
                                            << "c. 1984?";
    QTest::newRow("a month name with a question mark")
        << "May 1381?" << "1381-05" << "" << "uncertain" << "May 1381?" << "May 1381?";
    // Times to the second and the millisecond: a time is as precise as its finest part that is not zero.
    QTest::newRow("milliseconds") << "2023-05-22T14:30:15.250Z" << "2023-05-22T14:30:15.250Z" << "" << "" << ""
                                  << "22 May 2023, 14:30:15.250 UTC";
    QTest::newRow("seconds") << "2023-05-22T14:30:15Z" << "2023-05-22T14:30:15Z" << "" << "" << ""
                             << "22 May 2023, 14:30:15 UTC";
    QTest::newRow("zeros are a minute") << "2023-05-22T14:30:00.000Z" << "2023-05-22T14:30Z" << "" << "" << ""
                                        << "22 May 2023, 14:30 UTC";
    QTest::newRow("a comma before the fraction") << "2023-05-22T14:30:15,5Z" << "2023-05-22T14:30:15.500Z" << ""
                                                 << "" << "" << "22 May 2023, 14:30:15.500 UTC";
    QTest::newRow("an interval of milliseconds")
        << "2023-05-22T14:30:15.250Z/2023-05-22T14:30:15.300Z" << "2023-05-22T14:30:15.250Z"
        << "2023-05-22T14:30:15.300Z" << "" << "" << "22 May 2023, 14:30:15.250–14:30:15.300 UTC";
}

void tst_DateText::qualified()
{
    QFETCH(QString, text);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, qualifiers);
    QFETCH(QString, written);
    QFETCH(QString, display);
    QString error;
    const std::optional<EventTime> time = DateText::parse(text, &error);
    QVERIFY2(time, qPrintable(error));
    QCOMPARE(isoOf(*time, false), start);
    QCOMPARE(isoOf(*time, true), end);
    QCOMPARE(EventTime::qualifierText(time->qualifiers()), qualifiers);
    QCOMPARE(time->written(), written);
    QCOMPARE(time->toDisplayString(kEnglish), display);
}

void tst_DateText::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("two-digit year without a day")
        << "Jan-20" << "\"Jan-20\" has a two-digit year; write it with four (\"Jan 2020\" or \"Jan 1920\")";
    QTest::newRow("between, backwards") << "between 50 and 47"
                                        << "\"between 50 and 47\": the end comes before the start";
    QTest::newRow("between a date and nonsense")
        << "between 47 and soon"
        << "\"soon\" is not a date; write it as 2023, 2023-03, 2023-03-21, 2023-03-21T14:30Z or 490 BC";
    QTest::newRow("EDTF open end") << "1985/.."
                                   << "an interval or set with an open or unknown end (\"..\") has no date to draw "
                                      "it at";
    QTest::newRow("EDTF open set") << "[..1760-12-03]"
                                   << "an interval or set with an open or unknown end (\"..\") has no date to draw "
                                      "it at";
    QTest::newRow("EDTF interval backwards") << "1986/1984" << "\"1986/1984\": the end comes before the start";
    QTest::newRow("EDTF X in a year with a month")
        << "198X-04"
        << "\"198X-04\": Annals reads unspecified digits (X) in a year without a month, or in a month or day";
    QTest::newRow("a slash that is no interval")
        << "05/2023" << "\"05/2023\" is not a date; write it as 2023, 2023-03, 2023-03-21, 2023-03-21T14:30Z or 490 BC";
    QTest::newRow("a bad millisecond day") << "2023-02-30T10:00:00.5Z"
                                           << "\"2023-02-30T10:00:00.5Z\" has day 30, but that month has 28 days";
    QTest::newRow("circa nothing") << "circa"
                                   << "\"circa\" is not a date; write it as 2023, 2023-03, 2023-03-21, "
                                      "2023-03-21T14:30Z or 490 BC";
    QTest::newRow("a season too far") << "+30000000000-21" << "\"+30000000000\" lies more than 20 billion years away";
    QTest::newRow("a year all unspecified") << "XXXX" << "\"XXXX\" leaves every digit of its year unspecified";
    QTest::newRow("only a question mark") << "?" << "\"?\" holds no date";
    QTest::newRow("circa a question mark") << "c. ?" << "\"c. ?\" holds no date";
    QTest::newRow("a damaged year with a question mark")
        << "1899000-01-01?"
        << "\"1899000-01-01\" has a 7-digit year without a sign; ISO 8601 writes a year past 9999 with one "
           "(+1899000-01-01), so this looks like a damaged date";
}

void tst_DateText::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!DateText::parse(text, &why));
    QCOMPARE(why, error);
}

void tst_DateText::generatedDisplay_data()
{
    // A date qualified by an importer that wrote nothing (Timeline's fuzzy, ACLED's "within the week") or by JSON's
    // flags, shown in the same notation people write.
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<int>("qualifiers");
    QTest::addColumn<QString>("display");
    QTest::newRow("approximate") << "0383" << "" << int(EventTime::Approximate) << "c. 383";
    QTest::newRow("uncertain") << "1984" << "" << int(EventTime::Uncertain) << "1984?";
    QTest::newRow("both") << "1984" << "" << int(EventTime::Approximate | EventTime::Uncertain) << "c. 1984?";
    QTest::newRow("within") << "0047" << "0050" << int(EventTime::Within) << "between 47 and 50";
    QTest::newRow("approximately within") << "0047" << "0050" << int(EventTime::Within | EventTime::Approximate)
                                          << "between c. 47 and c. 50";
    QTest::newRow("an approximate range") << "2023-03-20" << "2023-03-22" << int(EventTime::Approximate)
                                          << "c. 20–22 March 2023";
}

void tst_DateText::generatedDisplay()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(int, qualifiers);
    QFETCH(QString, display);
    const TimePoint a = *TimePoint::parse(start);
    EventTime time = end.isEmpty() ? EventTime::of(a) : EventTime(a.seconds, TimePoint::parse(end)->seconds, a.precision);
    time.setQualifiers(quint8(qualifiers));
    QCOMPARE(time.toDisplayString(kEnglish), display);
}

void tst_DateText::join()
{
    QString error;
    // Two columns: an approximate start and a plain end.
    std::optional<EventTime> time = DateText::join(*DateText::parse(u"c. 1200"), *DateText::parse(u"1250"), &error);
    QVERIFY2(time, qPrintable(error));
    QCOMPARE(isoOf(*time, false), u"1200"_qs);
    QCOMPARE(isoOf(*time, true), u"1250"_qs);
    QCOMPARE(time->qualifiers(), quint8(EventTime::Approximate));
    QCOMPARE(time->toDisplayString(kEnglish), u"c. 1200 – 1250"_qs);
    // An end that is a span of its own ends with its span, uncertain.
    time = DateText::join(*DateText::parse(u"1980"), *DateText::parse(u"199X"), &error);
    QVERIFY2(time, qPrintable(error));
    QCOMPARE(isoOf(*time, true), u"1999"_qs);
    QCOMPARE(time->qualifiers(), quint8(EventTime::Uncertain));
    QCOMPARE(time->toDisplayString(kEnglish), u"1980 – 199X"_qs);
    // The coarser precision, milliseconds kept only at milliseconds.
    time = DateText::join(*DateText::parse(u"2023-05-22T14:30:15.250Z"), *DateText::parse(u"2023-05-22T14:30:15.900Z"),
        &error);
    QVERIFY2(time, qPrintable(error));
    QCOMPARE(time->startMillisecond(), 250);
    QCOMPARE(time->endMillisecond(), 900);
    time = DateText::join(*DateText::parse(u"2023-05-22T14:30:15.250Z"), *DateText::parse(u"2023-05-23"), &error);
    QVERIFY2(time, qPrintable(error));
    QCOMPARE(time->precision(), Precision::Day);
    QCOMPARE(time->startMillisecond(), 0);
    // What cannot be joined.
    QVERIFY(!DateText::join(*DateText::parse(u"1250"), *DateText::parse(u"1200"), &error));
    QCOMPARE(error, u"the end comes before the start"_qs);
    QVERIFY(!DateText::join(
        *DateText::parse(u"2023-05-22T14:30:15.900Z"), *DateText::parse(u"2023-05-22T14:30:15.250Z"), &error));
    QCOMPARE(error, u"the end comes before the start"_qs);
    QVERIFY(!DateText::join(*DateText::parse(u"1984/1986"), *DateText::parse(u"1990"), &error));
    QCOMPARE(error, u"the start (1984–1986) already spans a time of its own; give its end there, or leave the end empty"_qs);
}

void tst_DateText::qualifierWords()
{
    for (quint8 bits = 0; bits <= EventTime::kQualifierBits; ++bits) {
        QCOMPARE(EventTime::qualifiersFromText(EventTime::qualifierText(bits)), std::optional<quint8>(bits));
    }
    QCOMPARE(EventTime::qualifiersFromText(u"Uncertain, approximate"), std::optional<quint8>(3));
    QCOMPARE(EventTime::qualifiersFromText(u"exact"), std::optional<quint8>(0));
    QCOMPARE(EventTime::qualifiersFromText(u"probably"), std::nullopt);
}

void tst_DateText::certaintyOfQualifiers()
{
    QCOMPARE(Certainty::of(0), quint8(Certainty::Exact));
    QCOMPARE(Certainty::of(EventTime::Approximate), quint8(Certainty::Approximate));
    QCOMPARE(Certainty::of(EventTime::Uncertain), quint8(Certainty::Uncertain));
    QCOMPARE(Certainty::of(EventTime::Within), quint8(Certainty::Uncertain)); // somewhere in a span: not sure when
    QCOMPARE(Certainty::of(EventTime::Approximate | EventTime::Uncertain),
        quint8(Certainty::Approximate | Certainty::Uncertain));
    for (const Certainty::Kind kind : Certainty::kAll) {
        QCOMPARE(Certainty::fromName(Certainty::name(kind).toUpper()), std::optional(kind));
    }
    QCOMPARE(Certainty::fromName(u"vague"), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_DateText)
#include "tst_datetext.moc"
