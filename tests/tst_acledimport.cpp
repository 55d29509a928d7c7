// SPDX-License-Identifier: GPL-3.0-or-later
// ACLED's CSV exports in each of their eras (tests/data/acled, see the README there for the rows).
#include "io/importer.h"

#include <QLocale>
#include <QTest>

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(ANNALS_TEST_DATA "/acled/") + name;
}

QString actorsOf(const Event &event)
{
    QStringList actors;
    for (const Actor &actor : event.actors) {
        actors << actor.role + QStringLiteral(": ") + actor.name;
    }
    return actors.join(QStringLiteral("; "));
}

} // namespace

class tst_AcledImport : public QObject {
    Q_OBJECT

private slots:
    void eachEra_data();
    void eachEra();
    void rowsAsEvents_data();
    void rowsAsEvents();
    void countryNamesAndDataId();
};

void tst_AcledImport::eachEra_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::newRow("2020 export, lower case") << "acled-2020.csv" << 6;
    QTest::newRow("2017 API, ally_actor, alphabetical") << "acled-api-2017.csv" << 5;
    QTest::newRow("regional release, UPPER CASE, CRLF") << "acled-africa-2015.csv" << 5;
}

void tst_AcledImport::eachEra()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QCOMPARE(Importer::detectFormat(fixture(file)), u"acled"_qs);
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(fixture(file), {}, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->events.size(), count);
    QVERIFY(result->skipped.isEmpty());
    for (const Event &event : result->events) {
        QVERIFY(event.id.startsWith(u"acled-"_qs));
        QVERIFY(!event.kind.isEmpty());
        QVERIFY(event.summary.contains(u"Fatalities: "_qs));
        QCOMPARE(event.countries.size(), 1);
        QCOMPARE(event.location.country, event.countries.first());
        QVERIFY(event.location.latitude && event.location.longitude);
    }
}

void tst_AcledImport::rowsAsEvents_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("actors");
    QTest::newRow("2020: day, quoted notes") << "acled-2020.csv" << 0 << "acled-NIG17345"
                                             << "9 May 2020"
                                             << "NG"
                                             << "Armed clash in Damboa"
                                             << "actor 1: Military Forces of Nigeria (2015-); actor 2: Boko Haram - "
                                                "Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad";
    QTest::newRow("2020: within a week, associated actors")
        << "acled-2020.csv" << 1 << "acled-KEN6021"
        << "c. 14 May 2020"
        << "KE"
        << "Peaceful protest in Nairobi"
        << "actor 1: Protesters (Kenya); with actor 1: Health Workers (Kenya); with actor 1: Labour Group (Kenya)";
    QTest::newRow("2020: within the month") << "acled-2020.csv" << 2 << "acled-SOM31877"
                                            << "May 2020"
                                            << "SO"
                                            << "Remote explosive/landmine/IED in Afgooye"
                                            << "actor 1: Al Shabaab; actor 2: Military Forces of Somalia (2017-)";
    QTest::newRow("2020: Syria by iso3") << "acled-2020.csv" << 4 << "acled-SYR104562"
                                         << "27 May 2020"
                                         << "SY"
                                         << "Armed clash in Kafr Nobol"
                                         << "actor 1: Military Forces of Syria (2000-); actor 2: HTS: Hayat Tahrir "
                                            "al Sham";
    QTest::newRow("2020: UTF-8 place") << "acled-2020.csv" << 5 << "acled-MLI4219"
                                       << "c. 31 May 2020"
                                       << "ML"
                                       << "Violent demonstration in Ségou"
                                       << "actor 1: Rioters (Mali); with actor 1: Youth Militia (Mali); actor 2: "
                                          "Police Forces of Mali (2013-)";
    QTest::newRow("2017: ISO date") << "acled-api-2017.csv" << 0 << "acled-NIG10234"
                                    << "9 March 2017"
                                    << "NG"
                                    << "Battle-No change of territory in Gwoza"
                                    << "actor 1: Military Forces of Nigeria (2015-); actor 2: Boko Haram - Jamaatu "
                                       "Ahli is-Sunnah lid-Dawati wal-Jihad";
    QTest::newRow("2017: ally actor") << "acled-api-2017.csv" << 2 << "acled-KEN4410"
                                      << "c. 20 March 2017"
                                      << "KE"
                                      << "Riots/Protests in Kisumu"
                                      << "actor 1: Protesters (Kenya); with actor 1: Teachers (Kenya)";
    QTest::newRow("2017: month") << "acled-api-2017.csv" << 3 << "acled-SSD3108"
                                 << "March 2017"
                                 << "SS"
                                 << "Violence against civilians in Yei"
                                 << "actor 1: SPLA-IO: Sudan People's Liberation Army-In Opposition; actor 2: "
                                    "Civilians (South Sudan)";
    QTest::newRow("2015: 01-January-2015") << "acled-africa-2015.csv" << 0 << "acled-NIG7751"
                                           << "1 January 2015"
                                           << "NG"
                                           << "Battle-No change of territory in Konduga"
                                           << "actor 1: Military Forces of Nigeria (2010-2015); actor 2: Boko Haram "
                                              "- Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad";
    QTest::newRow("2015: ally of actor 2") << "acled-africa-2015.csv" << 1 << "acled-SOM17002"
                                           << "17 January 2015"
                                           << "SO"
                                           << "Battle-No change of territory in Bardera"
                                           << "actor 1: Al Shabaab; actor 2: AMISOM: African Union Mission in "
                                              "Somalia (2007-); with actor 2: Military Forces of Somalia (2012-)";
    QTest::newRow("2015: 9-May-15") << "acled-africa-2015.csv" << 2 << "acled-KEN3302"
                                    << "c. 9 May 2015"
                                    << "KE"
                                    << "Riots/Protests in Nairobi"
                                    << "actor 1: Protesters (Kenya); with actor 1: Students (Kenya)";
    QTest::newRow("2015: realtime id, month") << "acled-africa-2015.csv" << 4 << "acled-2210RTA"
                                              << "August 2015"
                                              << "SO"
                                              << "Remote violence in Marka"
                                              << "actor 1: Unidentified Armed Group (Somalia); actor 2: Military "
                                                 "Forces of Somalia (2012-)";
}

