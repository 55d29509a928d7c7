// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <memory>

class WorkingSet;
struct sqlite3;

// Brings a WorkingSet up to date after an edit, without reading the whole timeline again: the events that changed
// are read alone and put in place of their old rows in a new set (a set is never changed once made, since results
// computed from it may still be in use). Every function works on the connection it is given, on its thread.
namespace WorkingSetUpdate {

// Reads the analyst's marks of every event (stars, notes, links, tags) into the set's mark columns. They are few, so
// they are always read whole.
bool readMarks(sqlite3 *db, WorkingSet &set, QString *error);

// `before` with the events of these ids as the file holds them now (changed, added, or gone when deleted), and every
// mark read again. Lane keys keep their colours. nullptr, with *error, when the file cannot be read.
std::shared_ptr<const WorkingSet> apply(sqlite3 *db, const WorkingSet &before, const QStringList &ids, QString *error);

} // namespace WorkingSetUpdate
