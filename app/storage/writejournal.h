// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QByteArray>
#include <QList>

#include <optional>

// What one write did to each event it changed, so that it can be taken back exactly: the event as it was before
// (nothing, for an event the write added) and the digest of what the write left in the file (empty, for an event it
// deleted). An undo checks the digests first, so that it never takes back over a change made since.
struct WriteJournal {
    struct Entry {
        QString id;
        std::optional<Event> before;
        QByteArray after;
    };
    QList<Entry> entries;

    qsizetype size() const { return entries.size(); }
    bool isEmpty() const { return entries.isEmpty(); }
};
