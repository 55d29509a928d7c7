// SPDX-License-Identifier: GPL-3.0-or-later
// The in-memory filter against the SQL one: for many filters on a generated timeline, FilterResult keeps the same
// events, counts the same facets and orders the table the same as EventStore::events, count and counts. And the
// engine that computes it off the window's thread announces only the newest request's result.
#include "generatedtimeline.h"
#include "models/eventlistmodel.h"
#include "models/facetmodel.h"
#include "storage/eventeditor.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "workingset/filterengine.h"
#include "workingset/filterresult.h"
#include "workingset/workingset.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList idsOf(const QList<Event> &events)
{
    QStringList ids;
    for (const Event &event : events) {
        ids << event.id;
    }
    return ids;
}

// Facet counts as a sorted list of "key|detail=count", to compare without regard to the order of ties. Kinds that
// differ only in case are one choice, spelled either way.
QStringList flattened(const QList<FacetCount> &counts, EventFilter::Dimension dimension)
{
    QStringList lines;
    for (const FacetCount &count : counts) {
        const bool folded = dimension == EventFilter::Dimension::Kind || dimension == EventFilter::Dimension::MarkTag;
        const QString key = folded ? count.key.toLower() : count.key;
        lines << QStringLiteral("%1|%2=%3").arg(key, count.detail).arg(count.count);
    }
    lines.sort();
    return lines;
}

} // namespace

Q_DECLARE_METATYPE(EventFilter)

class tst_FilterResult : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsTheStore_data();
    void sameAsTheStore();
    void tableOrdersAsTheStore_data();
    void tableOrdersAsTheStore();
    void lanesHoldTheirEvents();
    void onlyTheNewestResultIsShown();
    void modelsOverTheResult();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventStore> m_store;
    QList<Event> m_events;
};

void tst_FilterResult::initTestCase()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY(m_store->open());
    m_events = generated(900);
    QVERIFY(m_store->write(m_events));
    // The analyst's marks on some of them: stars, notes and tags, some tagged twice.
    QRandomGenerator random(77);
    QStringList starred;
    QHash<QString, QStringList> tags;
    EventEditor editor(*m_store);
    for (int i = 0; i < m_events.size(); ++i) {
        const QString &id = m_events[i].id;
        if (i % 7 == 0) {
            starred << id;
        }
        if (i % 13 == 0) {
            QVERIFY(editor.putNote(id, {0, 0, kWords[random.bounded(kWords.size())] + u" noted"_qs}));
        }
        if (i % 5 == 0) {
            tags[id] << kMarkTags[random.bounded(kMarkTags.size())];
            if (random.bounded(3) == 0) {
                tags[id] << u"second"_qs;
            }
        }
    }
    QVERIFY2(editor.setStarred(starred, true), qPrintable(editor.errorString()));
    QVERIFY2(editor.setTags(tags), qPrintable(editor.errorString()));
}

