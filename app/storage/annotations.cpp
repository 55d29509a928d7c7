// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotations.h"

#include "storage/savedview.h"
#include "storage/sqlitestatement.h"

namespace {

// The links whose both ends are events of the timeline; with `id`, only those from it or to it.
QList<EventLink> linksOf(sqlite3 *db, const QString *id)
{
    QList<EventLink> result;
    SqliteStatement links(db,
        id ? "SELECT l.source, l.target, l.label FROM links l WHERE (l.source = ?1 OR l.target = ?1) "
             "AND EXISTS (SELECT 1 FROM events e WHERE e.id = l.source) "
             "AND EXISTS (SELECT 1 FROM events e WHERE e.id = l.target) ORDER BY l.id"
           : "SELECT l.source, l.target, l.label FROM links l "
             "WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = l.source) "
             "AND EXISTS (SELECT 1 FROM events e WHERE e.id = l.target) ORDER BY l.id");
    if (id) {
        links.bind(*id);
    }
    while (links.next()) {
        result.append({links.string(0), links.string(1), links.string(2)});
    }
    return result;
}

} // namespace

namespace Annotations {

EventMarks marks(const EventStore &store, const QString &id)
{
    EventMarks marks;
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return marks;
    }
    SqliteStatement star(db, "SELECT 1 FROM stars WHERE event = ?");
    marks.starred = star.bind(id).next();
    SqliteStatement tags(db, "SELECT tag FROM marks_tags WHERE event = ? ORDER BY tag COLLATE NOCASE");
    tags.bind(id);
    while (tags.next()) {
        marks.tags << tags.string(0);
    }
    SqliteStatement notes(db, "SELECT id, written, text FROM notes WHERE event = ? ORDER BY written, id");
    notes.bind(id);
    while (notes.next()) {
        marks.notes.append({notes.int64(0), notes.int64(1), notes.string(2)});
    }
    marks.links = linksOf(db, &id);
    return marks;
}

QHash<QString, EventMarks> allMarks(const EventStore &store)
{
    QHash<QString, EventMarks> result;
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return result;
    }
    SqliteStatement stars(db, "SELECT event FROM stars");
    while (stars.next()) {
        result[stars.string(0)].starred = true;
    }
    SqliteStatement tags(db, "SELECT event, tag FROM marks_tags ORDER BY event, tag COLLATE NOCASE");
    while (tags.next()) {
        result[tags.string(0)].tags << tags.string(1);
    }
    SqliteStatement notes(db, "SELECT event, id, written, text FROM notes ORDER BY written, id");
    while (notes.next()) {
        result[notes.string(0)].notes.append({notes.int64(1), notes.int64(2), notes.string(3)});
    }
    for (const EventLink &link : links(store)) {
        result[link.source].links.append(link);
        result[link.target].links.append(link);
    }
    return result;
}

QList<EventLink> links(const EventStore &store)
{
    sqlite3 *db = store.connectionHandle();
    return db ? linksOf(db, nullptr) : QList<EventLink>();
}

QList<FacetCount> tags(const EventStore &store)
{
    QList<FacetCount> result;
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return result;
    }
    SqliteStatement tags(db,
        "SELECT min(m.tag), count(*) FROM marks_tags m WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = m.event) "
        "GROUP BY m.tag COLLATE NOCASE ORDER BY count(*) DESC, min(m.tag) COLLATE NOCASE");
    while (tags.next()) {
        result.append({tags.string(0), {}, int(tags.int64(1))});
    }
    return result;
}

QList<SavedView> views(const EventStore &store)
{
    QList<SavedView> result;
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return result;
    }
    SqliteStatement views(db, "SELECT name, definition FROM views ORDER BY name COLLATE NOCASE");
    while (views.next()) {
        QString error;
        // A view this Annals cannot read (written by a newer one) is left out rather than shown wrong.
        if (std::optional<SavedView> view = SavedView::fromJson(views.string(1).toUtf8(), &error)) {
            view->name = views.string(0);
            result.append(*view);
        }
    }
    return result;
}

std::optional<SavedView> view(const EventStore &store, const QString &name)
{
    for (const SavedView &view : views(store)) {
        if (view.name.compare(name, Qt::CaseInsensitive) == 0) {
            return view;
        }
    }
    return std::nullopt;
}

} // namespace Annotations
