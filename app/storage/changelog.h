// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class EventStore;

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
