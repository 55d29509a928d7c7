// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventeditor.h"

#include "storage/eventstore.h"
#include "storage/eventwritesession.h"
#include "storage/fulltextindex.h"
#include "storage/savedview.h"
#include "storage/sqlitestatement.h"
#include "storage/storefault.h"

#include <QSet>

#include <sqlite3.h>

// One write of marks, views or links: taken out of the full-text index are the events whose notes or tags change,
// and put back on commit; the ids it touches go to the log of changes.
struct EventEditor::Transaction {
    explicit Transaction(EventStore &store)
        : store(store)
        , db(store.connectionHandle())
    {
        if (!db) {
            error = QStringLiteral("the timeline is not open");
            return;
        }
        if (const QString why = StoreFault::whyNotWritable(store.path(), db); !why.isEmpty()) {
            error = why;
            return;
        }
        SqliteStatement begin(db, "BEGIN IMMEDIATE");
        if (!begin.exec()) {
            error = StoreFault::describe(db, begin.errorString());
            return;
        }
        open = true;
    }
    ~Transaction()
    {
        if (open) {
            SqliteStatement(db, "ROLLBACK").exec();
        }
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    bool ok() const { return open && error.isEmpty(); }

    // Runs one statement; false, with the error kept, when it fails.
    bool run(SqliteStatement &statement)
    {
        if (ok() && !statement.exec()) {
            error = StoreFault::describe(db, statement.errorString());
        }
        return ok();
    }

    // The event's rowid; nullopt, with the error "no event has the id", when there is none.
    std::optional<qint64> rowidOf(const QString &id)
    {
        if (!ok()) {
            return std::nullopt;
        }
        SqliteStatement find(db, "SELECT rowid FROM events WHERE id = ?");
        find.bind(id);
        if (find.next()) {
            return find.int64(0);
        }
        error = find.done() ? QStringLiteral("no event has the id \"%1\"").arg(id) : find.errorString();
        return std::nullopt;
    }

    // The event is about to change what the full-text index reads of it (its notes or tags): out of the index
    // now, back in on commit.
    bool reindex(const QString &id)
    {
        const std::optional<qint64> rowid = rowidOf(id);
        if (!rowid) {
            return false;
        }
        logged << id;
        if (reindexed.contains(*rowid)) {
            return true;
        }
        reindexed.insert(*rowid);
        SqliteStatement remove(db, FullTextIndex::kRemove);
        remove.bind(*rowid);
        return run(remove);
    }

    bool commit()
    {
        SqliteStatement add(db, FullTextIndex::kAdd);
        for (const qint64 rowid : std::as_const(reindexed)) {
            if (!run(add.bind(rowid))) {
                return false;
            }
        }
        SqliteStatement log(db, "INSERT INTO changes (event) VALUES (?)");
        for (const QString &id : std::as_const(logged)) {
            if (!run(log.bind(id))) {
                return false;
            }
        }
        SqliteStatement end(db, "COMMIT");
        if (!run(end)) {
            return false;
        }
        open = false;
        return true;
    }

    EventStore &store;
    sqlite3 *db;
    bool open = false;
    QString error;
    QSet<qint64> reindexed;
    QSet<QString> logged; // ids for the log of changes
};

EventEditor::EventEditor(EventStore &store)
    : m_store(store)
{
}

bool EventEditor::fail(const QString &why)
{
    m_error = QStringLiteral("%1: nothing was changed: %2").arg(m_store.path(), why);
    return false;
}

bool EventEditor::apply(const QList<EventChange> &changes, WriteJournal *journal)
{
    m_error.clear();
    EventWriteSession session(m_store, changes.size());
    session.setJournal(journal);
    for (const EventChange &change : changes) {
        const std::optional<QByteArray> now = session.storedDigest(change.id);
        if (!now) {
            break; // the session keeps the reason
        }
        const QString title = change.wanted ? change.wanted->title : change.id;
        if (*now != change.expected) {
            session.fail(change.expected.isEmpty()
                    ? QStringLiteral("an event with the id \"%1\" is in the timeline already").arg(change.id)
                    : now->isEmpty()
                    ? QStringLiteral("\"%1\" was deleted elsewhere (in another window or from the command line) "
                                     "since it was read")
                          .arg(title)
                    : QStringLiteral("\"%1\" was changed elsewhere (in another window or from the command line) "
                                     "since it was read; nothing was changed, and theirs stays: read it again and "
                                     "make the change on it")
                          .arg(title));
            break;
        }
        if (change.wanted && change.wanted->id != change.id) {
            session.fail(
                QStringLiteral("an event's id cannot change (\"%1\" to \"%2\")").arg(change.id, change.wanted->id));
            break;
        }
        if (change.wanted ? !session.add(*change.wanted) : !session.remove(change.id)) {
            break;
        }
    }
    if (!session.commit()) {
        m_error = m_store.errorString();
        return false;
    }
    return true;
}

bool EventEditor::setStarred(const QStringList &ids, bool starred)
{
    m_error.clear();
    Transaction transaction(m_store);
    SqliteStatement star(transaction.db, "INSERT OR IGNORE INTO stars (event) VALUES (?)");
    SqliteStatement unstar(transaction.db, "DELETE FROM stars WHERE event = ?");
    for (const QString &id : ids) {
        if (!transaction.rowidOf(id) || !transaction.run((starred ? star : unstar).bind(id))) {
            break;
        }
        transaction.logged << id;
    }
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}

bool EventEditor::setTags(const QHash<QString, QStringList> &tags)
{
    m_error.clear();
    Transaction transaction(m_store);
    SqliteStatement clear(transaction.db, "DELETE FROM marks_tags WHERE event = ?");
    SqliteStatement add(transaction.db, "INSERT OR IGNORE INTO marks_tags (event, tag) VALUES (?, ?)");
    for (auto it = tags.begin(); it != tags.end() && transaction.ok(); ++it) {
        if (!transaction.reindex(it.key()) || !transaction.run(clear.bind(it.key()))) {
            break;
        }
        if (std::any_of(it.value().begin(), it.value().end(), [](const QString &t) { return t.trimmed().isEmpty(); })) {
            transaction.error = QStringLiteral("a tag cannot be empty");
            break;
        }
        for (const QString &tag : cleanTags(it.value())) {
            if (!transaction.run(add.bind(it.key()).bind(tag))) {
                break;
            }
        }
    }
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}

QStringList EventEditor::cleanTags(const QStringList &tags)
{
    QStringList clean;
    for (const QString &tag : tags) {
        const QString simplified = tag.simplified();
        const auto same = [&](const QString &other) { return other.compare(simplified, Qt::CaseInsensitive) == 0; };
        if (!simplified.isEmpty() && std::none_of(clean.begin(), clean.end(), same)) {
            clean << simplified;
        }
    }
    return clean;
}

std::optional<Note> EventEditor::putNote(const QString &eventId, const Note &note)
{
    m_error.clear();
    if (note.text.trimmed().isEmpty()) {
        fail(QStringLiteral("a note cannot be empty"));
        return std::nullopt;
    }
    Transaction transaction(m_store);
    Note written = note;
    if (transaction.reindex(eventId)) {
        if (note.id == 0) {
            SqliteStatement insert(transaction.db, "INSERT INTO notes (event, written, text) VALUES (?, ?, ?)");
            if (transaction.run(insert.bind(eventId).bind(note.written).bind(note.text))) {
                written.id = sqlite3_last_insert_rowid(transaction.db);
            }
        } else {
            SqliteStatement put(
                transaction.db, "INSERT OR REPLACE INTO notes (id, event, written, text) VALUES (?, ?, ?, ?)");
            transaction.run(put.bind(note.id).bind(eventId).bind(note.written).bind(note.text));
        }
    }
    if (transaction.ok() && transaction.commit()) {
        return written;
    }
    fail(transaction.error);
    return std::nullopt;
}

bool EventEditor::removeNote(qint64 noteId)
{
    m_error.clear();
    Transaction transaction(m_store);
    SqliteStatement find(transaction.db, "SELECT event FROM notes WHERE id = ?");
    find.bind(noteId);
    const QString eventId = find.next() ? find.string(0) : QString();
    find.reset();
    if (eventId.isNull()) {
        return fail(QStringLiteral("there is no note %1").arg(noteId));
    }
    SqliteStatement remove(transaction.db, "DELETE FROM notes WHERE id = ?");
    // A note of an event that was deleted is not in the index: it goes all the same.
    SqliteStatement exists(transaction.db, "SELECT 1 FROM events WHERE id = ?");
    const bool indexed = exists.bind(eventId).next();
    exists.reset();
    if (!indexed || transaction.reindex(eventId)) {
        transaction.run(remove.bind(noteId));
    }
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}

bool EventEditor::addLink(const EventLink &link)
{
    m_error.clear();
    if (link.source == link.target) {
        return fail(QStringLiteral("an event cannot be linked to itself"));
    }
    Transaction transaction(m_store);
    SqliteStatement add(transaction.db, "INSERT OR IGNORE INTO links (source, target, label) VALUES (?, ?, ?)");
    if (transaction.rowidOf(link.source) && transaction.rowidOf(link.target)
        && transaction.run(add.bind(link.source).bind(link.target).bind(link.label.simplified()))) {
        transaction.logged << link.source << link.target;
    }
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}

bool EventEditor::removeLink(const EventLink &link)
{
    m_error.clear();
    Transaction transaction(m_store);
    SqliteStatement remove(transaction.db, "DELETE FROM links WHERE source = ? AND target = ? AND label = ?");
    if (transaction.run(remove.bind(link.source).bind(link.target).bind(link.label.simplified()))) {
        transaction.logged << link.source << link.target;
    }
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}

bool EventEditor::saveView(const SavedView &view)
{
    m_error.clear();
    if (view.name.trimmed().isEmpty()) {
        return fail(QStringLiteral("a view needs a name"));
    }
    Transaction transaction(m_store);
    SqliteStatement save(transaction.db, "INSERT OR REPLACE INTO views (name, definition) VALUES (?, ?)");
    SqliteStatement log(transaction.db, "INSERT INTO changes (event) VALUES ('')"); // '': the views changed
    transaction.run(save.bind(view.name.trimmed()).bind(QString::fromUtf8(view.toJson())));
    transaction.run(log);
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}

bool EventEditor::deleteView(const QString &name)
{
    m_error.clear();
    Transaction transaction(m_store);
    SqliteStatement remove(transaction.db, "DELETE FROM views WHERE name = ?");
    SqliteStatement log(transaction.db, "INSERT INTO changes (event) VALUES ('')");
    if (transaction.run(remove.bind(name)) && sqlite3_changes(transaction.db) == 0) {
        transaction.error = QStringLiteral("there is no view named \"%1\"").arg(name);
    }
    transaction.run(log);
    return transaction.ok() && transaction.commit() ? true : fail(transaction.error);
}
