// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/datetext.h"
#include "io/seed.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "workingset/filterengine.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

namespace {

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

struct LaneSummary {
    QString key;
    QString label;
    size_t count;
    friend bool operator==(const LaneSummary &, const LaneSummary &) = default;
};

// Found by QCOMPARE through argument-dependent lookup, for readable failures.
[[maybe_unused]] char *toString(const LaneSummary &lane)
{
    return qstrdup(qPrintable(QStringLiteral("%1/%2/%3").arg(lane.key, lane.label).arg(lane.count)));
}

QList<LaneSummary> summary(const TimelineIndex &index)
{
    QList<LaneSummary> result;
    for (const auto &lane : index.lanes()) {
        result.append({lane.key, lane.label, lane.items.size()});
    }
    return result;
}

TimelineItem item(const QString &id, qint64 start, qint64 coverEnd, QStringList lanes, bool range = false)
{
    TimelineItem it;
    it.id = id;
    it.title = id;
    it.start = start;
    it.coverEnd = coverEnd;
    it.isRange = range;
    it.laneKeys = std::move(lanes);
    return it;
}

} // namespace

class tst_TimelineIndex : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void lanesFromTheSeed();
    void eventsInSeveralLanesShowInEach();
    void colourSlotsFollowTheWholeTimeline();
    void candidatesFindRangesStartedBefore();
    void overlappingMatchesBruteForce();
    void countStarting();
    void itemTimeRoundTrips();
    void itemTimeKeepsItsQualifiers();

private:
    // The window's index of the seed under a filter, kept alive with the test.
    const TimelineIndex &indexOf(const EventStore &store, const EventFilter &filter, LaneMode mode)
    {
        m_results.push_back(FilterEngine::evaluate(store, {filter, mode, {}}));
        return m_results.back()->index();
    }

    std::unique_ptr<EventStore> m_store;
    std::vector<std::shared_ptr<const FilterResult>> m_results;
};

void tst_TimelineIndex::initTestCase()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY(m_store->open());
    QVERIFY(m_store->write(Seed::events()));
}

void tst_TimelineIndex::lanesFromTheSeed()
{
    const TimelineIndex &byCountry = indexOf(*m_store, {}, LaneMode::Country);
    QCOMPARE(
        summary(byCountry), (QList<LaneSummary>{{u"RU"_qs, u"Russian Federation"_qs, 9}, {u"CN"_qs, u"China"_qs, 8}}));
    QCOMPARE(byCountry.extent().start, at("2023-03-20"));
    QCOMPARE(byCountry.extent().end, at("2023-05-24"));

    const TimelineIndex &byActor = indexOf(*m_store, {}, LaneMode::Actor);
    QCOMPARE(byActor.lanes().size(), size_t(8));
    QCOMPARE(summary(byActor).first(), (LaneSummary{u"Xi Jinping"_qs, u"Xi Jinping"_qs, 4}));

    const TimelineIndex &byKind = indexOf(*m_store, {}, LaneMode::Kind);
    QCOMPARE(summary(byKind).first(), (LaneSummary{u"statement"_qs, u"Statement"_qs, 3}));
    size_t total = 0;
    for (const auto &lane : byKind.lanes()) {
        total += lane.items.size();
    }
    QCOMPARE(total, size_t(9)); // one kind per event

    const TimelineIndex &single = indexOf(*m_store, {}, LaneMode::None);
    QCOMPARE(summary(single), (QList<LaneSummary>{{QString(), u"All events"_qs, 9}}));

    EventFilter filter;
    filter.kinds = {u"visit"_qs};
    const TimelineIndex &visits = indexOf(*m_store, filter, LaneMode::Country);
    QCOMPARE(visits.size(), size_t(2));
}

void tst_TimelineIndex::eventsInSeveralLanesShowInEach()
{
    std::vector<TimelineItem> items{
        item(u"a"_qs, 10, 20, {u"CN"_qs, u"RU"_qs}), item(u"b"_qs, 5, 6, {u"RU"_qs}), item(u"c"_qs, 7, 8, {})};
    const TimelineIndex index(std::move(items), LaneMode::Country);
    QCOMPARE(summary(index),
        (QList<LaneSummary>{
            {u"RU"_qs, u"Russian Federation"_qs, 2}, {u"CN"_qs, u"China"_qs, 1}, {QString(), u"No country"_qs, 1}}));
    // Each lane is sorted by start.
    const auto &ru = index.lanes()[0];
    QCOMPARE(std::vector<qint64>(ru.starts), (std::vector<qint64>{5, 10}));
    QCOMPARE(index.id(ru.items[1]), QStringLiteral("a"));
    // Items are in time order: b, c, a.
    QCOMPARE(*index.itemById(u"c"_qs), quint32(1));
    QCOMPARE(index.id(0), QStringLiteral("b"));
    QVERIFY(!index.itemById(u"z"_qs));
}

