// SPDX-License-Identifier: GPL-3.0-or-later
// GDELT event exports: the real 2.0 file in ../shared/data/real/gdelt (see PROVENANCE.md there), and the same
// records in each version's layout (tests/data/gdelt, see the README there).
#include "domain/countries.h"
#include "io/cameo.h"
#include "io/gdeltimport.h"
#include "io/importer.h"

#include <QLocale>
#include <QTest>

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(ANNALS_TEST_DATA "/gdelt/") + QLatin1String(name);
}

const QString kRealExport = QStringLiteral(ANNALS_SHARED_DIR "/data/real/gdelt/gdelt2_20191024143000.export.CSV");

QList<Event> read(const QString &path)
{
    ImportError error;
    const std::optional<Importer::Result> result = Importer::readFile(path, {}, &error);
    if (!result) {
        qWarning("%s", qPrintable(error.toString()));
        return {};
    }
    if (result->format != QLatin1String("gdelt")) {
        qWarning("read as %s", qPrintable(result->format));
        return {};
    }
    return result->events;
}

QString actorsOf(const Event &event)
{
    QStringList actors;
    for (const Actor &actor : event.actors) {
        actors << actor.name + QStringLiteral(" (") + actor.country + u')';
    }
    return actors.join(QStringLiteral(", "));
}

} // namespace

class tst_GdeltImport : public QObject {
    Q_OBJECT

private slots:
    void countryCodes_data();
    void countryCodes();
    void eachVersion_data();
    void eachVersion();
    void realExport();
    void rootEvents();
};

void tst_GdeltImport::countryCodes_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("alpha2");
    // FIPS 10-4, as GDELT's geography writes it: the traps where it differs from ISO.
    QTest::newRow("FIPS GM is Germany") << "fips"
                                        << "GM"
                                        << "DE";
    QTest::newRow("FIPS UK is the United Kingdom") << "fips"
                                                   << "UK"
                                                   << "GB";
    QTest::newRow("FIPS CH is China") << "fips"
                                      << "CH"
                                      << "CN";
    QTest::newRow("FIPS SZ is Switzerland") << "fips"
                                            << "SZ"
                                            << "CH";
    QTest::newRow("FIPS RS is Russia") << "fips"
                                       << "RS"
                                       << "RU";
    QTest::newRow("FIPS RI is Serbia") << "fips"
                                       << "RI"
                                       << "RS";
    QTest::newRow("FIPS SF is South Africa") << "fips"
                                             << "SF"
                                             << "ZA";
    QTest::newRow("FIPS BO is Belarus") << "fips"
                                        << "BO"
                                        << "BY";
    QTest::newRow("FIPS AS is Australia") << "fips"
                                          << "AS"
                                          << "AU";
    QTest::newRow("FIPS lower case") << "fips"
                                     << "gm"
                                     << "DE";
    QTest::newRow("FIPS ocean has no country") << "fips"
                                               << "OS"
                                               << "";
    QTest::newRow("FIPS empty") << "fips"
                                << ""
                                << "";
    // CAMEO actor countries: ISO alpha-3 but for a few of its own, and regions.
    QTest::newRow("CAMEO USA") << "cameo"
                               << "USA"
                               << "US";
    QTest::newRow("CAMEO LBN") << "cameo"
                               << "LBN"
                               << "LB";
    QTest::newRow("CAMEO ROM is Romania") << "cameo"
                                          << "ROM"
                                          << "RO";
    QTest::newRow("CAMEO TMP is Timor-Leste") << "cameo"
                                              << "TMP"
                                              << "TL";
    QTest::newRow("CAMEO EUR is a region") << "cameo"
                                           << "EUR"
                                           << "";
    QTest::newRow("CAMEO AFR is a region") << "cameo"
                                           << "AFR"
                                           << "";
    QTest::newRow("CAMEO two letters are not a code") << "cameo"
                                                      << "US"
                                                      << "";
}

void tst_GdeltImport::countryCodes()
{
    QFETCH(QString, system);
    QFETCH(QString, code);
    QFETCH(QString, alpha2);
    QCOMPARE(system == QLatin1String("fips") ? Countries::fromFips(code) : Countries::fromCameo(code), alpha2);
}

void tst_GdeltImport::eachVersion_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("hasSource");
    QTest::newRow("2.0, 61 fields") << fixture("gdelt2-excerpt.export.CSV") << true;
    QTest::newRow("1.0, 58 fields") << fixture("gdelt1-excerpt.export.CSV") << true;
    QTest::newRow("1.0 backfile, 57 fields") << fixture("gdelt1-backfile.CSV") << false;
    // A back file and a daily file joined: the second line has 57 fields between two of 58.
    QTest::newRow("1.0, 58 and 57 fields mixed") << fixture("gdelt1-mixed.CSV") << true;
    QTest::newRow("61, 57 and 58 fields mixed") << fixture("gdelt-versions-mixed.CSV") << true;
    QTest::newRow("2.0, zipped as GDELT serves it") << fixture("gdelt2-excerpt.export.CSV.zip") << true;
    QTest::newRow("2.0, zipped on a Mac (__MACOSX)") << fixture("gdelt2-excerpt-macos.zip") << true;
}

