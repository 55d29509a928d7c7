// SPDX-License-Identifier: GPL-3.0-or-later
// The write path (EventWriteSession, through EventStore::write): every write is one transaction that adds, updates
// or leaves alone, and a write that fails leaves the file exactly as it was.
#include "io/seed.h"
#include "storage/eventstore.h"
#include "storage/eventwritesession.h"
#include "storetesthelpers.h"
#include "tablechecksum.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace StoreTest;

class tst_EventWriteSession : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void reimportAddsNothing();
    void changedEventIsUpdated();
    void identicalRepeatsAreKeptOnce();
    void keepsQualifiedDatesAndMilliseconds();
    void failedWriteLeavesFileUnchanged_data();
    void failedWriteLeavesFileUnchanged();
    void writeSessionIsAllOrNothing();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventStore> m_store; // holds the seed
};

void tst_EventWriteSession::init()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    QVERIFY(m_store->write(Seed::events()));
}

void tst_EventWriteSession::cleanup()
{
    m_store.reset();
}

void tst_EventWriteSession::keepsQualifiedDatesAndMilliseconds()
{
    const QString path = m_dir.filePath(QStringLiteral("qualified.annals"));
    QFile::remove(path);
    EventStore store(path);
    QVERIFY(store.open());
    const QList<Event> events = qualifiedEvents();
    QVERIFY2(store.write(events), qPrintable(store.errorString()));
    for (const Event &event : events) {
        const std::optional<Event> stored = store.event(event.id);
        QVERIFY(stored);
        QCOMPARE(stored->time, event.time);
        QCOMPARE(stored->time.toDisplayString(), event.time.toDisplayString());
    }
    // Events in one second are in the order of their milliseconds, whatever the order they were written in.
    EventFilter sameSecond;
    sameSecond.from = at("2023-05-22T14:30Z");
    const QStringList order = ids(store.events(sameSecond));
    QCOMPARE(order, QStringList({u"earlier"_qs, u"span of milliseconds"_qs, u"later"_qs}));
    // Written again, nothing changes; a changed qualifier or millisecond is an update.
    std::optional<WriteSummary> again = store.write(events);
    QVERIFY(again);
    QCOMPARE(again->unchanged, int(events.size()));
    QList<Event> changed = events;
    changed[0].time.setQualifiers(EventTime::Uncertain);
    changed[5].time.setMilliseconds(251, 0);
    again = store.write(changed);
    QVERIFY(again);
    QCOMPARE(again->updated, 2);
    QCOMPARE(store.event(u"later"_qs)->time.startMillisecond(), 251);
}

void tst_EventWriteSession::identicalRepeatsAreKeptOnce()
{
    // A record met twice in one write, word for word, is one event (a derived id repeats only for that); the
    // same id with other contents is refused (failedWriteLeavesFileUnchanged).
    QList<Event> events = Seed::events();
    events.insert(2, events[5]);
    events << events[0];
    EventStore store(u":memory:"_qs);
    QVERIFY(store.open());
    const std::optional<WriteSummary> summary = store.write(events);
    QVERIFY2(summary, qPrintable(store.errorString()));
    QCOMPARE(summary->added, 9);
    QCOMPARE(summary->repeated, 2);
    QCOMPARE(store.count(), 9);
}

void tst_EventWriteSession::reimportAddsNothing()
{
    const std::optional<WriteSummary> again = m_store->write(Seed::events());
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 9);
    QCOMPARE(m_store->count(), 9);
}

void tst_EventWriteSession::changedEventIsUpdated()
{
    QList<Event> events = Seed::events();
    Event &lavrov = events[3];
    lavrov.title = u"Lavrov on the SCO"_qs;
    lavrov.actors.append({u"Wang Yi"_qs, u"CN"_qs, u"listener"_qs, {}, Actor::Type::Person});
    lavrov.tags = {u"renamed"_qs};
    const std::optional<WriteSummary> summary = m_store->write(events);
    QVERIFY(summary);
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 8);
    QCOMPARE(m_store->count(), 9);
    QCOMPARE(*m_store->event(lavrov.id), lavrov);
    EventFilter filter;
    filter.text = u"renamed"_qs;
    QCOMPARE(m_store->count(filter), 1);
    filter.text = u"BRICS"_qs; // still in the summary
    QCOMPARE(m_store->count(filter), 1);
    filter.text = u"listener OR \"Wang Yi\""_qs; // the new actor is searchable
    QCOMPARE(m_store->count(filter), 1);
    filter = {};
    filter.countries = {u"CN"_qs};
    QCOMPARE(m_store->count(filter), 9); // Wang Yi brought China to Lavrov's statement
}

