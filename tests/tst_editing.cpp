// SPDX-License-Identifier: GPL-3.0-or-later
// The analyst's workflow in the window: every change a command that undoes and redoes exactly (the file's contents
// compared), an import taken back, the form, saved views, a new timeline, and a second window's changes taken in
// without reading the whole timeline again, while an edit of an event changed meanwhile is refused.
#include "editing/eventdialog.h"
#include "editing/timelineeditor.h"
#include "eventdetailview.h"
#include "io/jsonformat.h"
#include "timelinecontents.h"
#include "models/eventlistmodel.h"
#include "storage/annotations.h"
#include "storage/eventeditor.h"
#include "storage/savedview.h"
#include "timeline/timelineindex.h"
#include "timeline/timelinezoom.h"
#include "windowtest.h"
#include "workingset/filterengine.h"
#include "workingset/filterresult.h"
#include "workingset/workingset.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

namespace {


using Command = std::function<bool(TimelineEditor *, EventStore &)>;

} // namespace

Q_DECLARE_METATYPE(Command)

class tst_Editing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void undoRedoEveryCommand_data();
    void undoRedoEveryCommand();
    void undoTheLastImport();
    void formReadsAndRefuses();
    void anotherWindowsChangeArrives();
    void staleEditInTheWindowIsRefused();
    void savedViewsApplyAndTravel();
    void newTimelineStartsEmpty();
    void contextMenuOffersTheEdits();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("t.annals")); }
    EventStore &store() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

EventStore &tst_Editing::store() const
{
    // The window's own store is private: a second connection on the same file sees what it wrote.
    static std::unique_ptr<EventStore> other;
    if (!other || other->path() != path()) {
        other = std::make_unique<EventStore>(path());
        other->open();
    }
    return *other;
}

void tst_Editing::initTestCase()
{
    WindowTest::useSettingsIn(QDir::temp().filePath(QStringLiteral("annals-tst-editing")), QStringLiteral("tst_editing"));
}

void tst_Editing::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = WindowTest::makeWindow(path());
    QVERIFY(m_window);
}

void tst_Editing::cleanup()
{
    m_window.reset();
}

