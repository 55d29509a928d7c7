// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's Edit and Views menus, File > New Timeline, the events' context menus, the history of changes, and
// taking in changes made elsewhere.
#include "mainwindow.h"

#include "editing/timelineeditor.h"
#include "eventdetailview.h"
#include "filterpanel.h"
#include "io/outputfile.h"
#include "io/seed.h"
#include "models/eventlistmodel.h"
#include "plainwarning.h"
#include "storage/annotations.h"
#include "storage/changelog.h"
#include "storage/eventstore.h"
#include "storage/savedview.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"
#include "workingset/filterengine.h"
#include "workingset/filterresult.h"

#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>

void MainWindow::createEditActions(QMenu *file, QAction *beforeOpen)
{
    m_editor = new TimelineEditor(this);
    connect(m_editor, &TimelineEditor::changed, this, &MainWindow::syncChanges);
    connect(m_editor, &TimelineEditor::selectRequested, this, [this](const QString &id) {
        if (!selectEvent(id)) {
            m_selectedId = id; // selected when the views have it
        }
    });
    connect(m_editor, &TimelineEditor::refused, this,
        [this](const QString &message) { showPlainWarning(this, tr("Nothing was changed"), message); });

    QAction *newTimeline = new QAction(tr("&New Timeline…"), this);
    newTimeline->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    connect(newTimeline, &QAction::triggered, this, &MainWindow::newTimeline);
    file->insertAction(beforeOpen, newTimeline);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack *stack = m_editor->undoStack();
    QAction *undo = stack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = stack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);
    // Say what was done, and that it can be taken back (a deletion asks nothing first).
    connect(stack, &QUndoStack::indexChanged, this, [this, stack] {
        if (stack->canUndo()) {
            statusBar()->showMessage(tr("%1. Edit > Undo (Ctrl+Z) takes it back.").arg(stack->undoText()), 6000);
        }
    });
    auto *history = new QDockWidget(tr("History"), this);
    history->setObjectName(QStringLiteral("history"));
    auto *historyView = new QUndoView(stack, history);
    historyView->setEmptyLabel(tr("<opened>"));
    history->setWidget(historyView);
    addDockWidget(Qt::RightDockWidgetArea, history);
    history->hide();
    edit->addAction(history->toggleViewAction());
    edit->addSeparator();

    // What acts on the selected event: disabled while there is none.
    const auto onSelected = [this, edit](const QString &text, const QKeySequence &keys, auto act) {
        QAction *action = edit->addAction(text, keys, this, [this, act] {
            if (!m_selectedId.isEmpty()) {
                act(m_selectedId);
            }
        });
        action->setEnabled(false);
        connect(
            this, &MainWindow::resultShown, action, [this, action] { action->setEnabled(!m_selectedId.isEmpty()); });
        connect(m_timeline, &TimelineView::eventSelected, action,
            [action](const QString &id) { action->setEnabled(!id.isEmpty()); });
        return action;
    };
    edit->addAction(tr("&New Event…"), QKeySequence::New, this, [this] { m_editor->newEvent(); });
    onSelected(tr("&Edit Event…"), QKeySequence(tr("F2")), [this](const QString &id) { m_editor->editEvent(id); });
    onSelected(tr("&Delete Event"), QKeySequence::Delete, [this](const QString &id) { m_editor->deleteEvents({id}); });
    edit->addSeparator();
    onSelected(tr("&Star or Unstar"), QKeySequence(tr("Ctrl+D")),
        [this](const QString &id) { m_editor->setStarred({id}, !Annotations::marks(*m_store, id).starred); });
    onSelected(tr("Add &Note…"), QKeySequence(tr("Ctrl+M")), [this](const QString &id) { m_editor->askNote(id); });
    onSelected(tr("Your &Tags…"), QKeySequence(tr("Ctrl+T")), [this](const QString &id) { m_editor->askTags(id); });
    onSelected(tr("&Link From This Event"), QKeySequence(tr("Ctrl+L")), [this](const QString &id) {
        m_editor->startLink(id);
        statusBar()->showMessage(tr("Now choose the event to link to, and right-click it."), 8000);
    });

    m_viewsMenu = new QMenu(tr("&Views"), this);
    updateViewsMenu();

    // The detail pane's own links.
    connect(m_detail, &EventDetailView::starRequested, this,
        [this](bool starred) { m_editor->setStarred({m_selectedId}, starred); });
    connect(m_detail, &EventDetailView::addNoteRequested, this, [this] { m_editor->askNote(m_selectedId); });
    connect(m_detail, &EventDetailView::tagsRequested, this, [this] { m_editor->askTags(m_selectedId); });
    connect(m_detail, &EventDetailView::editRequested, this, [this] { m_editor->editEvent(m_selectedId); });
    connect(m_detail, &EventDetailView::noteEditRequested, this,
        [this](const Note &note) { m_editor->askEditNote(m_selectedId, note); });
    connect(m_detail, &EventDetailView::noteRemoveRequested, this,
        [this](const Note &note) { m_editor->removeNote(m_selectedId, note); });
    connect(m_detail, &EventDetailView::linkRemoveRequested, m_editor, &TimelineEditor::removeLink);

    // Right-clicks on an event, in the timeline and the table.
    connect(m_timeline, &TimelineView::contextMenuRequested, this,
        [this](const QString &id, const QPoint &pos, qint64 at) { showEventMenu(id, pos, at); });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        const QString id = index.data(EventListModel::EventIdRole).toString();
        if (!id.isEmpty()) {
            selectEvent(id);
        }
        showEventMenu(id, m_table->viewport()->mapToGlobal(pos), std::nullopt);
    });

    // Someone else wrote to the file: another window, or the command line.
    m_changePoll = new QTimer(this);
    m_changePoll->setInterval(1000);
    connect(m_changePoll, &QTimer::timeout, this, [this] {
        if (m_store && !m_importing && ChangeLog::dataVersion(*m_store) != m_dataVersion) {
            syncChanges();
        }
    });
    m_changePoll->start();
}

