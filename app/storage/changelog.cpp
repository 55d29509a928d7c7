// SPDX-License-Identifier: GPL-3.0-or-later
#include "changelog.h"

#include "storage/eventstore.h"
#include "storage/sqlitestatement.h"

#include <QSet>

namespace ChangeLog {

qint64 last(const EventStore &store)
{
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return 0;
    }
    SqliteStatement last(db, "SELECT coalesce(max(seq), 0) FROM changes");
    return last.next() ? last.int64(0) : 0;
}

qint64 dataVersion(const EventStore &store)
{
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return 0;
    }
    SqliteStatement version(db, "PRAGMA data_version");
    return version.next() ? version.int64(0) : 0;
}

Changes since(const EventStore &store, qint64 seq)
{
    Changes changes;
    changes.last = seq;
    sqlite3 *db = store.connectionHandle();
    if (!db) {
        return changes;
    }
    // Entries are pruned from the oldest: if the one after `seq` is gone, what it said is not known.
    SqliteStatement first(db, "SELECT min(seq) FROM changes");
    if (first.next() && !first.isNull(0) && first.int64(0) > seq + 1 && seq > 0) {
        changes.everything = true;
    }
    SqliteStatement read(db, "SELECT seq, event FROM changes WHERE seq > ? ORDER BY seq");
    read.bind(seq);
    QSet<QString> seen;
    while (read.next()) {
        changes.last = read.int64(0);
        if (read.isNull(1)) {
            changes.everything = true;
            continue;
        }
        const QString id = read.string(1);
        if (id.isEmpty()) {
            changes.views = true;
        } else if (!seen.contains(id)) {
            seen.insert(id);
            changes.ids << id;
        }
    }
    return changes;
}

} // namespace ChangeLog