void tst_Editing::undoRedoEveryCommand_data()
{
    QTest::addColumn<Command>("command");
    QTest::addColumn<bool>("setUp"); // the command writes something of its own first, which its undo leaves
    const QString lavrov = u"seed-2023-04-29-lavrov-global-south"_qs;
    const QString liHui = u"seed-2023-05-22-li-hui-visit-announced"_qs;
    QTest::newRow("new event") << Command([](TimelineEditor *editor, EventStore &) {
        Event event;
        event.id = u"user-new"_qs;
        event.title = u"Talks in Geneva"_qs;
        event.time = EventTime(1683000000, Precision::Day).withPrecision(Precision::Day);
        event.countries = {u"CH"_qs};
        QString error;
        return editor->writeEvent(std::nullopt, {}, event, &error);
    }) << false;
    QTest::newRow("edit") << Command([lavrov](TimelineEditor *editor, EventStore &store) {
        const Event before = *store.event(lavrov);
        Event after = before;
        after.title = u"Lavrov on the Global South"_qs;
        after.actors.append({u"Someone New"_qs, u"IN"_qs, u"guest"_qs, {}, Actor::Type::Person});
        QString error;
        return editor->writeEvent(before, store.digestOf(lavrov), after, &error);
    }) << false;
    QTest::newRow("delete two") << Command([lavrov, liHui](TimelineEditor *editor, EventStore &) {
        editor->deleteEvents({lavrov, liHui});
        return true;
    }) << false;
    QTest::newRow("star") << Command([lavrov, liHui](TimelineEditor *editor, EventStore &) {
        editor->setStarred({lavrov, liHui}, true);
        return true;
    }) << false;
    QTest::newRow("unstar") << Command([lavrov](TimelineEditor *editor, EventStore &store) {
        EventEditor(store).setStarred({lavrov}, true); // there before the command, not part of it
        editor->undoStack()->clear();
        editor->setStarred({lavrov}, false);
        return true;
    }) << true;
    QTest::newRow("tags") << Command([lavrov](TimelineEditor *editor, EventStore &) {
        return editor->setTags(lavrov, {u"watch"_qs, u"Watch"_qs, u" follow-up "_qs});
    }) << false;
    QTest::newRow("note") << Command([lavrov](TimelineEditor *editor, EventStore &) {
        return editor->addNote(lavrov, u"Check the Kremlin readout"_qs);
    }) << false;
    QTest::newRow("edit a note") << Command([lavrov](TimelineEditor *editor, EventStore &store) {
        const std::optional<Note> note = EventEditor(store).putNote(lavrov, {0, 1700000000, u"first"_qs});
        return note && editor->changeNote(lavrov, *note, u"second thoughts"_qs);
    }) << true;
    QTest::newRow("delete a note") << Command([lavrov](TimelineEditor *editor, EventStore &store) {
        const std::optional<Note> note = EventEditor(store).putNote(lavrov, {0, 1700000000, u"first"_qs});
        return note && editor->removeNote(lavrov, *note);
    }) << true;
    QTest::newRow("link") << Command([lavrov, liHui](TimelineEditor *editor, EventStore &) {
        return editor->addLink({liHui, lavrov, u"responds to"_qs});
    }) << false;
    QTest::newRow("remove a link") << Command([lavrov, liHui](TimelineEditor *editor, EventStore &store) {
        return EventEditor(store).addLink({liHui, lavrov, u"follows"_qs})
            && editor->removeLink({liHui, lavrov, u"follows"_qs});
    }) << true;
    QTest::newRow("save a view") << Command([](TimelineEditor *editor, EventStore &) {
        SavedView view;
        view.name = u"Russia"_qs;
        view.filter.countries = {u"RU"_qs};
        return editor->saveView(view);
    }) << false;
    QTest::newRow("replace a view") << Command([](TimelineEditor *editor, EventStore &store) {
        SavedView view;
        view.name = u"Russia"_qs;
        view.filter.countries = {u"RU"_qs};
        EventEditor(store).saveView(view);
        view.filter.countries = {u"CN"_qs};
        return editor->saveView(view);
    }) << true;
    QTest::newRow("delete a view") << Command([](TimelineEditor *editor, EventStore &store) {
        return EventEditor(store).saveView({u"Old"_qs, {}, {}, {}, {}, {}}) && editor->deleteView(u"Old"_qs);
    }) << true;
}

void tst_Editing::undoRedoEveryCommand()
{
    QFETCH(Command, command);
    TimelineEditor *editor = m_window->editor();
    QUndoStack *stack = editor->undoStack();
    const QByteArray original = contentsOf(store());
    QVERIFY(command(editor, store()));
    QCOMPARE(stack->count(), 1);
    QVERIFY(stack->canUndo());
    const QByteArray done = contentsOf(store());
    QFETCH(bool, setUp);
    QVERIFY(setUp || done != original);
    QVERIFY(WindowTest::settle(m_window.get()));
    QByteArray undone;
    for (int round = 0; round < 3; ++round) {
        stack->undo();
        QVERIFY(WindowTest::settle(m_window.get()));
        QCOMPARE(stack->count(), 1); // a step that failed would have left the history
        // Each undo gives the same file, and each redo the file as the command left it.
        if (round == 0) {
            undone = contentsOf(store());
            QVERIFY(undone != done);
        }
        QCOMPARE(contentsOf(store()), undone);
        // The window shows the file as it is: as many events as it holds.
        QCOMPARE(int(m_window->result()->total()), store().count());
        stack->redo();
        QVERIFY(WindowTest::settle(m_window.get()));
        QCOMPARE(contentsOf(store()), done);
        QCOMPARE(int(m_window->result()->total()), store().count());
    }
    if (!setUp) {
        QCOMPARE(undone, original);
    }
}

