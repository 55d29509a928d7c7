// SPDX-License-Identifier: GPL-3.0-or-later
// The analyst's side of a timeline without a window: edits as one transaction that refuses to overwrite a change
// made elsewhere, the log of changes another connection reads, the working set brought up to date for the events
// that changed (the same as reading the file again), an import taken back exactly, and saved views as JSON.
#include "generatedtimeline.h"
#include "io/importer.h"
#include "io/jsonformat.h"
#include "timelinecontents.h"
#include "storage/annotations.h"
#include "storage/changelog.h"
#include "storage/eventeditor.h"
#include "storage/eventstore.h"
#include "storage/savedview.h"
#include "storage/writejournal.h"
#include "timeline/timelineindex.h"
#include "workingset/workingset.h"
#include "workingset/workingsetloader.h"
#include "workingset/workingsetupdate.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

Q_DECLARE_METATYPE(SavedView)

namespace {


// A working set as lines of text, one per row in time order, so that two sets compare whatever their dictionaries'
// numbering: the event, its time, its countries, actors and kind, and its marks.
QStringList rowsOf(const WorkingSet &set)
{
    QStringList lines;
    for (quint32 row = 0; row < set.size(); ++row) {
        QStringList countries, actors, tags;
        for (const quint16 c : set.countriesOf(row)) {
            countries << set.countryKeys[c];
        }
        for (const quint32 a : set.actorsOf(row)) {
            const WorkingSet::Actor &actor = set.actors[a];
            actors << set.names[actor.name] + u'/' + (actor.country == WorkingSet::kNoKey ? QString() : set.countryKeys[actor.country]);
        }
        for (const quint32 t : set.markTagsOf(row)) {
            tags << set.markTagKeys[t].toLower();
        }
        tags.sort();
        lines << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|%10|%11")
                     .arg(set.id(row), set.title(row))
                     .arg(set.starts[row])
                     .arg(set.coverEnds[row])
                     .arg(int(set.precisions[row]))
                     .arg(set.shapes[row])
                     .arg(set.kindKeys[set.kinds[row]].toLower(), countries.join(u','), actors.join(u','))
                     .arg(set.marks[row])
                     .arg(tags.join(u','));
    }
    return lines;
}

} // namespace

class tst_Annotations : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void staleEditIsRefused();
    void deleteKeepsMarksForUndo();
    void changesReachAnotherConnection();
    void workingSetUpdateMatchesReading_data();
    void workingSetUpdateMatchesReading();
    void importTakenBackExactly();
    void viewJsonRoundTrip_data();
    void viewJsonRoundTrip();
    void viewJsonRefusals_data();
    void viewJsonRefusals();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("t.annals")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventStore> m_store;
};

void tst_Annotations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<EventStore>(path());
    QVERIFY(m_store->open());
    QVERIFY(m_store->write(generated(300)));
}

void tst_Annotations::cleanup()
{
    m_store.reset();
}

void tst_Annotations::staleEditIsRefused()
{
    // Two windows read the same event; the second saves first.
    EventStore other(path());
    QVERIFY(other.open());
    const QString id = u"g10"_qs;
    Event mine = *m_store->event(id);
    const QByteArray read = m_store->digestOf(id);
    Event theirs = *other.event(id);
    theirs.title = u"Their title"_qs;
    EventEditor theirEditor(other);
    QVERIFY2(theirEditor.apply({{id, other.digestOf(id), theirs}}), qPrintable(theirEditor.errorString()));
    const QByteArray before = contentsOf(*m_store);
    mine.title = u"My title"_qs;
    EventEditor editor(*m_store);
    QVERIFY(!editor.apply({{id, read, mine}}));
    QVERIFY2(editor.errorString().contains(u"was changed elsewhere (in another window or from the command line) "
                                           "since it was read"),
        qPrintable(editor.errorString()));
    QCOMPARE(contentsOf(*m_store), before);
    QCOMPARE(m_store->event(id)->title, u"Their title"_qs);
    // Read again, the edit goes through.
    QVERIFY(editor.apply({{id, m_store->digestOf(id), mine}}));
    QCOMPARE(m_store->event(id)->title, u"My title"_qs);
    // A new event whose id is taken, and a deleted one, are refused as well.
    Event copy = mine;
    QVERIFY(!editor.apply({{id, {}, copy}}));
    QVERIFY(editor.errorString().contains(u"is in the timeline already"));
    QVERIFY(theirEditor.apply({{id, other.digestOf(id), std::nullopt}}));
    QVERIFY(!editor.apply({{id, read, mine}}));
    QVERIFY(editor.errorString().contains(u"was deleted elsewhere"));
}

