// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "storage/eventfilter.h"
#include "storage/eventwritesession.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
class QSqlQuery;
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
    // The timeline's own title ("China, Russia and the SCO, March to May 2023"), or empty when it has none.
    QString title() const;
    bool setTitle(const QString &title);
    // The SQLite library's version, as it reports it ("3.40.1").
    static QString sqliteVersion();
    // The last error, as a sentence naming the file.
    QString errorString() const { return m_error; }

    // Adds new events and updates those whose id is already stored; an event identical to the stored one is left
    // alone. Returns nullopt, with errorString() set, when any event is refused; the file is then as it was.
    std::optional<WriteSummary> write(const QList<Event> &events);

    // Events under the filter, in time order (or `order`). limit < 0 means all.
    QList<Event> events(const EventFilter &filter = {}, int limit = -1, int offset = 0, EventOrder order = {}) const;
    // The events with these rowids, in the order given (the table reads its pages so); unknown rowids are left out.
    QList<Event> eventsAt(const QList<qint64> &rowids) const;
    // Other events with one of this event's actors, nearest in time first.
    QList<Event> related(const QString &id, int limit) const;
    std::optional<Event> event(const QString &id) const;
    // The rowid of the event with this id (through the index on ids), if there is one.
    std::optional<qint64> rowidOf(const QString &id) const;
    // The digest of the event with this id as the file holds it (empty when there is none): what an edit of it
    // expects to find (EventChange::expected).
    QByteArray digestOf(const QString &id) const;
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
    // A query's error: a full disk, a lock or a damaged file in plain words (StoreFault), else SQLite's own.
    bool failQuery(const QSqlQuery &query) const;

    QString m_path;
    QString m_connectionName;
    mutable QString m_error;
};