void tst_GdeltImport::eachVersion()
{
    QFETCH(QString, file);
    QFETCH(bool, hasSource);
    const QList<Event> events = read(file);
    QCOMPARE(events.size(), 3);
    // The same three records, whatever the layout.
    const Event &first = events[0];
    QCOMPARE(first.id, u"gdelt-881990832"_qs);
    QCOMPARE(first.time.toDisplayString(QLocale(QLocale::English)), u"24 October 2018"_qs);
    QCOMPARE(first.time.precision(), Precision::Day);
    QCOMPARE(first.kind, u"threat"_qs); // EventRootCode 13
    QCOMPARE(actorsOf(first), u"Victoria (AU)"_qs); // Actor2 only; AUS is CAMEO (and ISO) for Australia
    QCOMPARE(first.actors[0].role, u"target"_qs);
    QCOMPARE(first.title, u"Unidentified actor → Victoria: Threaten"_qs); // not Victoria threatening
    QCOMPARE(first.allCountries(), QStringList{u"AU"_qs});
    QCOMPARE(first.location.place, u"Vancouver, British Columbia, Canada"_qs);
    QCOMPARE(first.location.country, u"CA"_qs);
    QCOMPARE(first.location.latitude.value_or(0), 49.25);
    QCOMPARE(first.location.longitude.value_or(0), -123.133);
    QCOMPARE(first.sources.isEmpty(), !hasSource);
    QCOMPARE(events[2].sources.isEmpty(), !hasSource);
    if (hasSource) {
        QCOMPARE(first.sources[0].name, u"www.timescolonist.com"_qs);
        QVERIFY(first.sources[0].url.startsWith(u"https://www.timescolonist.com/entertainment/"_qs));
        QCOMPARE(first.sources[0].date, u"2019-10-24"_qs); // DATEADDED, not the event's day
    }
    const Event &second = events[1];
    // EventRootCode 04; the EU is Actor2, and GDELT could not tell who consulted it.
    QCOMPARE(second.title, u"Unidentified actor → The EU: Consult"_qs);
    QCOMPARE(second.location.country, u"BY"_qs); // FIPS BO
    // EUR is a region, not a country: with no actor's country, the event is about the place's.
    QCOMPARE(second.countries, QStringList());
    QCOMPARE(second.allCountries(), QStringList{u"BY"_qs});
    const Event &last = events[2];
    QCOMPARE(last.id, u"gdelt-881992942"_qs);
    QCOMPARE(last.title, u"Zulu → Tyre: Engage in material cooperation"_qs);
    QCOMPARE(actorsOf(last), u"Zulu (), Tyre (LB)"_qs);
    QCOMPARE(last.location.country, u"ZA"_qs); // FIPS SF
}

void tst_GdeltImport::realExport()
{
    const QList<Event> events = read(kRealExport);
    QCOMPARE(events.size(), 2111);
    QCOMPARE(events.first().id, u"gdelt-881990832"_qs);
    QCOMPARE(events.last().id, u"gdelt-881992942"_qs);
    qsizetype lastDay = 0;
    qsizetype placeless = 0;
    qsizetype actorless = 0;
    qsizetype countryless = 0;
    QSet<QString> ids;
    for (const Event &event : events) {
        ids.insert(event.id);
        QCOMPARE(event.time.precision(), Precision::Day);
        QVERIFY2(!event.kind.isEmpty() && !event.title.isEmpty(), qPrintable(event.id));
        lastDay += event.time.toDisplayString(QLocale(QLocale::English)) == QLatin1String("24 October 2019");
        placeless += event.location.isEmpty(); // ActionGeo_Type 0: no place at all
        actorless += event.actors.isEmpty();
        countryless += event.allCountries().isEmpty();
        for (const QString &country : event.allCountries() + QStringList(event.location.country)) {
            QVERIFY2(country.isEmpty() || !Countries::name(country).isEmpty(), qPrintable(country));
        }
    }
    QCOMPARE(ids.size(), events.size()); // GLOBALEVENTIDs are unique
    QCOMPARE(lastDay, 2051); // SQLDATE, not DATEADDED: the rest reach back as far as 24 October 2018
    // 37 with ActionGeo_Type 0, and line 1305, whose only geography is FIPS YI: Serbia and Montenegro, which has
    // no ISO code since 2006.
    QCOMPARE(placeless, 38);
    QCOMPARE(actorless, 0);
    // 433 events have no actor with a country; 420 of them take their ActionGeo's (so --country BY finds Minsk).
    QCOMPARE(countryless, 13);
    // Mojibake in a place name arrives as the file has it, not as an error.
    QVERIFY(std::any_of(
        events.cbegin(), events.cend(), [](const Event &event) { return event.location.place.contains(u"Køavn"_qs); }));
}

void tst_GdeltImport::rootEvents()
{
    QCOMPARE(Cameo::rootName(u"01"), u"Make public statement"_qs);
    QCOMPARE(Cameo::rootName(u"04"), u"Consult"_qs);
    QCOMPARE(Cameo::rootName(u"20"), u"Use unconventional mass violence"_qs);
    QCOMPARE(Cameo::rootName(u"21"), QString());
    QCOMPARE(Cameo::rootName(u"--"), QString());
    // ICEWS gives the whole code: the root is its first two digits.
    QCOMPARE(Cameo::rootName(u"042"), u"Consult"_qs);
    QCOMPARE(Cameo::rootKind(u"1823"), u"assault"_qs);
    QCOMPARE(Cameo::rootKind(u"2"), QString());
    QCOMPARE(Cameo::rootKind(u"04x"), QString());
}

QTEST_GUILESS_MAIN(tst_GdeltImport)
#include "tst_gdeltimport.moc"