void tst_Annotations::deleteKeepsMarksForUndo()
{
    EventEditor editor(*m_store);
    const QString id = u"g20"_qs;
    QVERIFY(editor.setStarred({id}, true));
    QVERIFY(editor.putNote(id, {0, 1700000000, u"a note"_qs}));
    const Event event = *m_store->event(id);
    const QByteArray before = contentsOf(*m_store);
    QVERIFY(editor.apply({{id, m_store->digestOf(id), std::nullopt}}));
    QVERIFY(!m_store->event(id));
    EventFilter starred;
    starred.starred = true;
    QCOMPARE(m_store->count(starred), 0); // the marks of an event that is not there are not shown
    // Written back, as an undo does, the event finds its marks again; and its note is searched again.
    QVERIFY(editor.apply({{id, {}, event}}));
    QCOMPARE(contentsOf(*m_store), before);
    EventFilter text;
    text.text = u"note"_qs;
    QCOMPARE(m_store->count(text), 1);
}

void tst_Annotations::changesReachAnotherConnection()
{
    EventStore other(path());
    QVERIFY(other.open());
    const qint64 seen = ChangeLog::last(*m_store);
    const qint64 version = ChangeLog::dataVersion(*m_store);
    EventEditor editor(other);
    QVERIFY(editor.setStarred({u"g1"_qs}, true));
    Event changed = *other.event(u"g2"_qs);
    changed.title = u"Changed"_qs;
    QVERIFY(editor.apply({{changed.id, other.digestOf(changed.id), changed}}));
    QVERIFY(editor.saveView({u"Mine"_qs, {}, {}, {}, {}, {}}));
    QVERIFY(ChangeLog::dataVersion(*m_store) != version); // the poll's cue
    const ChangeLog::Changes changes = ChangeLog::since(*m_store, seen);
    QCOMPARE(changes.ids, QStringList({u"g1"_qs, u"g2"_qs}));
    QVERIFY(changes.views);
    QVERIFY(!changes.everything);
    QVERIFY(changes.last > seen);
    QVERIFY(ChangeLog::since(*m_store, changes.last).ids.isEmpty());
    // An import of many events says "everything".
    QList<Event> many = generated(1200);
    for (Event &event : many) {
        event.id += u"-new"_qs;
    }
    QVERIFY(other.write(many));
    QVERIFY(ChangeLog::since(*m_store, changes.last).everything);
}

void tst_Annotations::workingSetUpdateMatchesReading_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 6; ++seed) {
        QTest::newRow(qPrintable(QStringLiteral("edits %1").arg(seed))) << seed;
    }
}