void tst_EventWriteSession::failedWriteLeavesFileUnchanged_data()
{
    QTest::addColumn<int>("badIndex");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<bool>("empty"); // into an empty timeline, which takes another path (indexes built last)
    for (const bool empty : {false, true}) {
        const char *where = empty ? " into empty" : "";
        QTest::addRow("no title%s", where) << 4 << "it has no title" << empty;
        QTest::addRow("unknown country%s", where) << 4 << "\"XX\" is not an ISO 3166-1 alpha-2 country code" << empty;
        QTest::addRow("duplicate id%s", where) << 4 << "its id \"ten-2\" was already used in this import" << empty;
        QTest::addRow("ends before it starts%s", where) << 9 << "it ends before it starts" << empty;
    }
    QTest::addRow("updated id repeated") << 6 << "its id \"%1\" was already used in this import" << false;
    QTest::addRow("unchanged id repeated") << 6 << "its id \"%1\" was already used in this import" << false;
}

void tst_EventWriteSession::failedWriteLeavesFileUnchanged()
{
    QFETCH(int, badIndex);
    QFETCH(QString, problem);
    QFETCH(bool, empty);
    const QString path = m_dir.filePath(QStringLiteral("rollback.annals"));
    QFile::remove(path);
    auto store = std::make_unique<EventStore>(path);
    QVERIFY(store->open());
    if (!empty) {
        QVERIFY(store->write(Seed::events()));
    }
    store.reset();
    const QByteArray before = tableChecksum(path);
    QVERIFY(!before.isEmpty());

    QList<Event> ten;
    for (int i = 0; i < 10; ++i) {
        ten << simpleEvent(QStringLiteral("ten-%1").arg(i), QStringLiteral("Event %1").arg(i), "2024-01-01");
        ten.last().countries = {u"FR"_qs};
    }
    ten[0] = Seed::events().first(); // an update that must be undone too
    ten[0].title = u"Changed"_qs;
    const QByteArray tag = QByteArray(QTest::currentDataTag()).replace(" into empty", "");
    if (empty) {
        ten[0] = simpleEvent(u"ten-0"_qs, u"Event 0"_qs, "2024-01-01");
    }
    if (tag == "unchanged id repeated") {
        ten[0] = Seed::events().first(); // as stored: unchanged, and then met again
        ten[badIndex] = ten[0];
        ten[badIndex].title = u"Changed the second time"_qs;
        problem = problem.arg(ten[0].id);
    } else if (tag == "updated id repeated") {
        ten[badIndex] = ten[0]; // the same id with other contents: a conflict (the same record again is not)
        ten[badIndex].title = u"Changed again"_qs;
        problem = problem.arg(ten[0].id);
    } else if (tag == "no title") {
        ten[badIndex].title.clear();
    } else if (tag == "unknown country") {
        ten[badIndex].countries = {u"XX"_qs};
    } else if (tag == "duplicate id") {
        ten[badIndex].id = u"ten-2"_qs;
    } else {
        ten[badIndex].time = EventTime(at("2024-02-01"), at("2024-01-01"), Precision::Day);
    }

    store = std::make_unique<EventStore>(path);
    QVERIFY(store->open());
    QVERIFY(!store->write(ten));
    QVERIFY2(store->errorString().contains(QStringLiteral("nothing was written: event %1 of 10").arg(badIndex + 1)),
        qPrintable(store->errorString()));
    QVERIFY2(store->errorString().endsWith(problem), qPrintable(store->errorString()));
    store.reset();
    QCOMPARE(tableChecksum(path), before);
}

void tst_EventWriteSession::writeSessionIsAllOrNothing()
{
    {
        // Never committed: rolled back when the session ends.
        EventWriteSession session(*m_store);
        QVERIFY(session.add(simpleEvent(u"a"_qs, u"A"_qs, "2024")));
        QVERIFY(session.add(simpleEvent(u"b"_qs, u"B"_qs, "2024")));
    }
    QCOMPARE(m_store->count(), 9);
    {
        // A refused event ends the session; the commit then writes nothing and says why.
        EventWriteSession session(*m_store);
        QVERIFY(session.add(simpleEvent(u"a"_qs, u"A"_qs, "2024")));
        QVERIFY(!session.add(simpleEvent(u"a"_qs, u"A again"_qs, "2024")));
        QVERIFY(!session.add(simpleEvent(u"c"_qs, u"C"_qs, "2024")));
        QVERIFY(!session.commit());
        QVERIFY2(m_store->errorString().endsWith(QStringLiteral(
                     "nothing was written: event 2 (\"A again\"): its id \"a\" was already used in this import")),
            qPrintable(m_store->errorString()));
    }
    QCOMPARE(m_store->count(), 9);
    EventWriteSession session(*m_store);
    QVERIFY(session.add(simpleEvent(u"a"_qs, u"A"_qs, "2024")));
    const std::optional<WriteSummary> summary = session.commit();
    QVERIFY(summary);
    QCOMPARE(summary->added, 1);
    QCOMPARE(m_store->count(), 10);
}

QTEST_GUILESS_MAIN(tst_EventWriteSession)
#include "tst_eventwritesession.moc"
