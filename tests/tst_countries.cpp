// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/countries.h"

#include <QTest>

class tst_Countries : public QObject {
    Q_OBJECT

private slots:
    void loadsIsoCodes();
    void lookup_data();
    void lookup();
    void name_data();
    void name();
};

void tst_Countries::loadsIsoCodes()
{
    QVERIFY2(Countries::count() >= 249, qPrintable(Countries::dataPath()));
}

void tst_Countries::lookup_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("alpha2");
    QTest::newRow("alpha-2") << "CN"
                             << "CN";
    QTest::newRow("alpha-2, lower case") << "ru"
                                         << "RU";
    QTest::newRow("alpha-3") << "RUS"
                             << "RU";
    QTest::newRow("English name") << "China"
                                  << "CN";
    QTest::newRow("ISO name") << "Russian Federation"
                              << "RU";
    QTest::newRow("common name") << "Bolivia"
                                 << "BO";
    QTest::newRow("official name") << "People's Republic of China"
                                   << "CN";
    QTest::newRow("spaces around") << "  IN "
                                   << "IN";
    // As data sets write them: ICEWS (CAMEO's names) and ACLED.
    QTest::newRow("ICEWS: Occupied Palestinian Territory") << "Occupied Palestinian Territory"
                                                           << "PS";
    QTest::newRow("ICEWS: Holy See") << "Holy See"
                                     << "VA";
    QTest::newRow("ICEWS: Cote d'Ivoire, no accent") << "Cote d'Ivoire"
                                                     << "CI";
    QTest::newRow("Côte d’Ivoire, typographic apostrophe") << "Côte d’Ivoire"
                                                           << "CI";
    QTest::newRow("ICEWS: Democratic Republic of Congo") << "Democratic Republic of Congo"
                                                         << "CD";
    QTest::newRow("ISO's sorted name read forwards") << "the Democratic Republic of the Congo"
                                                     << "CD";
    QTest::newRow("Congo alone is the Republic") << "Congo"
                                                 << "CG";
    QTest::newRow("ICEWS: former Yugoslav Republic") << "the former Yugoslav Republic of Macedonia"
                                                     << "MK";
    QTest::newRow("sorted name, first part") << "Iran"
                                             << "IR";
    QTest::newRow("sorted name, read forwards") << "United Republic of Tanzania"
                                                << "TZ";
    QTest::newRow("ACLED iso3: ROM") << "ROM"
                                     << "RO";
    QTest::newRow("ACLED: Kosovo") << "Kosovo"
                                   << "XK";
    QTest::newRow("Kosovo's alpha-3") << "XKX"
                                      << "XK";
    QTest::newRow("ISO renamed: Turkey") << "Turkey"
                                         << "TR";
    QTest::newRow("ISO renamed: Swaziland") << "swaziland"
                                            << "SZ";
    // A short form two countries share names neither; the alias table says which the usual name means.
    QTest::newRow("Virgin Islands, British or U.S.") << "Virgin Islands"
                                                     << "";
    QTest::newRow("US Virgin Islands") << "US Virgin Islands"
                                       << "VI";
    QTest::newRow("Congo, Republic of") << "Congo, Republic of"
                                        << "CG";
    QTest::newRow("inner spaces") << "South   Korea"
                                  << "KR";
    QTest::newRow("unknown code") << "XX"
                                  << "";
    QTest::newRow("unknown name") << "Atlantis"
                                  << "";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_Countries::lookup()
{
    QFETCH(QString, input);
    QFETCH(QString, alpha2);
    QCOMPARE(Countries::lookup(input), alpha2);
}

void tst_Countries::name_data()
{
    QTest::addColumn<QString>("alpha2");
    QTest::addColumn<QString>("name");
    QTest::newRow("China") << "CN"
                           << "China";
    QTest::newRow("Russia") << "RU"
                            << "Russian Federation";
    QTest::newRow("common name preferred") << "TW"
                                           << "Taiwan";
    QTest::newRow("Kosovo, which ISO has not") << "XK"
                                               << "Kosovo";
    QTest::newRow("unknown") << "XX"
                             << "";
}

void tst_Countries::name()
{
    QFETCH(QString, alpha2);
    QFETCH(QString, name);
    QCOMPARE(Countries::name(alpha2), name);
}

QTEST_GUILESS_MAIN(tst_Countries)
#include "tst_countries.moc"
