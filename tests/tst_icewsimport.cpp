// SPDX-License-Identifier: GPL-3.0-or-later
// ICEWS coded event data, as Harvard Dataverse serves it (tests/data/icews, see the README there for the rows).
#include "io/importer.h"

#include <QLocale>
#include <QTest>

namespace {

const QString kFixture = QStringLiteral(ANNALS_TEST_DATA "/icews/icews-events-1995.tab");

QString actorsOf(const Event &event)
{
    QStringList actors;
    for (const Actor &actor : event.actors) {
        actors << QStringLiteral("%1: %2 (%3) [%4]").arg(actor.role, actor.name, actor.country, actor.title);
    }
    return actors.join(QStringLiteral("; "));
}

} // namespace

class tst_IcewsImport : public QObject {
    Q_OBJECT

private slots:
    void detectedByItsHeader();
    void rowsAsEvents_data();
    void rowsAsEvents();
    void unknownCountriesAreKeptAndCounted();
};

void tst_IcewsImport::detectedByItsHeader()
{
    QCOMPARE(Importer::detectFormat(kFixture), u"icews"_qs);
    QCOMPARE(Importer::formatName(u"icews"_qs), u"ICEWS event data"_qs);
    QVERIFY(Importer::isRecordFormat(u"icews"_qs)); // streamed, as 18.6M rows must be
    QVERIFY(Importer::fileDialogFilter().contains(u"*.tab"_qs)); // Dataverse's name for its files
}

void tst_IcewsImport::rowsAsEvents_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("countries");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("actors");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("summary");
    QTest::newRow("sectors, Russian Federation")
        << 0 << "icews-926685"
        << "1 January 1995"
        << "diplomatic cooperation"
        << "Boris Yeltsin → Lawmaker (Russia): Praise or endorse"
        << "RU"
        << "Moscow, Moskva, Russian Federation"
        << "source: Boris Yeltsin (RU) [Elite, Executive, Executive Office, Government]; target: Lawmaker (Russia) "
           "(RU) [Legislative / Parliamentary, Government]"
        << "The Toronto Star, story 28235806, sentence 5"
        << "CAMEO event 051 (Engage in diplomatic cooperation). Intensity 3.4.";
    QTest::newRow("Occupied Palestinian Territory")
        << 1 << "icews-926687"
        << "1 January 1995"
        << "consultation"
        << "Yasser Arafat → Shimon Peres: Consult"
        << "PS IL"
        << "Gaza, Gaza Strip, Occupied Palestinian Territory"
        << "source: Yasser Arafat (PS) [Elite, Executive, Executive Office, Government]; target: Shimon Peres (IL) "
           "[Elite, Executive, Government, Cabinet]"
        << "Agence France-Presse, story 28235811, sentence 2"
        << "CAMEO event 040 (Consult). Intensity 1.0.";
    QTest::newRow("Holy See, Cote d'Ivoire") << 2 << "icews-926690"
                                             << "2 January 1995"
                                             << "appeal"
                                             << "Pope John Paul II → Citizen (Cote d'Ivoire): Make an appeal or request"
                                             << "VA CI"
                                             << "Holy See"
                                             << "source: Pope John Paul II (VA) [Religious, Catholic]; target: Citizen "
                                                "(Cote d'Ivoire) (CI) [General Population / Civilian / Social, Social]"
                                             << "Xinhua News Agency, story 28235902, sentence 1"
                                             << "CAMEO event 020 (Appeal). Intensity 3.0.";
    QTest::newRow("Democratic Republic of Congo")
        << 3 << "icews-926693"
        << "2 January 1995"
        << "fight"
        << "Military (Democratic Republic of Congo) → Rebel Group (Democratic Republic of Congo): Use conventional "
           "military force"
        << "CD"
        << "Goma, Nord-Kivu, Democratic Republic of Congo"
        << "source: Military (Democratic Republic of Congo) (CD) [Military, Government]; target: Rebel Group "
           "(Democratic Republic of Congo) (CD) [Rebel, Dissident]"
        << "BBC Monitoring, story 28235950, sentence 3"
        << "CAMEO event 190 (Fight). Intensity -10.0.";
    QTest::newRow("former Yugoslav Republic, no target")
        << 4 << "icews-926701"
        << "3 January 1995"
        << "statement"
        << "Kiro Gligorov: Make statement"
        << "MK"
        << "Skopje, Grad Skopje, the former Yugoslav Republic of Macedonia"
        << "source: Kiro Gligorov (MK) [Elite, Executive, Executive Office, Government]"
        << "Reuters News, story 28236010, sentence 1"
        << "CAMEO event 010 (Make public statement). Intensity 0.0.";
    QTest::newRow("unknown country, quotes, NA") << 5 << "icews-926702"
                                                 << "3 January 1995"
                                                 << "disapproval"
                                                 << "Protester (Freedonia) → Government (Freedonia): Criticize or "
                                                    "denounce \"the regime\""
                                                 << ""
                                                 << "Freedonia"
                                                 << "source: Protester (Freedonia) () [Protestors / Popular Opposition "
                                                    "/ Mobs, Dissident]; target: Government (Freedonia) () [Government]"
                                                 << "ICEWS, story 28236044, sentence 4"
                                                 << "CAMEO event 111 (Disapprove). Intensity -2.0. Countries as "
                                                    "written: Freedonia.";
}

void tst_IcewsImport::rowsAsEvents()
{
    QFETCH(int, row);
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(kFixture, {}, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->format, u"icews"_qs);
    QCOMPARE(result->events.size(), 6);
    QVERIFY(result->skipped.isEmpty());
    const Event event = result->events.value(row);
    QTEST(event.id, "id");
    QTEST(event.time.toDisplayString(QLocale(QLocale::English)), "date");
    QCOMPARE(event.time.precision(), Precision::Day);
    QTEST(event.kind, "kind");
    QTEST(event.title, "title");
    QTEST(event.allCountries().join(u' '), "countries");
    QTEST(event.location.place, "place");
    QTEST(actorsOf(event), "actors");
    QTEST(event.sources.value(0).name, "source");
    QTEST(event.summary, "summary");
    QCOMPARE(bool(event.location.latitude), row != 5); // "NA" is no coordinate
}

void tst_IcewsImport::unknownCountriesAreKeptAndCounted()
{
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(kFixture, {}, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    // Once for the one event, though its source, target and place all name it.
    QCOMPARE(result->unknownCountries, (QMap<QString, qsizetype>{{u"Freedonia"_qs, 1}}));
}

QTEST_GUILESS_MAIN(tst_IcewsImport)
#include "tst_icewsimport.moc"