void tst_AcledImport::rowsAsEvents()
{
    QFETCH(QString, file);
    QFETCH(int, row);
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(fixture(file), {}, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Event event = result->events.value(row);
    QTEST(event.id, "id");
    QTEST(event.time.toDisplayString(QLocale(QLocale::English)), "date");
    QTEST(event.countries.value(0), "country");
    QTEST(event.title, "title");
    QTEST(actorsOf(event), "actors");
    QCOMPARE(event.kind, event.kind.toLower()); // as every other kind is written
}

void tst_AcledImport::countryNamesAndDataId()
{
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(fixture(u"acled-names.csv"_qs), {}, &error);
    QVERIFY2(result, qPrintable(error.toString())); // strict: nothing here is refused
    QCOMPARE(result->events.size(), 4);
    QVERIFY(result->skipped.isEmpty());
    QStringList ids;
    QStringList countries;
    for (const Event &event : result->events) {
        ids << event.id;
        countries << event.allCountries().join(u'+');
    }
    QCOMPARE(ids, QStringList({u"acled-ROU120"_qs, u"acled-XKX45"_qs, u"acled-data-7400003"_qs, u"acled-ATL7"_qs}));
    QCOMPARE(countries, QStringList({u"RO"_qs, u"XK"_qs, u"CD"_qs, QString()}));
    // The unknown name is kept where a reader sees it, and counted.
    QCOMPARE(result->events[3].location.place, u"Poseidonia, Atlantis"_qs);
    QCOMPARE(result->unknownCountries, (QMap<QString, qsizetype>{{u"Atlantis"_qs, 1}}));
    QCOMPARE(Importer::unknownCountriesNote(result->unknownCountries),
        u"1 event names a country Annals does not know; it is kept without it, the name as written in the place: "
        "Atlantis (1)."_qs);
}

QTEST_GUILESS_MAIN(tst_AcledImport)
#include "tst_acledimport.moc"