void tst_FilterResult::sameAsTheStore_data()
{
    QTest::addColumn<EventFilter>("filter");
    const auto row = [](const char *name, const EventFilter &filter) { QTest::newRow(name) << filter; };
    EventFilter f;
    row("everything", f);
    f = {};
    f.countries = {u"CN"_qs};
    row("one country", f);
    f.countries = {u"cn"_qs, u"ZA"_qs};
    row("two countries, one in lower case", f);
    f.countries = {FacetModel::nothing()};
    row("no country at all", f);
    f = {};
    f.actors = {u"li hui"_qs};
    row("an actor in another case", f);
    f.actors = {u" Ms Émilie "_qs};
    row("an actor with a non-ASCII letter, spaces around", f);
    f.actors = {u"Nobody"_qs};
    row("an unknown actor", f);
    f = {};
    f.kinds = {u"VISIT"_qs};
    row("a kind in another case", f);
    f.kinds = {QString()};
    row("the empty kind", f);
    f = {};
    f.from = at("2021-03-01");
    row("from a date", f);
    f = {};
    f.before = at("2020-01-03");
    row("before a date (shared days)", f);
    f.from = at("2020-01-02");
    row("one day", f);
    f = {};
    f.from = at("2021-01-01") + 1; // a year-precision event of 2021 covers it
    f.before = at("2021-01-01") + 2;
    row("a second inside a year", f);
    f = {};
    f.text = u"nuclear"_qs;
    row("a word", f);
    f.text = u"nuc"_qs;
    row("a prefix", f);
    f.text = u"\"grain summit\""_qs;
    row("a phrase", f);
    f.text = u"pipeline OR border"_qs;
    row("or", f);
    f.text = u"*** !!"_qs;
    row("nothing searchable", f);
    f.text = u"li hui"_qs;
    row("an actor's name as text", f);
    f = {};
    f.countries = {u"RU"_qs};
    f.actors = {u"Xi Jinping"_qs, u"Lula"_qs};
    f.kinds = {u"talks"_qs, u"visit"_qs};
    f.from = at("2020-06-01");
    f.text = u"Moscow"_qs;
    row("everything at once", f);
    f = {};
    f.certainties = {u"exact"_qs};
    row("exact dates", f);
    f.certainties = {u"Approximate"_qs};
    row("approximate dates", f);
    f.certainties = {u"uncertain"_qs, u"approximate"_qs};
    row("uncertain or approximate dates", f);
    f.countries = {u"RU"_qs};
    f.from = at("2021-01-01");
    row("uncertain or approximate dates in Russia from 2021", f);
    f = {};
    f.starred = true;
    row("starred", f);
    f.hasNote = true;
    row("starred with a note", f);
    f = {};
    f.hasNote = true;
    row("with a note", f);
    f = {};
    f.markTags = {u"WATCH"_qs};
    row("an analyst's tag in another case", f);
    f.markTags = {u"doubtful"_qs, u"second"_qs};
    row("two analyst's tags", f);
    f.countries = {u"CN"_qs};
    f.starred = true;
    row("an analyst's tag, starred, in China", f);
    f = {};
    f.text = u"noted"_qs;
    row("a word of the notes", f);
    // Random combinations.
    QRandomGenerator random(99);
    static std::vector<QByteArray> names;
    for (int i = 0; i < 40; ++i) {
        EventFilter r;
        if (random.bounded(2)) {
            r.countries = {kCountries[random.bounded(kCountries.size())], kCountries[random.bounded(kCountries.size())]};
        }
        if (random.bounded(3) == 0) {
            r.actors = {kActors[random.bounded(kActors.size())]};
        }
        if (random.bounded(3) == 0) {
            r.kinds = {kKinds[random.bounded(kKinds.size())]};
        }
        if (random.bounded(3) == 0) {
            r.from = at("2020-01-01") + qint64(random.bounded(3 * 365)) * 86400;
        }
        if (random.bounded(3) == 0) {
            r.before = at("2020-01-01") + qint64(random.bounded(4 * 365)) * 86400;
        }
        if (random.bounded(3) == 0) {
            r.text = kWords[random.bounded(kWords.size())];
        }
        if (random.bounded(4) == 0) {
            r.certainties = {Certainty::name(Certainty::kAll[random.bounded(3)])};
        }
        r.starred = random.bounded(5) == 0;
        r.hasNote = random.bounded(6) == 0;
        if (random.bounded(4) == 0) {
            r.markTags = {kMarkTags[random.bounded(kMarkTags.size())]};
        }
        names.push_back("random " + QByteArray::number(i));
        QTest::newRow(names.back().constData()) << r;
    }
}

void tst_FilterResult::sameAsTheStore()
{
    QFETCH(EventFilter, filter);
    for (const LaneMode mode : {LaneMode::Country, LaneMode::Actor}) {
        const std::shared_ptr<const FilterResult> result = FilterEngine::evaluate(*m_store, {filter, mode, {}});
        QVERIFY(result);
        QCOMPARE(int(result->count()), m_store->count(filter));
        QCOMPARE(result->total(), size_t(m_events.size()));
        // The same events, in the same (time) order.
        QStringList ids;
        for (quint32 item = 0; item < result->index().size(); ++item) {
            ids << result->index().id(item);
        }
        QCOMPARE(ids, idsOf(m_store->events(filter)));
        for (const auto dimension : {EventFilter::Dimension::Country, EventFilter::Dimension::Actor,
                 EventFilter::Dimension::Kind, EventFilter::Dimension::Certainty, EventFilter::Dimension::MarkTag}) {
            QCOMPARE(flattened(result->counts(dimension), dimension),
                flattened(m_store->counts(dimension, filter.without(dimension)), dimension));
        }
        // The overview holds the events the filter keeps but for its dates.
        EventFilter undated = filter;
        undated.from.reset();
        undated.before.reset();
        QCOMPARE(int(result->sharedOverview()->size()), m_store->count(undated));
    }
}

