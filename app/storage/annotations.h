// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventmarks.h"
#include "storage/eventstore.h"

#include <QHash>

#include <optional>

struct SavedView;

// Reads what the analyst added to a timeline (EventEditor writes it): marks, links and saved views. Each works on the
// store's connection, on its thread.
namespace Annotations {

EventMarks marks(const EventStore &store, const QString &id);
// The marks of every event that has any, by id.
QHash<QString, EventMarks> allMarks(const EventStore &store);
// Every link whose both ends are events of the timeline.
QList<EventLink> links(const EventStore &store);
// The analyst's tags, each with how many events carry it, most first.
QList<FacetCount> tags(const EventStore &store);
// The saved views, by name.
QList<SavedView> views(const EventStore &store);
std::optional<SavedView> view(const EventStore &store, const QString &name);

} // namespace Annotations

// The file's log of changes: each write appends the ids it changed, so that a window can take in what another
// window or the command line changed by reading those events alone.
namespace ChangeLog {

struct Changes {
    qint64 last = 0; // the newest entry read; ask again from there
    bool everything = false; // too much changed, or the log no longer reaches back so far: read the whole timeline
    bool views = false; // the saved views changed
    QStringList ids; // the events that changed (or were added, or deleted), each once
};

// The newest entry, or 0 when the log is empty.
qint64 last(const EventStore &store);
// SQLite's PRAGMA data_version on the store's connection: it changes when another connection commits, which is
// cheap to ask often (the window does, to notice changes made elsewhere).
qint64 dataVersion(const EventStore &store);
Changes since(const EventStore &store, qint64 seq);

} // namespace ChangeLog