void tst_Annotations::workingSetUpdateMatchesReading()
{
    QFETCH(int, seed);
    QString error;
    sqlite3 *db = WorkingSetLoader::openReadOnly(path(), &error);
    QVERIFY2(db, qPrintable(error));
    const auto close = qScopeGuard([db] { sqlite3_close(db); });
    std::shared_ptr<const WorkingSet> set = WorkingSetLoader::load(db, &error, path());
    QVERIFY(set);
    // Rounds of edits of every kind; after each, the set brought up to date must equal the file read again.
    QRandomGenerator random{quint32(seed)};
    EventEditor editor(*m_store);
    const QList<Event> extra = generated(40);
    for (int round = 0; round < 5; ++round) {
        QStringList touched;
        QList<EventChange> changes;
        for (int i = 0; i < 6; ++i) {
            const QString id = QStringLiteral("g%1").arg(random.bounded(300));
            if (touched.contains(id) || !m_store->event(id)) {
                continue;
            }
            touched << id;
            Event event = *m_store->event(id);
            switch (random.bounded(4)) {
            case 0: // moved in time, into a new kind and a new country
                event.time = EventTime(event.time.start() - qint64(random.bounded(400)) * 86400, Precision::Day);
                event.kind = QStringLiteral("new kind %1").arg(random.bounded(3));
                event.countries = {u"NZ"_qs};
                break;
            case 1: // a new actor
                event.actors.append({QStringLiteral("Newcomer %1").arg(random.bounded(3)), u"JP"_qs, {}, {}, Actor::Type::Person});
                event.title += u" (retitled)"_qs;
                break;
            case 2:
                changes.append({id, m_store->digestOf(id), std::nullopt});
                continue;
            default:
                event.time.setQualifiers(EventTime::Approximate);
                break;
            }
            changes.append({id, m_store->digestOf(id), event});
        }
        Event added = extra[random.bounded(extra.size())];
        added.id = QStringLiteral("added-%1-%2").arg(seed).arg(round);
        changes.append({added.id, {}, added});
        touched << added.id;
        QVERIFY2(editor.apply(changes), qPrintable(editor.errorString()));
        const QString marked = QStringLiteral("g%1").arg(random.bounded(300));
        if (m_store->event(marked)) {
            QVERIFY(editor.setStarred({marked}, random.bounded(2) == 0));
            QVERIFY(editor.setTags({{marked, {kMarkTags[random.bounded(kMarkTags.size())]}}}));
            QVERIFY(editor.putNote(marked, {0, 0, u"n"_qs}));
            touched << marked;
        }
        set = WorkingSetUpdate::apply(db, *set, touched, &error);
        QVERIFY2(set, qPrintable(error));
        const std::shared_ptr<const WorkingSet> read = WorkingSetLoader::load(db, &error, path());
        QVERIFY(read);
        QCOMPARE(rowsOf(*set), rowsOf(*read));
        // The lanes built on it hold every event, and each keeps the colour it had.
        const TimelineIndex index(set, [&] {
            std::vector<quint32> rows(set->size());
            std::iota(rows.begin(), rows.end(), 0);
            return rows;
        }(), LaneMode::Country);
        size_t entries = 0;
        for (const TimelineIndex::Lane &lane : index.lanes()) {
            entries += lane.starts.size();
        }
        QVERIFY(entries >= set->size());
        QVERIFY(set->rowOfId(added.id));
    }
}