void tst_FilterResult::tableOrdersAsTheStore_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<EventFilter>("filter");
    EventFilter some;
    some.countries = {u"RU"_qs, u"FR"_qs};
    for (const auto &[key, name] : {std::pair{EventOrder::Key::Time, "time"}, std::pair{EventOrder::Key::Title, "title"},
             std::pair{EventOrder::Key::Countries, "countries"}, std::pair{EventOrder::Key::Actors, "actors"},
             std::pair{EventOrder::Key::Kind, "kind"}}) {
        for (const bool descending : {false, true}) {
            QTest::addRow("%s%s", name, descending ? ", descending" : "") << int(key) << descending << EventFilter();
            QTest::addRow("%s%s, filtered", name, descending ? ", descending" : "") << int(key) << descending << some;
        }
    }
}

void tst_FilterResult::tableOrdersAsTheStore()
{
    QFETCH(int, key);
    QFETCH(bool, descending);
    QFETCH(EventFilter, filter);
    const EventOrder order{EventOrder::Key(key), descending};
    const std::shared_ptr<const FilterResult> result = FilterEngine::evaluate(*m_store, {filter, LaneMode::Country, order});
    QStringList ids;
    for (const quint32 row : result->tableRows()) {
        ids << result->workingSet().id(row);
    }
    QCOMPARE(ids, idsOf(m_store->events(filter, -1, 0, order)));
    // Every event finds its own row.
    for (int row = 0; row < ids.size(); row += 37) {
        QCOMPARE(result->tableRowOf(*result->workingSet().rowOfId(ids[row])), row);
    }
}

void tst_FilterResult::lanesHoldTheirEvents()
{
    // Each lane holds exactly the events with that key, each once, and an event without any is in the key-less lane.
    const std::shared_ptr<const FilterResult> result = FilterEngine::evaluate(*m_store, {{}, LaneMode::Country, {}});
    const TimelineIndex &index = result->index();
    QHash<QString, QStringList> expected;
    for (const Event &event : m_store->events()) {
        const QStringList countries = event.allCountries();
        for (const QString &country : countries.isEmpty() ? QStringList{QString()} : countries) {
            expected[country] << event.id;
        }
    }
    QCOMPARE(index.lanes().size(), size_t(expected.size()));
    for (const TimelineIndex::Lane &lane : index.lanes()) {
        QStringList ids;
        for (const quint32 item : lane.items) {
            ids << index.id(item);
        }
        QCOMPARE(ids, expected.value(lane.key));
        QVERIFY(std::is_sorted(lane.starts.begin(), lane.starts.end()));
    }
    // Colours follow the whole timeline: a filtered lane keeps the slot it has unfiltered.
    EventFilter onlyFrance;
    onlyFrance.countries = {u"FR"_qs};
    const auto filtered = FilterEngine::evaluate(*m_store, {onlyFrance, LaneMode::Country, {}});
    const auto &lane = filtered->index().lanes()[size_t(filtered->index().laneOf(u"FR"_qs))];
    QCOMPARE(lane.colourSlot, index.lanes()[size_t(index.laneOf(u"FR"_qs))].colourSlot);
}