void tst_TimelineIndex::colourSlotsFollowTheWholeTimeline()
{
    std::vector<TimelineItem> items{
        item(u"a"_qs, 1, 2, {u"FR"_qs}), item(u"b"_qs, 1, 2, {u"FR"_qs}), item(u"c"_qs, 1, 2, {u"DE"_qs})};
    // Own order: FR has more events, so it takes slot 0.
    const TimelineIndex own(items, LaneMode::Country);
    QCOMPARE(own.lanes()[0].colourSlot, 0);
    QCOMPARE(own.lanes()[1].colourSlot, 1);
    // Under a filter that shows only DE, DE keeps the slot the whole timeline gave it.
    const TimelineIndex filtered({items[2]}, LaneMode::Country, {u"FR"_qs, u"DE"_qs});
    QCOMPARE(filtered.lanes()[0].key, QStringLiteral("DE"));
    QCOMPARE(filtered.lanes()[0].colourSlot, 1);
    // A key the whole timeline did not know comes after the known ones.
    const TimelineIndex unknown({item(u"d"_qs, 1, 2, {u"IT"_qs})}, LaneMode::Country, {u"FR"_qs, u"DE"_qs});
    QCOMPARE(unknown.lanes()[0].colourSlot, 2);
}

void tst_TimelineIndex::candidatesFindRangesStartedBefore()
{
    std::vector<TimelineItem> items{item(u"long"_qs, 0, 1000, {u"FR"_qs}, true), item(u"early"_qs, 10, 11, {u"FR"_qs}),
        item(u"inside"_qs, 500, 501, {u"FR"_qs}), item(u"after"_qs, 900, 901, {u"FR"_qs})};
    const TimelineIndex index(std::move(items), LaneMode::Country);
    const auto &lane = index.lanes()[0];
    QStringList overlapping;
    for (const quint32 position : TimelineIndex::overlapping(lane, {400, 600})) {
        overlapping << index.id(lane.items[position]);
    }
    QCOMPARE(overlapping, (QStringList{u"long"_qs, u"inside"_qs}));
    QVERIFY(TimelineIndex::overlapping(lane, {2000, 3000}).empty());
}

void tst_TimelineIndex::overlappingMatchesBruteForce()
{
    // Lengths from a second to 13.8 billion years, starts across deep time: the buckets find exactly what a walk
    // over every entry finds.
    QRandomGenerator random(42);
    std::vector<TimelineItem> items;
    const qint64 deep = 13'800'000'000LL * 31'556'952LL;
    for (int i = 0; i < 3000; ++i) {
        const qint64 start = -deep + qint64(random.bounded(double(deep) * 1.1));
        const qint64 length = qint64(std::pow(2.0, random.bounded(60.0)));
        items.push_back(
            item(QString::number(i), start, start + std::max<qint64>(1, std::min(length, deep)), {u"FR"_qs}));
    }
    items.push_back(item(u"big bang"_qs, -deep, 0, {u"FR"_qs}, true));
    const TimelineIndex index(std::move(items), LaneMode::Country);
    const auto &lane = index.lanes()[0];
    for (int q = 0; q < 200; ++q) {
        const qint64 start = -deep + qint64(random.bounded(double(deep)));
        const TimeScale::Range range{start, start + qint64(std::pow(2.0, random.bounded(58.0))) + 1};
        std::vector<quint32> expected;
        for (size_t i = 0; i < lane.starts.size(); ++i) {
            if (lane.coverEnds[i] > range.start && lane.starts[i] < range.end) {
                expected.push_back(quint32(i));
            }
        }
        QCOMPARE(TimelineIndex::overlapping(lane, range), expected);
    }
}

void tst_TimelineIndex::countStarting()
{
    std::vector<TimelineItem> items;
    for (int i = 0; i < 100; ++i) {
        items.push_back(item(QString::number(i), i * 10, i * 10 + 1, {u"FR"_qs}));
    }
    const TimelineIndex index(std::move(items), LaneMode::Country);
    QCOMPARE(TimelineIndex::countStarting(index.lanes()[0], 0, 1000), size_t(100));
    QCOMPARE(TimelineIndex::countStarting(index.lanes()[0], 15, 45), size_t(3));
    QCOMPARE(TimelineIndex::countStarting(index.lanes()[0], 2000, 3000), size_t(0));
}

void tst_TimelineIndex::itemTimeRoundTrips()
{
    const TimelineIndex &index = indexOf(*m_store, {}, LaneMode::None);
    const QList<Event> events = m_store->events();
    QCOMPARE(index.size(), size_t(events.size()));
    for (quint32 i = 0; i < index.size(); ++i) {
        QCOMPARE(index.id(i), events[qsizetype(i)].id);
        QCOMPARE(index.title(i), events[qsizetype(i)].title);
        QCOMPARE(index.time(i), events[qsizetype(i)].time);
    }
}

void tst_TimelineIndex::itemTimeKeepsItsQualifiers()
{
    // An item's time, as tooltips and crowd lists show it, says how sure it is; milliseconds, which the working set
    // keeps only as an order, are not shown as ".000".
    EventStore store(u":memory:"_qs);
    QVERIFY(store.open());
    QList<Event> events;
    for (const char *date : {"c. 383", "Between 47 and 50", "1984?", "2023-05-22T14:30:15.250Z"}) {
        Event event;
        event.id = QString::fromLatin1(date);
        event.title = event.id;
        event.time = *DateText::parse(event.id);
        events << event;
    }
    QVERIFY(store.write(events));
    const TimelineIndex &index = indexOf(store, {}, LaneMode::None);
    QStringList shown;
    for (quint32 i = 0; i < index.size(); ++i) {
        shown << index.time(i).toDisplayString(QLocale(QLocale::English));
    }
    QCOMPARE(shown,
        QStringList({u"between 47 and 50"_qs, u"c. 383"_qs, u"1984?"_qs, u"22 May 2023, 14:30:15 UTC"_qs}));
}

QTEST_GUILESS_MAIN(tst_TimelineIndex)
#include "tst_timelineindex.moc"
