// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/seed.h"
#include "storage/eventstore.h"
#include "storage/schema.h"
#include "storetesthelpers.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace StoreTest;

Q_DECLARE_METATYPE(EventFilter)

class tst_EventStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsCurrentSchema();
    void migratesVersionOneFile();
    void refusesNewerFile();
    void keepsItsTitle();
    void refusesFileThatIsNotSqlite();
    void filters_data();
    void filters();
    void countsPerDimension();
    void countsUnderOtherFilters();
    void fullTextMatchesPrefixesAndPhrases_data();
    void fullTextMatchesPrefixesAndPhrases();
    void malformedSearchIsHarmless_data();
    void malformedSearchIsHarmless();
    void readsBackWhatWasWritten();
    void filtersByCertainty_data();
    void filtersByCertainty();
    void fullTextIndexMatchesItsText();
    void pagesInTimeOrder();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventStore> m_store; // holds the seed
};

void tst_EventStore::init()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    const std::optional<WriteSummary> summary = m_store->write(Seed::events());
    QVERIFY2(summary, qPrintable(m_store->errorString()));
    QCOMPARE(summary->added, 9);
}

void tst_EventStore::cleanup()
{
    m_store.reset();
}

void tst_EventStore::createsCurrentSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("new.annals"));
    {
        EventStore store(path);
        QVERIFY2(store.open(), qPrintable(store.errorString()));
        QCOMPARE(store.count(), 0);
        // The first write into an empty timeline builds its indexes at the end: they must all be there after.
        QVERIFY(store.write(Seed::events()));
    }
    QVERIFY(QFile::exists(path));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QCOMPARE(Schema::version(db), Schema::kVersion);
    QStringList indexes;
    for (QSqlQuery index(
             QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"),
             db);
         index.next();) {
        indexes << index.value(0).toString();
    }
    QCOMPARE(indexes,
        QStringList({u"actors_name"_qs, u"event_actors_actor"_qs, u"event_countries_country"_qs, u"events_kind"_qs,
            u"events_start"_qs, u"links_target"_qs, u"marks_tags_tag"_qs, u"notes_event"_qs}));
    QSqlQuery query(QStringLiteral("PRAGMA journal_mode"), db);
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    query.finish();
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}

void tst_EventStore::migratesVersionOneFile()
{
    const QString path = m_dir.filePath(QStringLiteral("v1.annals"));
    QFile::remove(path);
    {
        QFile script(QStringLiteral(ANNALS_TEST_DATA "/schema-v1.sql"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(script.readAll()).split(u'\n');
        lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("--")); });
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &statement : lines.join(u'\n').split(u';', Qt::SkipEmptyParts)) {
            if (!statement.trimmed().isEmpty()) {
                QSqlQuery query(db);
                QVERIFY2(query.exec(statement), qPrintable(statement));
            }
        }
        QCOMPARE(Schema::version(db), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    EventStore store(path);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QCOMPARE(store.count(), 2);
    const std::optional<Event> old = store.event(QStringLiteral("old-1"));
    QVERIFY(old);
    QCOMPARE(old->title, QStringLiteral("Old talks in Moscow"));
    QCOMPARE(old->time.toDisplayString(QLocale(QLocale::English)), QStringLiteral("21 March 2023"));
    QCOMPARE(old->actors.size(), 2);
    QCOMPARE(old->actors[1].name, QStringLiteral("Xi Jinping"));
    QCOMPARE(old->allCountries(), (QStringList{u"RU"_qs, u"CN"_qs}));
    QCOMPARE(old->quotes.first().text, QStringLiteral("Pipelines matter"));
    // The index added by version 2 covers what version 1 held: summary words, actor names and quotes.
    EventFilter search;
    for (const char *text : {"energy", "jinping", "pipelines", "summit"}) {
        search.text = QString::fromLatin1(text);
        QCOMPARE(store.count(search), 1);
    }
    // And it takes new writes on top of the old rows.
    QVERIFY2(store.write({simpleEvent(u"new"_qs, u"New event"_qs, "2023-06")}), qPrintable(store.errorString()));
    QCOMPARE(store.count(), 3);
}