void tst_FilterResult::onlyTheNewestResultIsShown()
{
    // A file, so that the engine works on its worker thread.
    const QString path = m_dir.filePath(QStringLiteral("engine.annals"));
    EventStore store(path);
    QVERIFY(store.open());
    QVERIFY(store.write(m_events));
    FilterEngine engine;
    QSignalSpy results(&engine, &FilterEngine::resultReady);
    QSignalSpy loaded(&engine, &FilterEngine::loaded);
    engine.open(store);
    QVERIFY(engine.isBusy());
    // Three requests while the first is in flight (the set is still loading): only the last one is answered.
    EventFilter first, second, last;
    first.text = u"nuclear"_qs;
    second.countries = {u"CN"_qs};
    last.kinds = {u"talks"_qs};
    last.text = u"grain"_qs;
    engine.request({first, LaneMode::Country, {}});
    engine.request({second, LaneMode::Kind, {}});
    engine.request({last, LaneMode::Actor, {}});
    QVERIFY(results.wait(20000));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().first().value<qsizetype>(), qsizetype(m_events.size()));
    QTest::qWait(50);
    QCOMPARE(results.count(), 1);
    QVERIFY(!engine.isBusy());
    QCOMPARE(engine.result()->query().filter, last);
    QCOMPARE(int(engine.result()->count()), store.count(last));

    // Requests after the load, each issued before the last one's answer came: again only the newest.
    results.clear();
    for (int i = 0; i < 20; ++i) {
        EventFilter filter;
        filter.text = kWords[i % kWords.size()];
        filter.countries = {kCountries[i % kCountries.size()]};
        engine.request({filter, LaneMode::Country, {}});
    }
    QVERIFY(results.wait(20000));
    QTest::qWait(50);
    QCOMPARE(results.count(), 1);
    QCOMPARE(engine.result()->query().filter.countries, QStringList{kCountries[19 % kCountries.size()]});
    QCOMPARE(int(engine.result()->count()), store.count(engine.result()->query().filter));

    // A request answered, then another: both are shown, in turn.
    results.clear();
    engine.request({EventFilter(), LaneMode::None, {}});
    QVERIFY(results.wait(20000));
    QCOMPARE(engine.result()->count(), size_t(m_events.size()));
    QCOMPARE(engine.result()->index().lanes().size(), size_t(1));
}

void tst_FilterResult::modelsOverTheResult()
{
    // The table and the facet lists over the engine's results, through filter changes, with Qt's model checks.
    EventListModel table;
    FacetModel actors(EventFilter::Dimension::Actor);
    QAbstractItemModelTester tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester facetTester(&actors, QAbstractItemModelTester::FailureReportingMode::QtTest);
    FilterEngine engine;
    connect(&engine, &FilterEngine::resultReady, this, [&](const std::shared_ptr<const FilterResult> &result) {
        table.setSource(m_store.get(), result);
        actors.setCounts(result->counts(EventFilter::Dimension::Actor));
    });
    connect(&table, &EventListModel::orderRequested, this,
        [&](EventOrder order) { engine.request({table.filter(), LaneMode::Country, order}); });
    engine.open(*m_store); // in memory: answered at once
    engine.request({});
    QCOMPARE(table.rowCount(), int(m_events.size()));
    EventFilter filter;
    filter.actors = {u"Lula"_qs};
    engine.request({filter, LaneMode::Country, {}});
    QCOMPARE(table.rowCount(), m_store->count(filter));
    table.sort(EventListModel::TitleColumn, Qt::DescendingOrder);
    QCOMPARE(table.index(0, EventListModel::TitleColumn).data().toString(),
        m_store->events(filter, 1, 0, {EventOrder::Key::Title, true}).first().title);
    actors.checkOnly(u"Lula"_qs);
    QCOMPARE(actors.selection(), QStringList{u"Lula"_qs});
    engine.request({EventFilter(), LaneMode::Country, table.order()});
    QCOMPARE(table.rowCount(), int(m_events.size()));
    QVERIFY(actors.rowCount() > 5);

    // Clearing the filters shows the whole timeline's result again, kept rather than computed; and a filter on
    // dates alone draws the overview from that same index.
    engine.request({});
    const std::shared_ptr<const FilterResult> whole = engine.result();
    engine.request({filter, LaneMode::Country, {}});
    engine.request({});
    QCOMPARE(engine.result(), whole);
    EventFilter dated;
    dated.from = at("2021-01-01");
    engine.request({dated, LaneMode::Country, {}});
    QCOMPARE(engine.result()->sharedOverview(), whole->sharedIndex());
    QCOMPARE(int(engine.result()->count()), m_store->count(dated));
    QCOMPARE(table.rowCount(), m_store->count(dated));
}

QTEST_GUILESS_MAIN(tst_FilterResult)
#include "tst_filterresult.moc"
