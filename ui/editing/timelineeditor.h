// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventmarks.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class EditCommand;
class EventStore;
struct Event;
struct SavedView;
struct WriteJournal;
QT_BEGIN_NAMESPACE
class QAction;
class QMenu;
class QUndoStack;
class QWidget;
QT_END_NAMESPACE

// Every change a person makes to the timeline in the window, each as one command on an undo stack: events created,
// edited and deleted in a form, stars, the analyst's tags, notes and links, saved views, and imports (whose undo
// removes what they added and puts back what they updated). Each step is one transaction; one that finds an event
// changed elsewhere since it was shown is refused with a message and changes nothing.
class TimelineEditor final : public QObject {
    Q_OBJECT

public:
    // One event's change: as it was read (nullopt: absent) with the digest the file held then, and as it is to be
    // (nullopt: deleted).
    struct Change;

    // `window`: the parent of dialogs and messages.
    explicit TimelineEditor(QWidget *window);
    ~TimelineEditor() override;
    Q_DISABLE_COPY_MOVE(TimelineEditor)

    // The timeline to change (not owned); a new one starts a new history.
    void setStore(EventStore *store);
    QUndoStack *undoStack() const { return m_stack; }
    // Kinds offered in the form (the timeline's own, most used first).
    void setKinds(const QStringList &kinds) { m_kinds = kinds; }

    // The form, for a new event (starting at `start` when given) or for an event of the timeline.
    void newEvent(std::optional<qint64> start = {});
    void editEvent(const QString &id);
    // An event written in place of what the file held when it was read (`before`, absent for a new event, with the
    // digest the file held then): what the form's Save does. False, with *error, when nothing was written.
    bool writeEvent(const std::optional<Event> &before, const QByteArray &digest, const Event &after, QString *error);
    void deleteEvents(const QStringList &ids);
    void setStarred(const QStringList &ids, bool starred);
    // Each asks first (ask...), then does the change as a command.
    void askNote(const QString &id);
    bool addNote(const QString &id, const QString &text);
    void askEditNote(const QString &id, const Note &note);
    bool changeNote(const QString &id, const Note &note, const QString &text);
    bool removeNote(const QString &id, const Note &note);
    void askTags(const QString &id);
    bool setTags(const QString &id, const QStringList &tags);
    // A link is made in two steps: from the event chosen first to the one chosen next, with a label asked for.
    void startLink(const QString &id);
    QString linkSource() const { return m_linkSource; }
    void askLinkTo(const QString &target);
    bool addLink(const EventLink &link);
    bool removeLink(const EventLink &link);
    bool saveView(const SavedView &view);
    bool deleteView(const QString &name);
    // An import that has just landed, recorded in `journal`, goes on the stack so that it can be undone.
    void recordImport(const QString &fileName, std::shared_ptr<WriteJournal> journal);

    // The actions on one event, for its context menu: Edit, Delete, Star, Add Note, Tags, Link.
    void fillMenu(QMenu *menu, const QString &id);

    // Runs the command's first step and keeps it for undo; false (and a message) when nothing was changed.
    bool perform(EditCommand *command);

signals:
    // The file changed (a step was carried out): the window takes the change in.
    void changed();
    // An event was written (from the form, or by an undo or a redo): the window selects it.
    void selectRequested(const QString &id);
    // A step was refused: why, in a sentence.
    void refused(const QString &message);

private:
    // A command from two steps over the current store.
    EditCommand *command(const QString &text, std::function<bool(EventStore &, QString *)> forward,
        std::function<bool(EventStore &, QString *)> backward);
    bool changeEvents(const QString &text, const QList<Change> &changes, QString *error = nullptr);
    // The form on `event`, as the file held it with this digest (a new event has none).
    void openForm(const Event &event, bool isNew, const QByteArray &digest);
    // Runs `work` on a connection of its own on a worker thread, with a busy dialog over the window, which keeps
    // painting; a timeline in memory is worked on here.
    bool beside(EventStore &store, const QString &label, QString *error,
        const std::function<bool(EventStore &, QString *)> &work);

    QWidget *m_window;
    EventStore *m_store = nullptr;
    QUndoStack *m_stack;
    QStringList m_kinds;
    QString m_linkSource;
};