void tst_EventStore::refusesNewerFile()
{
    const QString path = m_dir.filePath(QStringLiteral("future.annals"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(QStringLiteral("PRAGMA user_version = 99"), db);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    EventStore store(path);
    QVERIFY(!store.open());
    QCOMPARE(store.errorString(),
        path
            + QStringLiteral(": it was written by a newer Annals (schema version 99; this "
                             "one reads up to 6)"));
}

void tst_EventStore::keepsItsTitle()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"titled.annals"_qs);
    {
        EventStore store(path);
        QVERIFY(store.open());
        QCOMPARE(store.title(), QString());
        QVERIFY(store.setTitle(u"China, Russia and the SCO"_qs));
        QVERIFY(store.setTitle(u"China, Russia and the SCO, March to May 2023"_qs)); // a second time replaces
    }
    EventStore again(path);
    QVERIFY(again.open());
    QCOMPARE(again.title(), u"China, Russia and the SCO, March to May 2023"_qs);
}

void tst_EventStore::refusesFileThatIsNotSqlite()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.annals"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    EventStore store(path);
    QVERIFY(!store.open());
    QVERIFY2(store.errorString().startsWith(path + QStringLiteral(": this is not an Annals timeline")),
        qPrintable(store.errorString()));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(4096, 'x')); // nothing the user had is lost
}

void tst_EventStore::filters_data()
{
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<QStringList>("expected"); // ids, in time order

    const QString visit = u"seed-2023-03-20-xi-state-visit-moscow"_qs;
    const QString talks = u"seed-2023-03-21-putin-xi-talks"_qs;
    const QString signing = u"seed-2023-03-21-joint-statements"_qs;
    const QString lavrov = u"seed-2023-04-29-lavrov-global-south"_qs;
    const QString consult = u"seed-2023-05-22-security-consultations"_qs;
    const QString patrushev = u"seed-2023-05-22-patrushev-statement"_qs;
    const QString liHui = u"seed-2023-05-22-li-hui-visit-announced"_qs;
    const QString mishustin = u"seed-2023-05-23-mishustin-arrives-china"_qs;
    const QString zhang = u"seed-2023-05-23-zhang-haizhou-sco"_qs;

    EventFilter f;
    QTest::newRow("none") << f
                          << QStringList{visit, talks, signing, lavrov, consult, patrushev, liHui, mishustin, zhang};
    f = {};
    f.countries = {u"RU"_qs};
    QTest::newRow("country RU") << f
                                << QStringList{
                                       visit, talks, signing, lavrov, consult, patrushev, liHui, mishustin, zhang};
    f.countries = {u"IN"_qs};
    QTest::newRow("country without events") << f << QStringList{};
    f = {};
    f.actors = {u"xi jinping"_qs};
    QTest::newRow("actor, any case") << f << QStringList{visit, talks, signing, mishustin};
    f.actors = {u"Sergey Lavrov"_qs, u"Li Hui"_qs};
    QTest::newRow("two actors") << f << QStringList{lavrov, liHui};
    f = {};
    f.kinds = {u"statement"_qs};
    QTest::newRow("kind") << f << QStringList{lavrov, patrushev, zhang};
    f.kinds = {u"Visit"_qs, u"talks"_qs};
    QTest::newRow("two kinds, any case") << f << QStringList{visit, talks, mishustin};
    f = {};
    f.from = at("2023-05-01");
    QTest::newRow("from") << f << QStringList{consult, patrushev, liHui, mishustin, zhang};
    f = {};
    f.from = at("2023-03-22");
    f.before = at("2023-04-01");
    QTest::newRow("range overlaps a multi-day visit") << f << QStringList{visit};
    f = {};
    f.before = at("2023-03-21");
    QTest::newRow("before, exclusive") << f << QStringList{visit};
    f = {};
    f.text = u"BRICS"_qs;
    QTest::newRow("text") << f << QStringList{lavrov};
    f = {};
    f.countries = {u"RU"_qs};
    f.from = at("2023-05-01");
    QTest::newRow("the README example: RU from May") << f << QStringList{consult, patrushev, liHui, mishustin, zhang};
    f.kinds = {u"statement"_qs};
    f.actors = {u"Zhang Haizhou"_qs};
    f.text = u"founders"_qs;
    QTest::newRow("all combined") << f << QStringList{zhang};
    f.text = u"BRICS"_qs;
    QTest::newRow("all combined, no match") << f << QStringList{};
}

