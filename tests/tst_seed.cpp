// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/seed.h"
#include "storage/eventstore.h"

#include <QFile>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>

namespace {

const Event *findEvent(const QList<Event> &events, const QString &id)
{
    for (const Event &event : events) {
        if (event.id == id) {
            return &event;
        }
    }
    return nullptr;
}

} // namespace

class tst_Seed : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void holdsEveryEventOfTheArticle();
    void event_data();
    void event();
    void quotesAreVerbatimFromTheArticle();
    void defaultTimelineIsCreatedWithTheSeedOnce();
};

void tst_Seed::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("annals-tst-seed"));
}

void tst_Seed::holdsEveryEventOfTheArticle()
{
    QCOMPARE(Seed::events().size(), 9);
    QCOMPARE(Seed::title(), QStringLiteral("China, Russia and the SCO, March to May 2023"));
    for (const Event &event : Seed::events()) {
        QVERIFY2(!event.summary.isEmpty(), qPrintable(event.id));
        QVERIFY2(!event.kind.isEmpty(), qPrintable(event.id));
        QVERIFY2(!event.sources.isEmpty(), qPrintable(event.id));
    }
}

void tst_Seed::event_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("countries");
    QTest::addColumn<QStringList>("actors"); // "name/country/role"

    QTest::newRow("1 Xi's state visit") << "seed-2023-03-20-xi-state-visit-moscow"
                                        << "20–22 March 2023"
                                        << "visit" << QStringList{u"CN"_qs, u"RU"_qs}
                                        << QStringList{u"Xi Jinping/CN/guest"_qs, u"Vladimir Putin/RU/host"_qs};
    QTest::newRow("2 talks") << "seed-2023-03-21-putin-xi-talks"
                             << "21 March 2023"
                             << "talks" << QStringList{u"RU"_qs, u"CN"_qs}
                             << QStringList{u"Vladimir Putin/RU/host"_qs, u"Xi Jinping/CN/guest"_qs};
    QTest::newRow("2 joint documents") << "seed-2023-03-21-joint-statements"
                                       << "21 March 2023"
                                       << "agreement" << QStringList{u"RU"_qs, u"CN"_qs}
                                       << QStringList{u"Vladimir Putin/RU/signatory"_qs, u"Xi Jinping/CN/signatory"_qs};
    QTest::newRow("3 Lavrov") << "seed-2023-04-29-lavrov-global-south"
                              << "29 April 2023"
                              << "statement" << QStringList{u"RU"_qs} << QStringList{u"Sergey Lavrov/RU/speaker"_qs};
    QTest::newRow("4 consultations") << "seed-2023-05-22-security-consultations"
                                     << "22 May 2023"
                                     << "consultation" << QStringList{u"RU"_qs, u"CN"_qs}
                                     << QStringList{u"Nikolai Patrushev/RU/participant"_qs};
    QTest::newRow("5 Patrushev") << "seed-2023-05-22-patrushev-statement"
                                 << "22 May 2023"
                                 << "statement" << QStringList{u"CN"_qs, u"RU"_qs}
                                 << QStringList{u"Nikolai Patrushev/RU/speaker"_qs};
    QTest::newRow("6 Li Hui") << "seed-2023-05-22-li-hui-visit-announced"
                              << "22 May 2023"
                              << "announcement" << QStringList{u"RU"_qs, u"CN"_qs}
                              << QStringList{u"Li Hui/CN/guest"_qs};
    QTest::newRow("7 Mishustin") << "seed-2023-05-23-mishustin-arrives-china"
                                 << "23 May 2023"
                                 << "visit" << QStringList{u"RU"_qs, u"CN"_qs}
                                 << QStringList{u"Mikhail Mishustin/RU/guest"_qs, u"Xi Jinping/CN/host"_qs};
    QTest::newRow("8 Zhang Haizhou") << "seed-2023-05-23-zhang-haizhou-sco"
                                     << "23 May 2023"
                                     << "statement" << QStringList{u"RU"_qs, u"CN"_qs}
                                     << QStringList{u"Zhang Haizhou/CN/speaker"_qs,
                                            u"Shanghai Cooperation Organization//subject"_qs};
}

void tst_Seed::event()
{
    QFETCH(QString, id);
    QFETCH(QString, date);
    QFETCH(QString, kind);
    QFETCH(QStringList, countries);
    QFETCH(QStringList, actors);
    const QList<Event> events = Seed::events();
    const Event *event = findEvent(events, id);
    QVERIFY(event);
    QCOMPARE(event->time.toDisplayString(QLocale(QLocale::English)), date);
    QCOMPARE(event->kind, kind);
    QCOMPARE(event->allCountries(), countries);
    QStringList actual;
    for (const Actor &actor : event->actors) {
        actual << actor.name + u'/' + actor.country + u'/' + actor.role;
    }
    QCOMPARE(actual, actors);
}

void tst_Seed::quotesAreVerbatimFromTheArticle()
{
    QFile file(QStringLiteral(ANNALS_SHARED_DIR "/seed/article.txt"));
    QVERIFY2(file.open(QIODevice::ReadOnly), "the seed article sits beside the project in ../shared");
    const QString article = QString::fromUtf8(file.readAll());
    int quotes = 0;
    for (const Event &event : Seed::events()) {
        for (const Quote &quote : event.quotes) {
            QVERIFY2(article.contains(quote.text), qPrintable(quote.text));
            ++quotes;
        }
    }
    QCOMPARE(quotes, 1); // the article quotes only Zhang Haizhou word for word
}

void tst_Seed::defaultTimelineIsCreatedWithTheSeedOnce()
{
    QFile::remove(Seed::defaultTimelinePath());
    QString error;
    {
        const std::unique_ptr<EventStore> store = Seed::openTimeline(QString(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->path(), Seed::defaultTimelinePath());
        QCOMPARE(store->count(), 9);
        Event extra;
        extra.id = u"mine"_qs;
        extra.title = u"My own event"_qs;
        extra.time = EventTime(0, Precision::Day);
        QVERIFY(store->write({extra}));
    }
    {
        // Opening again keeps what the user added and does not seed twice.
        const std::unique_ptr<EventStore> store = Seed::openTimeline(QString(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->count(), 10);
    }
    QVERIFY(QFile::remove(Seed::defaultTimelinePath()));
}

QTEST_GUILESS_MAIN(tst_Seed)
#include "tst_seed.moc"
