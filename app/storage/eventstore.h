// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "storage/eventfilter.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE
struct sqlite3;

// How many events of a filtered set carry one value of a dimension (a country, an actor, a kind).
struct FacetCount {
    QString key; // alpha-2 code, actor name or kind
    QString detail; // for an actor, their country; otherwise empty
    int count = 0;
    friend bool operator==(const FacetCount &, const FacetCount &) = default;
};

// The order events are read in.
struct EventOrder {
    enum class Key { Time, Title, Countries, Actors, Kind };
    Key key = Key::Time;
    bool descending = false;
    friend bool operator==(const EventOrder &, const EventOrder &) = default;
};

// What one write did.
struct WriteSummary {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
};

// A timeline: one SQLite file (or ":memory:") holding events. It owns one named connection and must be used only
// from the thread that opened it. Every write is one transaction: it lands whole or not at all.
class EventStore final {
public:
    explicit EventStore(const QString &path);
    ~EventStore();
    Q_DISABLE_COPY_MOVE(EventStore)

    // Opens (creating the file if need be) and migrates it to the current schema.
    bool open();
    bool isOpen() const;
    bool isInMemory() const { return m_path == QLatin1String(":memory:"); }
    // SQLite's handle under this store's connection, for readers on SQLite's own API on this store's thread.
    sqlite3 *connectionHandle() const;
    QString path() const { return m_path; }
    // The last error, as a sentence naming the file.
    QString errorString() const { return m_error; }

    // Adds new events and updates those whose id is already stored; an event identical to the stored one is left
    // alone. Returns nullopt, with errorString() set, when any event is refused; the file is then as it was.
    std::optional<WriteSummary> write(const QList<Event> &events);

    // Events under the filter, in time order (or `order`). limit < 0 means all.
    QList<Event> events(const EventFilter &filter = {}, int limit = -1, int offset = 0, EventOrder order = {}) const;
    // The events with these rowids, in the order given (the table reads its pages so); unknown rowids are left out.
    QList<Event> eventsAt(const QList<qint64> &rowids) const;
    // Where the event with this id stands among events(filter, -1, 0, order), or -1 when the filter hides it.
    int rowOf(const QString &id, const EventFilter &filter, EventOrder order = {}) const;
    // The event after (step > 0) or before (step < 0) this one in time under the filter, if any.
    std::optional<QString> neighbour(const QString &id, const EventFilter &filter, int step) const;
    // Other events with one of this event's actors, nearest in time first.
    QList<Event> related(const QString &id, int limit) const;
    std::optional<Event> event(const QString &id) const;
    int count(const EventFilter &filter = {}) const;
    // Counts per value of one dimension under the filter as given, most frequent first.
    QList<FacetCount> counts(EventFilter::Dimension dimension, const EventFilter &filter = {}) const;

private:
    friend class EventWriteSession;
    QSqlDatabase database() const;
    // With `rowidsOut`, each event's rowid goes there, in the same order.
    QList<Event> load(const SqlCondition &condition, int limit, int offset, EventOrder order = {},
        QList<qint64> *rowidsOut = nullptr) const;
    bool fail(const QString &what) const;

    QString m_path;
    QString m_connectionName;
    mutable QString m_error;
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
    // With this set, an event whose id the write has already met is left out, rather than refused: add() then
    // returns true and skipped() says why. For --skip-invalid, where a file repeats an event.
    void setSkipRepeatedIds(bool skip);
    // Why the last event added was left out, or an empty string.
    QString skipped() const;
    std::optional<WriteSummary> commit();
    QString errorString() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