void MainWindow::showEventMenu(const QString &id, const QPoint &globalPos, std::optional<qint64> at)
{
    QMenu menu(this);
    m_editor->fillMenu(&menu, id);
    if (!id.isEmpty()) {
        menu.addSeparator();
    }
    menu.addAction(at ? tr("New Event &Here…") : tr("&New Event…"), this, [this, at] { m_editor->newEvent(at); });
    menu.exec(globalPos);
}

void MainWindow::syncChanges()
{
    if (!m_store) {
        return;
    }
    // The version first: a commit that lands while the log is read then shows as a new version at the next poll.
    m_dataVersion = ChangeLog::dataVersion(*m_store);
    const ChangeLog::Changes changes = ChangeLog::since(*m_store, m_changeSeq);
    m_changeSeq = changes.last;
    if (changes.views) {
        updateViewsMenu();
    }
    if (changes.everything) {
        m_filters->refresh();
        m_loading = true;
        m_engine->open(*m_store);
        requestResult();
    } else if (!changes.ids.isEmpty()) {
        m_engine->update(*m_store, changes.ids);
    }
    m_timeline->setLinks(Annotations::links(*m_store));
    if (changes.ids.contains(m_selectedId)) {
        showDetails(); // at once; the views follow when the working set is up to date
    }
}

void MainWindow::showDetails()
{
    const std::optional<Event> event = m_selectedId.isEmpty() ? std::nullopt : m_store->event(m_selectedId);
    if (!event) {
        m_detail->setEvent(nullptr);
        return;
    }
    const EventMarks marks = Annotations::marks(*m_store, m_selectedId);
    QHash<QString, QString> titles;
    for (const EventLink &link : marks.links) {
        for (const QString &other : {link.source, link.target}) {
            if (other != m_selectedId && !titles.contains(other)) {
                const std::optional<Event> linked = m_store->event(other);
                titles.insert(other, linked ? linked->title : other);
            }
        }
    }
    m_detail->setEvent(&*event, m_store->related(m_selectedId, 5), m_filter.text, marks, titles);
}

void MainWindow::newTimeline()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Timeline"),
        QFileInfo(m_store->path()).path() + QStringLiteral("/untitled.annals"), tr("Annals timelines (*.annals)"));
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QLatin1String(".annals"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".annals");
    }
    createTimeline(path);
}