void tst_Editing::undoTheLastImport()
{
    const QByteArray original = contentsOf(store());
    const int events = store().count();
    // A file that adds two events and corrects one of the seed's.
    Event corrected = *store().event(u"seed-2023-04-29-lavrov-global-south"_qs);
    corrected.title = u"Lavrov (corrected)"_qs;
    Event added;
    added.id = u"new-1"_qs;
    added.title = u"A new one"_qs;
    added.time = EventTime(1684000000 / 86400 * 86400, Precision::Day);
    Event another = added;
    another.id = u"new-2"_qs;
    const QString file = WindowTest::writeData(
        m_dir->filePath(QStringLiteral("more.json")), JsonFormat::write({corrected, added, another}));
    QVERIFY(m_window->importPath(file, Importer::Options()));
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(store().count(), events + 2);
    QUndoStack *stack = m_window->editor()->undoStack();
    QCOMPARE(stack->undoText(), u"Import more.json"_qs);
    const QByteArray imported = contentsOf(store());
    stack->undo();
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(contentsOf(store()), original);
    QCOMPARE(int(m_window->result()->total()), events);
    stack->redo();
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(contentsOf(store()), imported);
    QCOMPARE(int(m_window->result()->total()), events + 2);
}

void tst_Editing::formReadsAndRefuses()
{
    Event event = *store().event(u"seed-2023-04-29-lavrov-global-south"_qs);
    EventDialog dialog(event, false, {u"visit"_qs, u"talks"_qs});
    QString error;
    std::optional<Event> same = dialog.edited(&error);
    QVERIFY2(same, qPrintable(error));
    QCOMPARE(*same, event); // the form shows the event as it is, and gives it back unchanged
    dialog.titleField()->setText(u"  Lavrov,  again "_qs);
    dialog.kindField()->setCurrentText(u"talks"_qs);
    dialog.startField()->setText(u"c. 2023-04-29"_qs);
    dialog.endField()->clear();
    dialog.countriesField()->setText(u"Russia, cn"_qs);
    dialog.summaryField()->setPlainText(u"Shorter."_qs);
    dialog.tagsField()->setText(u"a, b,"_qs);
    dialog.actorsTable()->setRowCount(1);
    dialog.actorsTable()->setItem(0, 0, new QTableWidgetItem(u"Sergey Lavrov"_qs));
    dialog.actorsTable()->setItem(0, 1, new QTableWidgetItem(u"Russia"_qs));
    dialog.actorsTable()->setItem(0, 2, new QTableWidgetItem(u"speaker"_qs));
    const std::optional<Event> edited = dialog.edited(&error);
    QVERIFY2(edited, qPrintable(error));
    QCOMPARE(edited->title, u"Lavrov, again"_qs);
    QCOMPARE(edited->kind, u"talks"_qs);
    QVERIFY(edited->time.isApproximate());
    QCOMPARE(edited->countries, QStringList({u"RU"_qs, u"CN"_qs}));
    QCOMPARE(edited->tags, QStringList({u"a"_qs, u"b"_qs}));
    QCOMPARE(edited->actors.size(), 1);
    QCOMPARE(edited->actors.first().country, u"RU"_qs);
    QCOMPARE(edited->actors.first().role, u"speaker"_qs);
    QCOMPARE(edited->id, event.id);
    // A precision chosen over the one the text gives.
    dialog.startField()->setText(u"2023-04-29"_qs);
    dialog.precisionField()->setCurrentIndex(dialog.precisionField()->findText(u"Month"_qs));
    QCOMPARE(dialog.edited(&error)->time.precision(), Precision::Month);
    // Each field's problem is named, and Save keeps the form open with it.
    const auto refused = [&](const QString &expected) {
        QVERIFY(!dialog.edited(&error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.problem().startsWith(expected));
    };
    dialog.startField()->setText(u"2023-13-40"_qs);
    refused(u"Start: \"2023-13-40\" has month 13"_qs);
    dialog.startField()->setText(u"2023-04-29"_qs);
    dialog.endField()->setText(u"2023-04-01"_qs);
    refused(u"End: "_qs);
    dialog.endField()->clear();
    dialog.countriesField()->setText(u"Atlantis"_qs);
    refused(u"Countries: \u201CAtlantis\u201D is not a country known to ISO 3166-1"_qs);
    dialog.countriesField()->clear();
    dialog.sourcesTable()->setRowCount(1);
    dialog.sourcesTable()->setItem(0, 1, new QTableWidgetItem(u"javascript:alert(1)"_qs));
    refused(u"Sources: \u201Cjavascript:alert(1)\u201D is not an http or https address"_qs);
    dialog.sourcesTable()->setRowCount(0);
    dialog.titleField()->clear();
    refused(u"Title: give the event a title"_qs);
    // The submit function's own refusal (the store's) is shown the same way.
    dialog.titleField()->setText(u"Fine"_qs);
    dialog.setSubmit([](const Event &) { return u"the disk is full"_qs; });
    dialog.accept();
    QCOMPARE(dialog.problem(), u"the disk is full"_qs);
}

void tst_Editing::anotherWindowsChangeArrives()
{
    QSignalSpy loaded(m_window->filterEngine(), &FilterEngine::loaded);
    QSignalSpy updated(m_window->filterEngine(), &FilterEngine::updated);
    const QString id = u"seed-2023-04-29-lavrov-global-south"_qs;
    QVERIFY(m_window->selectEvent(id));
    // Another window (a connection of its own) retitles the event, stars it and adds one.
    EventStore other(path());
    QVERIFY(other.open());
    EventEditor editor(other);
    Event event = *other.event(id);
    event.title = u"Retitled elsewhere"_qs;
    QVERIFY(editor.apply({{id, other.digestOf(id), event}}));
    QVERIFY(editor.setStarred({id}, true));
    Event added = event;
    added.id = u"added-elsewhere"_qs;
    QVERIFY(editor.apply({{added.id, {}, added}}));
    // Within the poll's second, without reading the whole timeline again.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->eventModel()->rowOf(added.id) >= 0, 5000);
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(loaded.count(), 0);
    QVERIFY(updated.count() >= 1);
    QCOMPARE(m_window->selectedId(), id);
    QVERIFY2(m_window->detailView()->toPlainText().startsWith(u"Retitled elsewhere"_qs),
        qPrintable(m_window->detailView()->toPlainText()));
    QVERIFY(m_window->detailView()->marks().starred);
    const WorkingSet &set = m_window->result()->workingSet();
    QVERIFY(set.marks[*set.rowOfId(id)] & WorkingSet::Starred);
    // The starred filter finds it.
    EventFilter starred;
    starred.starred = true;
    m_window->setFilter(starred);
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(m_window->result()->count(), size_t(1));
}

void tst_Editing::staleEditInTheWindowIsRefused()
{
    const QString id = u"seed-2023-04-29-lavrov-global-south"_qs;
    // The form opens on the event as the file holds it...
    const Event shown = *store().event(id);
    const QByteArray read = store().digestOf(id);
    // ...another window changes it meanwhile...
    Event theirs = shown;
    theirs.summary = u"Their summary"_qs;
    QVERIFY(EventEditor(store()).apply({{id, read, theirs}}));
    // ...and Save is refused, with a message, and their change stays.
    Event mine = shown;
    mine.title = u"Mine"_qs;
    QString error;
    QVERIFY(!m_window->editor()->writeEvent(shown, read, mine, &error));
    QVERIFY2(error.contains(u"was changed elsewhere"), qPrintable(error));
    QCOMPARE(store().event(id)->summary, u"Their summary"_qs);
    QCOMPARE(store().event(id)->title, shown.title);
    QCOMPARE(m_window->editor()->undoStack()->count(), 0);
}

void tst_Editing::savedViewsApplyAndTravel()
{
    EventFilter filter;
    filter.countries = {u"CN"_qs};
    m_window->setFilter(filter);
    m_window->setLaneMode(LaneMode::Actor);
    QVERIFY(WindowTest::settle(m_window.get()));
    const QString selected = m_window->timelineIndex()->id(0);
    QVERIFY(m_window->selectEvent(selected));
    const SavedView view = m_window->currentView(u"China by actor"_qs);
    QVERIFY(m_window->editor()->saveView(view));
    QTRY_VERIFY(m_window->viewsMenu()->actions().size() > 4);
    const QList<QAction *> actions = m_window->viewsMenu()->actions();
    QVERIFY(std::any_of(actions.begin(), actions.end(), [](QAction *a) { return a->text() == u"China by actor"_qs; }));
    // Elsewhere, then back through the view.
    m_window->setFilter({});
    m_window->setLaneMode(LaneMode::Country);
    QVERIFY(WindowTest::settle(m_window.get()));
    QString error;
    const std::optional<SavedView> travelled = SavedView::fromJson(view.toJson(), &error); // as a colleague reads it
    QVERIFY2(travelled, qPrintable(error));
    m_window->applyView(*travelled);
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(m_window->filter(), filter);
    QCOMPARE(m_window->result()->query().mode, LaneMode::Actor);
    QCOMPARE(m_window->timelineZoom()->visibleRange().start, *view.rangeStart);
    QCOMPARE(m_window->selectedId(), selected);
}

void tst_Editing::newTimelineStartsEmpty()
{
    const QString fresh = m_dir->filePath(QStringLiteral("fresh.annals"));
    QVERIFY(m_window->createTimeline(fresh));
    QVERIFY(WindowTest::settle(m_window.get()));
    QCOMPARE(m_window->result()->total(), size_t(0));
    QCOMPARE(m_window->windowFilePath(), fresh);
    Event event;
    event.id = u"first"_qs;
    event.title = u"The first event"_qs;
    event.time = EventTime(1684000000 / 86400 * 86400, Precision::Day);
    QString error;
    QVERIFY2(m_window->editor()->writeEvent(std::nullopt, {}, event, &error), qPrintable(error));
    QTRY_COMPARE(m_window->result()->total(), size_t(1));
    QCOMPARE(m_window->selectedId(), u"first"_qs);
    // An existing file is never replaced: a message says so, and the timeline stays as it is.
    QString message;
    WindowTest::answerModals({[&](QWidget *box) {
        message = static_cast<QMessageBox *>(box)->text();
        box->close();
    }});
    QVERIFY(!m_window->createTimeline(fresh));
    QVERIFY2(message.contains(u"exists already"), qPrintable(message));
    QCOMPARE(store().count(), 9); // the seed's file, opened by the test's second connection, is untouched
    EventStore again(fresh);
    QVERIFY(again.open());
    QCOMPARE(again.count(), 1);
}

void tst_Editing::contextMenuOffersTheEdits()
{
    QMenu menu;
    m_window->editor()->fillMenu(&menu, u"seed-2023-04-29-lavrov-global-south"_qs);
    QStringList texts;
    for (QAction *action : menu.actions()) {
        if (!action->isSeparator()) {
            texts << action->text();
        }
    }
    QCOMPARE(texts, QStringList({u"&Edit Event…"_qs, u"&Delete Event"_qs, u"&Star"_qs, u"Add &Note…"_qs,
                        u"Your &Tags…"_qs, u"Link &From This Event"_qs}));
    m_window->editor()->startLink(u"seed-2023-04-29-lavrov-global-south"_qs);
    QMenu second;
    m_window->editor()->fillMenu(&second, u"seed-2023-05-22-li-hui-visit-announced"_qs);
    const QList<QAction *> offered = second.actions();
    QVERIFY(std::any_of(offered.begin(), offered.end(),
        [](QAction *a) { return a->text().startsWith(u"&Link \u201CLavrov"_qs); }));
}

QTEST_MAIN(tst_Editing)
#include "tst_editing.moc"
