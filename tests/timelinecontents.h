// SPDX-License-Identifier: GPL-3.0-or-later
// What a person sees of a timeline, to compare a file before and after an edit, its undo and its redo.
#pragma once

#include "io/jsonformat.h"
#include "storage/annotations.h"
#include "storage/eventstore.h"
#include "storage/savedview.h"

#include <algorithm>

// Every event with its marks, and the saved views. By id: an event written back by an undo has a new rowid, which
// orders it after others of the same start, and nothing else.
inline QByteArray contentsOf(const EventStore &store)
{
    QByteArray views;
    for (const SavedView &view : Annotations::views(store)) {
        views += view.toJson();
    }
    QList<Event> events = store.events();
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.id < b.id; });
    return JsonFormat::write(events, store.title(), Annotations::allMarks(store)) + views;
}