bool MainWindow::createTimeline(const QString &path)
{
    if (m_importing) {
        return false;
    }
    if (QFileInfo::exists(path)) {
        // The file dialog asked before replacing; a timeline is not replaced but opened, so that nothing is lost.
        showPlainWarning(this, tr("New Timeline"),
            tr("%1 exists already. Choose another name, or open it with File > Open.").arg(path));
        return false;
    }
    auto store = std::make_unique<EventStore>(path);
    if (!store->open()) {
        showPlainWarning(this, tr("Cannot create the timeline"), store->errorString());
        QFile::remove(path);
        return false;
    }
    store->setTitle(QFileInfo(path).completeBaseName());
    setStore(std::move(store));
    statusBar()->showMessage(
        tr("A new, empty timeline. Add events with Edit > New Event, or bring them in with File > Import."), 10000);
    return true;
}

SavedView MainWindow::currentView(const QString &name) const
{
    SavedView view;
    view.name = name;
    view.filter = m_filter;
    view.lanes = laneModeName(m_laneMode);
    const TimeScale::Range range = m_zoom->visibleRange();
    view.rangeStart = range.start;
    view.rangeEnd = range.end;
    view.selected = m_selectedId;
    return view;
}

void MainWindow::applyView(const SavedView &view)
{
    if (const std::optional<LaneMode> mode = laneModeFromName(view.lanes)) {
        m_laneMode = *mode;
    }
    if (view.rangeStart && view.rangeEnd) {
        m_restoredRange = std::pair(*view.rangeStart, *view.rangeEnd);
        m_fitOnResult = true; // the next result shows the view's span rather than fit
    }
    m_selectedId = view.selected;
    if (!(view.filter == m_filter)) {
        setFilter(view.filter);
    } else {
        requestResult();
    }
    statusBar()->showMessage(tr("View \u201C%1\u201D").arg(view.name), 5000);
}

void MainWindow::updateViewsMenu()
{
    if (!m_viewsMenu) {
        return;
    }
    m_viewsMenu->clear();
    m_viewsMenu->addAction(tr("&Save Current View…"), QKeySequence(tr("Ctrl+Shift+V")), this, &MainWindow::saveViewAs);
    m_viewsMenu->addAction(tr("&Import View…"), this, &MainWindow::importView);
    QMenu *exportMenu = m_viewsMenu->addMenu(tr("&Export View"));
    QMenu *deleteMenu = m_viewsMenu->addMenu(tr("&Delete View"));
    m_viewsMenu->addSeparator();
    const QList<SavedView> views = m_store ? Annotations::views(*m_store) : QList<SavedView>();
    for (const SavedView &view : views) {
        QAction *apply = m_viewsMenu->addAction(view.name, this, [this, view] { applyView(view); });
        apply->setToolTip(view.filter.describe().join(u'\n'));
        exportMenu->addAction(view.name, this, [this, view] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export View"), view.name + QStringLiteral(".annals-view.json"), tr("Annals views (*.json)"));
            QString error;
            if (!path.isEmpty() && !OutputFile::write(path, view.toJson(), &error)) {
                showPlainWarning(this, tr("Export View"), error);
            }
        });
        deleteMenu->addAction(view.name, this, [this, name = view.name] { m_editor->deleteView(name); });
    }
    if (views.isEmpty()) {
        m_viewsMenu->addAction(tr("No saved views yet"))->setEnabled(false);
    }
    exportMenu->setEnabled(!views.isEmpty());
    deleteMenu->setEnabled(!views.isEmpty());
    m_viewsMenu->menuAction()->setToolTip(tr("Saved views: a filter, lanes, span and selection under a name"));
}

void MainWindow::saveViewAs()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Current View"),
        tr("A name for the current filter, lanes, span in view and selected event:"), QLineEdit::Normal, QString(), &ok)
                             .simplified();
    if (ok && !name.isEmpty()) {
        m_editor->saveView(currentView(name));
    }
}

void MainWindow::importView()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import View"), QString(), tr("Annals views (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    QFile file(path);
    QString error;
    std::optional<SavedView> view;
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
    } else if (file.size() > 1024 * 1024) {
        error = tr("it is too large to be a saved view");
    } else {
        view = SavedView::fromJson(file.readAll(), &error);
    }
    if (!view) {
        showPlainWarning(this, tr("Import View"), tr("%1: %2").arg(QFileInfo(path).fileName(), error));
        return;
    }
    m_editor->saveView(*view);
    applyView(*view);
}
