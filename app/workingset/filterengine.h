// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workingset/filterresult.h"

#include <QObject>
#include <QStringList>

#include <memory>

class EventStore;
class WorkingSet;

// Turns the window's filter into one FilterResult, off the window's thread. It reads the timeline into a WorkingSet
// once per file, then answers each request from memory (and from the full-text index for a search, whose answer it
// keeps for the next filters). A newer request supersedes one in flight, which stops where it is; only the newest
// request's result is ever announced.
//
// A timeline in memory (":memory:") has only its store's connection, which belongs to the window's thread: then the
// work is done at once, on that thread, and announced before open() or request() returns.
class FilterEngine final : public QObject {
    Q_OBJECT

public:
    explicit FilterEngine(QObject *parent = nullptr);
    ~FilterEngine() override;
    Q_DISABLE_COPY_MOVE(FilterEngine)

    // Reads the store's timeline (again, after an import). The store must stay open while the engine uses it.
    void open(const EventStore &store);
    // Takes in what changed of these events (edited, added, deleted, marked) without reading the whole timeline
    // again, then answers the last request anew. Many ids at once read it all again.
    void update(const EventStore &store, const QStringList &ids);
    void request(const FilterQuery &query);

    bool isBusy() const { return m_busy; }
    std::shared_ptr<const WorkingSet> workingSet() const { return m_set; }
    // The last result announced, or nullptr.
    std::shared_ptr<const FilterResult> result() const { return m_result; }

    // The result of one query on a store, computed here and now: for the command line and tests.
    static std::shared_ptr<const FilterResult> evaluate(
        const EventStore &store, const FilterQuery &query, QString *error = nullptr);

signals:
    // The working set is in memory (the timeline has `events` events).
    void loaded(qsizetype events);
    // The working set took in what changed (update()), without reading the whole timeline again.
    void updated(qsizetype events);
    void resultReady(const std::shared_ptr<const FilterResult> &result);
    // A load or a request is under way (true), or all are done (false).
    void busyChanged(bool busy);
    // The timeline could not be read.
    void failed(const QString &message);

private:
    struct Worker;
    void finishLoad(
        quint64 generation, const std::shared_ptr<const WorkingSet> &set, const QString &error, bool update = false);
    void dispatch();
    void finishRequest(quint64 generation, const std::shared_ptr<const FilterResult> &result, const QString &error);
    void setBusy(bool busy);

    std::unique_ptr<Worker> m_worker;
    std::shared_ptr<const WorkingSet> m_set;
    std::shared_ptr<const FilterResult> m_result;
    FilterQuery m_query;
    bool m_hasQuery = false;
    bool m_busy = false;
    bool m_loading = false;
    bool m_inline = false; // a timeline in memory: work on this thread
    quint64 m_loadGeneration = 0; // of the newest open()
    quint64 m_generation = 0; // of the newest request
};