void tst_Annotations::importTakenBackExactly()
{
    // An import that adds events and updates others.
    QList<Event> source = m_store->events().mid(0, 5);
    for (Event &event : source) {
        event.title += u" (corrected)"_qs;
    }
    source.append(generated(3));
    for (qsizetype i = 5; i < source.size(); ++i) {
        source[i].id = QStringLiteral("imported-%1").arg(i);
    }
    const QString file = m_dir->filePath(QStringLiteral("source.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(JsonFormat::write(source));
    out.close();
    const QByteArray before = contentsOf(*m_store);
    WriteJournal journal;
    Importer::Options options;
    options.journal = &journal;
    ImportError error;
    const std::optional<Importer::Summary> summary = Importer::importFile(file, options, *m_store, &error);
    QVERIFY2(summary, qPrintable(error.toString()));
    QCOMPARE(summary->written.added, 3);
    QCOMPARE(summary->written.updated, 5);
    QCOMPARE(journal.size(), 8);
    const QByteArray after = contentsOf(*m_store);
    QVERIFY(after != before);
    // Undone: what it added goes, what it updated comes back.
    QList<EventChange> undo;
    QList<EventChange> redo;
    for (const WriteJournal::Entry &entry : std::as_const(journal.entries)) {
        QCOMPARE(m_store->digestOf(entry.id), entry.after);
        undo.append({entry.id, entry.after, entry.before});
        redo.append({entry.id, entry.before ? QByteArray() : QByteArray(), m_store->event(entry.id)});
    }
    EventEditor editor(*m_store);
    QVERIFY2(editor.apply(undo), qPrintable(editor.errorString()));
    QCOMPARE(contentsOf(*m_store), before);
    // And redone.
    for (EventChange &change : redo) {
        change.expected = m_store->digestOf(change.id);
    }
    QVERIFY2(editor.apply(redo), qPrintable(editor.errorString()));
    QCOMPARE(contentsOf(*m_store), after);
}

void tst_Annotations::viewJsonRoundTrip_data()
{
    QTest::addColumn<SavedView>("view");
    SavedView view;
    view.name = u"Empty"_qs;
    QTest::newRow("no filter") << view;
    view.name = u"Everything at once"_qs;
    view.filter.countries = {u"CN"_qs, u"RU"_qs};
    view.filter.actors = {u"Xi Jinping"_qs};
    view.filter.kinds = {u"visit"_qs, QString()};
    view.filter.certainties = {u"approximate"_qs};
    view.filter.text = u"\"grain deal\" OR pipeline"_qs;
    view.filter.from = at("2023-03-01");
    view.filter.before = at("-0490-01-01");
    view.filter.starred = true;
    view.filter.hasNote = true;
    view.filter.markTags = {u"watch"_qs};
    view.lanes = u"actor"_qs;
    view.rangeStart = at("2023-03-01");
    view.rangeEnd = at("2023-06-01");
    view.selected = u"seed-1"_qs;
    QTest::newRow("every field") << view;
}

void tst_Annotations::viewJsonRoundTrip()
{
    QFETCH(SavedView, view);
    QString error;
    const std::optional<SavedView> back = SavedView::fromJson(view.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), view.toJson());
    QVERIFY(*back == view);
    // Kept in the file and read back, the same.
    EventEditor editor(*m_store);
    QVERIFY(editor.saveView(view));
    QVERIFY(Annotations::view(*m_store, view.name.toUpper()) == view);
}

void tst_Annotations::viewJsonRefusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{") << u"it is not JSON"_qs;
    QTest::newRow("another format") << QByteArray(R"({"format": "annals", "version": 1, "name": "x"})")
                                    << u"\"format\" must be \"annals-view\""_qs;
    QTest::newRow("a newer version") << QByteArray(R"({"format": "annals-view", "version": 2, "name": "x"})")
                                     << u"\"version\" 2 is not one this Annals reads (1)"_qs;
    QTest::newRow("no name") << QByteArray(R"({"format": "annals-view", "version": 1})")
                             << u"\"name\" is missing or empty"_qs;
    QTest::newRow("a list of numbers")
        << QByteArray(R"({"format": "annals-view", "version": 1, "name": "x", "filter": {"countries": [1]}})")
        << u"\"filter.countries\" must be a list of strings"_qs;
    QTest::newRow("a date as text")
        << QByteArray(R"({"format": "annals-view", "version": 1, "name": "x", "filter": {"from": "2023"}})")
        << u"\"filter.from\" must be a number of seconds"_qs;
    QTest::newRow("unknown lanes") << QByteArray(R"({"format": "annals-view", "version": 1, "name": "x", "lanes": "moon"})")
                                   << u"\"lanes\" must be country, actor, kind or none, not \"moon\""_qs;
    QTest::newRow("a range backwards")
        << QByteArray(R"({"format": "annals-view", "version": 1, "name": "x", "range": [10, 5]})")
        << u"\"range\" must be two numbers of seconds, the start before the end"_qs;
}

void tst_Annotations::viewJsonRefusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!SavedView::fromJson(json, &error));
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Annotations)
#include "tst_annotations.moc"