void tst_EventStore::filters()
{
    QFETCH(EventFilter, filter);
    QFETCH(QStringList, expected);
    QCOMPARE(ids(m_store->events(filter)), expected);
    QCOMPARE(m_store->count(filter), expected.size());
}

void tst_EventStore::countsPerDimension()
{
    const QList<FacetCount> countries = m_store->counts(EventFilter::Dimension::Country);
    QCOMPARE(countries, (QList<FacetCount>{{u"RU"_qs, {}, 9}, {u"CN"_qs, {}, 8}}));

    const QList<FacetCount> kinds = m_store->counts(EventFilter::Dimension::Kind);
    QCOMPARE(kinds.first(), (FacetCount{u"statement"_qs, {}, 3}));
    int total = 0;
    for (const FacetCount &kind : kinds) {
        total += kind.count;
    }
    QCOMPARE(total, 9); // every event has exactly one kind

    const QList<FacetCount> actors = m_store->counts(EventFilter::Dimension::Actor);
    QCOMPARE(actors.first(), (FacetCount{u"Xi Jinping"_qs, u"CN"_qs, 4}));
    QVERIFY(actors.contains(FacetCount{u"Shanghai Cooperation Organization"_qs, {}, 1}));
}

void tst_EventStore::countsUnderOtherFilters()
{
    EventFilter filter;
    filter.kinds = {u"statement"_qs};
    filter.countries = {u"CN"_qs};
    // The country counts beside the country list ignore the country choice itself, but not the kind.
    const QList<FacetCount> countries
        = m_store->counts(EventFilter::Dimension::Country, filter.without(EventFilter::Dimension::Country));
    QCOMPARE(countries, (QList<FacetCount>{{u"RU"_qs, {}, 3}, {u"CN"_qs, {}, 2}}));
    const QList<FacetCount> kinds
        = m_store->counts(EventFilter::Dimension::Kind, filter.without(EventFilter::Dimension::Kind));
    QCOMPARE(kinds.size(), 6);
}

void tst_EventStore::fullTextMatchesPrefixesAndPhrases_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("prefix") << "curren"
                            << QStringList{
                                   u"Patrushev: Moscow and Beijing do not interfere in each other's affairs"_qs};
    QTest::newRow("phrase") << "\"national currencies\""
                            << QStringList{
                                   u"Patrushev: Moscow and Beijing do not interfere in each other's affairs"_qs};
    QTest::newRow("phrase in wrong order") << "\"currencies national\"" << QStringList{};
    QTest::newRow("actor title") << "\"Eurasian Affairs\"" << QStringList{u"Li Hui to visit Russia this week"_qs};
    QTest::newRow("quote") << "conducive"
                           << QStringList{u"Zhang Haizhou: China–Russia ties play an important role in the SCO"_qs};
    QTest::newRow("place") << "shanghai"
                           << QStringList{u"Mishustin arrives in China on an official visit"_qs,
                                  u"Zhang Haizhou: China–Russia ties play an important role in the SCO"_qs};
    QTest::newRow("OR") << "BRICS OR currencies"
                        << QStringList{u"Lavrov: more Global South countries seek ties with the SCO and BRICS"_qs,
                               u"Patrushev: Moscow and Beijing do not interfere in each other's affairs"_qs};
    QTest::newRow("two words, both needed")
        << "Lavrov BRICS" << QStringList{u"Lavrov: more Global South countries seek ties with the SCO and BRICS"_qs};
}

void tst_EventStore::fullTextMatchesPrefixesAndPhrases()
{
    QFETCH(QString, text);
    QFETCH(QStringList, titles);
    EventFilter filter;
    filter.text = text;
    QCOMPARE(StoreTest::titles(m_store->events(filter)), titles);
}

void tst_EventStore::malformedSearchIsHarmless_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("unclosed quote") << "\"national curr" << 1;
    QTest::newRow("FTS operators") << "( ) * ^ : - + NEAR(a b)" << 0;
    QTest::newRow("column filter syntax") << "title:BRICS" << 0;
    QTest::newRow("lone quote") << "\"" << 0;
    QTest::newRow("SQL injection") << "'; DROP TABLE events; --" << 0;
    QTest::newRow("only OR") << "OR" << 0;
}

void tst_EventStore::malformedSearchIsHarmless()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    EventFilter filter;
    filter.text = text;
    QCOMPARE(m_store->count(filter), count);
    QCOMPARE(m_store->count(), 9);
}

