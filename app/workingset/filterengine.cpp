// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterengine.h"

#include "storage/eventstore.h"
#include "workingset/workingset.h"
#include "workingset/workingsetloader.h"
#include "workingset/workingsetupdate.h"

#include <QThreadPool>

#include <sqlite3.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <atomic>

// What the worker thread owns. Jobs run one at a time, in order, on the pool's one thread; only `latest` is touched
// from both threads.
struct FilterEngine::Worker {
    QThreadPool pool;
    std::atomic<quint64> latest{0}; // the newest request: any other stops where it is

    sqlite3 *db = nullptr;
    bool ownsDb = false;
    QString path;
    quint64 running = 0;
    // The newest set, which an update builds on: jobs run in order, so it is the one the job before made.
    std::shared_ptr<const WorkingSet> set;
    // The last search's answer, for the filters that follow it.
    std::shared_ptr<const WorkingSet> searchedSet;
    QString searchedExpression;
    std::vector<quint64> searchedRows;
    // The whole timeline's result, as clearing every filter asks for it again: kept, it is shown at once.
    std::shared_ptr<const FilterResult> everything;

    Worker() { pool.setMaxThreadCount(1); }
    ~Worker()
    {
        pool.waitForDone();
        closeDb();
    }
    Q_DISABLE_COPY_MOVE(Worker)

    void closeDb()
    {
        if (ownsDb) {
            sqlite3_close(db);
        }
        db = nullptr;
        ownsDb = false;
        set.reset();
        searchedSet.reset();
        everything.reset();
    }

    // SQLite calls this while it searches: a newer request stops the search.
    static int superseded(void *self)
    {
        const auto *worker = static_cast<const Worker *>(self);
        return worker->latest.load() != worker->running ? 1 : 0;
    }

    std::shared_ptr<const FilterResult> run(
        quint64 generation, const std::shared_ptr<const WorkingSet> &set, const FilterQuery &query, QString *error)
    {
        if (latest.load() != generation) {
            return nullptr;
        }
#ifdef __GLIBC__
        malloc_trim(0); // the results let go since the last request give their memory back to the system
#endif
        const bool whole = query.filter.isEmpty();
        if (whole && everything && everything->sharedWorkingSet() == set && everything->query() == query) {
            return everything;
        }
        const std::vector<quint64> *textRows = nullptr;
        if (!query.filter.text.trimmed().isEmpty()) {
            const QString expression = FullText::matchExpression(query.filter.text);
            if (searchedSet != set || searchedExpression != expression) {
                running = generation;
                sqlite3_progress_handler(db, 4000, &Worker::superseded, this);
                std::optional<std::vector<quint64>> found = WorkingSetLoader::matchText(db, *set, expression, error);
                sqlite3_progress_handler(db, 0, nullptr, nullptr);
                if (!found) {
                    if (latest.load() != generation) {
                        error->clear(); // stopped for a newer request: no error to tell
                    }
                    return nullptr;
                }
                searchedSet = set;
                searchedExpression = expression;
                searchedRows = std::move(*found);
            }
            textRows = &searchedRows;
        }
        if (latest.load() != generation) {
            return nullptr;
        }
        std::shared_ptr<const FilterResult> result = FilterResult::compute(set, query, textRows,
            everything && everything->sharedWorkingSet() == set ? everything->sharedIndex() : nullptr);
        if (whole) {
            everything = result;
        }
        return result;
    }
};

FilterEngine::FilterEngine(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<Worker>())
{
}

FilterEngine::~FilterEngine()
{
    m_worker->latest = ~quint64(0); // stops a search in flight; the worker's destructor waits for the rest
}

void FilterEngine::open(const EventStore &store)
{
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    setBusy(true);
    Worker *worker = m_worker.get();
    m_inline = store.isInMemory();
    if (m_inline) {
        worker->pool.waitForDone();
        worker->closeDb();
        worker->db = store.connectionHandle();
        QString error;
        worker->set = WorkingSetLoader::load(worker->db, &error);
        finishLoad(generation, worker->set, error);
        return;
    }
    const QString path = store.path();
    worker->pool.start([this, worker, generation, path] {
        QString error;
        if (!worker->db || !worker->ownsDb || worker->path != path) {
            worker->closeDb();
            worker->db = WorkingSetLoader::openReadOnly(path, &error);
            worker->ownsDb = worker->db != nullptr;
            worker->path = path;
        }
        // What was kept of the old set says nothing of the new one, and would keep the old set in memory.
        worker->searchedSet.reset();
        worker->everything.reset();
        std::shared_ptr<const WorkingSet> set = worker->db ? WorkingSetLoader::load(worker->db, &error, path) : nullptr;
        worker->set = set;
        QMetaObject::invokeMethod(
            this, [this, generation, set, error] { finishLoad(generation, set, error); }, Qt::QueuedConnection);
    });
}

