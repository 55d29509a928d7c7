// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "domain/eventmarks.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class EventStore;
struct SavedView;
struct WriteJournal;

// A change to one event: what the file must hold for the change to go ahead, and what it is to hold after.
struct EventChange {
    QString id;
    QByteArray expected; // the event's digest as the file holds it now (EventStore::digestOf); empty: no such event
    std::optional<Event> wanted; // nullopt: delete it
};

// Every change a person makes to a timeline, as opposed to an import: events written, corrected or deleted, and the
// analyst's own marks (stars, tags, notes, links) and saved views. Each call is one transaction, and goes to the
// file's log of changes, so that another window on the same file takes it in. Events are checked as an import checks
// them, with the same messages.
class EventEditor final {
public:
    explicit EventEditor(EventStore &store);

    // All the changes or none. Refused, naming the event, when one is not as `expected` says: someone else (another
    // window, the command line) changed it since it was read, and their change is not to be overwritten. With a
    // journal, what each change replaced goes there.
    bool apply(const QList<EventChange> &changes, WriteJournal *journal = nullptr);

    bool setStarred(const QStringList &ids, bool starred);
    // Replaces the analyst's tags of each event given (cleaned as cleanTags does; an empty tag is refused).
    bool setTags(const QHash<QString, QStringList> &tags);
    // Tags as they are kept: spaces simplified, empty ones dropped, each once without regard to case (the first
    // spelling stays).
    static QStringList cleanTags(const QStringList &tags);
    // A new note (note.id 0: the file gives it one, returned), or the note with that id written again as given.
    std::optional<Note> putNote(const QString &eventId, const Note &note);
    bool removeNote(qint64 noteId);
    // Adding a link that is there already, or removing one that is not, changes nothing and is no error.
    bool addLink(const EventLink &link);
    bool removeLink(const EventLink &link);
    // Keeps the view under its name, in place of one of the same name.
    bool saveView(const SavedView &view);
    bool deleteView(const QString &name);

    QString errorString() const { return m_error; }

private:
    struct Transaction;
    bool fail(const QString &why);

    EventStore &m_store;
    QString m_error;
};