void tst_EventStore::readsBackWhatWasWritten()
{
    const QList<Event> seed = Seed::events();
    for (const Event &event : seed) {
        const std::optional<Event> stored = m_store->event(event.id);
        QVERIFY(stored);
        QVERIFY2(*stored == event, qPrintable(event.id));
    }
    QVERIFY(!m_store->event(u"no-such-id"_qs));
}

void tst_EventStore::filtersByCertainty_data()
{
    QTest::addColumn<QStringList>("certainties");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("exact") << QStringList{u"exact"_qs}
                           << QStringList{u"earlier"_qs, u"span of milliseconds"_qs, u"later"_qs};
    QTest::newRow("approximate") << QStringList{u"approximate"_qs} << QStringList{u"circa"_qs, u"both"_qs};
    // Uncertain, or somewhere within a span.
    QTest::newRow("uncertain") << QStringList{u"Uncertain"_qs}
                               << QStringList{u"between"_qs, u"decade"_qs, u"uncertain"_qs, u"both"_qs};
    QTest::newRow("approximate or exact")
        << QStringList{u"approximate"_qs, u"exact"_qs}
        << QStringList{u"circa"_qs, u"both"_qs, u"earlier"_qs, u"span of milliseconds"_qs, u"later"_qs};
    QTest::newRow("a word that is none") << QStringList{u"vague"_qs} << QStringList();
}

void tst_EventStore::filtersByCertainty()
{
    QFETCH(QStringList, certainties);
    QFETCH(QStringList, expected);
    EventStore store(u":memory:"_qs);
    QVERIFY(store.open());
    QVERIFY(store.write(qualifiedEvents()));
    EventFilter filter;
    filter.certainties = certainties;
    QCOMPARE(ids(store.events(filter)), expected);
    QCOMPARE(store.count(filter), int(expected.size()));
}

void tst_EventStore::fullTextIndexMatchesItsText()
{
    // The index is built whole after a first import, then kept up row by row; both read the same view, so SQLite's
    // own check, which compares the index with the text it should hold, must pass after each.
    const QString path = m_dir.filePath(QStringLiteral("fts.annals"));
    QFile::remove(path);
    const auto check = [&] {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts"));
        db.setDatabaseName(path);
        bool ok = db.open();
        QSqlQuery query(db);
        ok = ok && query.exec(QStringLiteral("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)"));
        const QString error = query.lastError().text();
        query = QSqlQuery();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("fts"));
        return ok ? QString() : error;
    };
    auto store = std::make_unique<EventStore>(path);
    QVERIFY(store->open());
    QVERIFY(store->write(Seed::events()));
    QCOMPARE(check(), QString());
    QList<Event> events = Seed::events();
    events[3].title = u"Lavrov on the SCO"_qs;
    events[3].quotes.append({u"Lavrov"_qs, u"A multipolar world"_qs});
    events[3].actors.append({u"Wang Yi"_qs, u"CN"_qs, u"listener"_qs, {}, Actor::Type::Person});
    events[5].tags = {u"retagged"_qs};
    events.append(simpleEvent(u"later"_qs, u"A later event"_qs, "2024-01-01"));
    const std::optional<WriteSummary> summary = store->write(events);
    QVERIFY2(summary, qPrintable(store->errorString()));
    QCOMPARE(summary->updated, 2);
    QCOMPARE(summary->added, 1);
    QCOMPARE(check(), QString());
    EventFilter filter;
    filter.text = u"multipolar"_qs;
    QCOMPARE(store->count(filter), 1);
    filter.text = u"retagged"_qs;
    QCOMPARE(store->count(filter), 1);
    filter.text = u"later"_qs;
    QCOMPARE(store->count(filter), 1);
}

void tst_EventStore::pagesInTimeOrder()
{
    const QList<Event> all = m_store->events();
    QCOMPARE(all.size(), 9);
    for (qsizetype i = 1; i < all.size(); ++i) {
        QVERIFY(all[i - 1].time.start() <= all[i].time.start());
    }
    QCOMPARE(ids(m_store->events({}, 3, 3)), ids(all.mid(3, 3)));
    QCOMPARE(m_store->events({}, 5, 8).size(), 1);
}

QTEST_GUILESS_MAIN(tst_EventStore)
#include "tst_eventstore.moc"