void FilterEngine::update(const EventStore &store, const QStringList &ids)
{
    // Past a twentieth of the timeline (an import's undo, say), reading it all again is as quick.
    if (!m_set || ids.size() > std::max<qsizetype>(1000, qsizetype(m_set->size() / 20))) {
        open(store);
        return;
    }
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    setBusy(true);
    Worker *worker = m_worker.get();
    const auto job = [this, worker, generation, ids] {
        QString error;
        std::shared_ptr<const WorkingSet> set
            = worker->set && worker->db ? WorkingSetUpdate::apply(worker->db, *worker->set, ids, &error) : nullptr;
        if (set) {
            worker->set = set;
            worker->searchedSet.reset(); // a note or a tag may have changed what a search finds
            worker->everything.reset();
        }
        return std::pair(set, error);
    };
    if (m_inline) {
        const auto [set, error] = job();
        finishLoad(generation, set, error, true);
        return;
    }
    worker->pool.start([this, generation, job] {
        const auto [set, error] = job();
        QMetaObject::invokeMethod(
            this, [this, generation, set, error] { finishLoad(generation, set, error, true); }, Qt::QueuedConnection);
    });
}

void FilterEngine::finishLoad(
    quint64 generation, const std::shared_ptr<const WorkingSet> &set, const QString &error, bool update)
{
    if (generation != m_loadGeneration) {
        return; // a newer open() is under way
    }
    m_loading = false;
    if (!set) {
        setBusy(false);
        emit failed(error);
        return;
    }
    m_set = set;
    if (update) {
        emit updated(qsizetype(set->size()));
    } else {
        emit loaded(qsizetype(set->size()));
    }
    if (m_hasQuery) {
        dispatch();
    } else {
        setBusy(false);
    }
}

void FilterEngine::request(const FilterQuery &query)
{
    m_query = query;
    m_hasQuery = true;
    if (!m_loading && m_set) {
        dispatch();
    }
}

void FilterEngine::dispatch()
{
    const quint64 generation = ++m_generation;
    Worker *worker = m_worker.get();
    worker->latest = generation;
    setBusy(true);
    const std::shared_ptr<const WorkingSet> set = m_set;
    const FilterQuery query = m_query;
    if (m_inline) {
        QString error;
        finishRequest(generation, worker->run(generation, set, query, &error), error);
        return;
    }
    worker->pool.start([this, worker, generation, set, query] {
        QString error;
        std::shared_ptr<const FilterResult> result = worker->run(generation, set, query, &error);
        QMetaObject::invokeMethod(
            this, [this, generation, result, error] { finishRequest(generation, result, error); },
            Qt::QueuedConnection);
    });
}

void FilterEngine::finishRequest(
    quint64 generation, const std::shared_ptr<const FilterResult> &result, const QString &error)
{
    if (generation != m_generation) {
        return; // superseded: the newer request's result is the one to show
    }
    if (result) {
        m_result = result;
        emit resultReady(result);
    } else if (!error.isEmpty()) {
        emit failed(error);
    }
    setBusy(false);
}

void FilterEngine::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

std::shared_ptr<const FilterResult> FilterEngine::evaluate(
    const EventStore &store, const FilterQuery &query, QString *error)
{
    QString why;
    const std::shared_ptr<const WorkingSet> set
        = WorkingSetLoader::load(store.connectionHandle(), &why, store.isInMemory() ? QString() : store.path());
    std::optional<std::vector<quint64>> textRows;
    if (set && !query.filter.text.trimmed().isEmpty()) {
        textRows = WorkingSetLoader::matchText(
            store.connectionHandle(), *set, FullText::matchExpression(query.filter.text), &why);
    }
    if (!set || (!query.filter.text.trimmed().isEmpty() && !textRows)) {
        if (error) {
            *error = why;
        }
        return nullptr;
    }
    return FilterResult::compute(set, query, textRows ? &*textRows : nullptr);
}
