// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>
#include <optional>

class EventStore;
struct Event;
struct WriteJournal;

// What one write did.
struct WriteSummary {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int repeated
        = 0; // records that repeated an earlier one of the same write exactly (same id, same content): kept once
};

// Writes events one at a time inside one transaction, so that an import of any size need not hold its events in
// memory: all of them land on commit(), and none if commit() is not reached (the destructor rolls back).
class EventWriteSession final {
public:
    // `total`, when known, lets messages say "event 5 of 10".
    explicit EventWriteSession(EventStore &store, qsizetype total = 0);
    ~EventWriteSession();
    Q_DISABLE_COPY_MOVE(EventWriteSession)

    // False when the event is refused or the file cannot take it; errorString() says which and why, and the
    // session takes no more.
    bool add(const Event &event);
    // Deletes the event with this id. False when there is none or the file cannot take it (errorString() says which).
    bool remove(const QString &id);
    // The digest of the event with this id as the file holds it within this write (empty when there is none), or
    // nullopt when the file cannot be read.
    std::optional<QByteArray> storedDigest(const QString &id);
    // Records in `journal` (which must outlive the session) what each add() and remove() changes, for an undo.
    void setJournal(WriteJournal *journal);
    // Ends the write with this reason: commit() then writes nothing and says why.
    void fail(const QString &why);
    // A fingerprint of everything an event holds, as the file keeps it beside the event.
    static QByteArray digestOf(const Event &event);
    // With this set, an event whose id the write has already met is left out, rather than refused: add() then
    // returns true and skipped() says why. For --skip-invalid, where a file repeats an event.
    void setSkipRepeatedIds(bool skip);
    // A title for the timeline, kept on commit when it has none yet (a TimelineJS file names itself).
    void setTitleIfUntitled(const QString &title);
    // Why the last event added was left out, or an empty string.
    QString skipped() const;
    std::optional<WriteSummary> commit();
    QString errorString() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
