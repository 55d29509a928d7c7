// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>
#include <optional>
#include <vector>

class WorkingSet;
struct sqlite3;

// Reads a timeline file into a WorkingSet in one pass over each table, through SQLite's own API, and asks its
// full-text index which rows match a search. Every function works on the connection it is given, on the thread
// that uses that connection.
namespace WorkingSetLoader {

// A read-only connection of its own to a timeline file, for a worker thread; nullptr with *error on failure.
// Close it with sqlite3_close().
sqlite3 *openReadOnly(const QString &path, QString *error);

// The whole timeline. nullptr, with *error set, when the file cannot be read. With the file's `path`, the events'
// countries and actors are read meanwhile on a second thread, through a connection of its own.
std::shared_ptr<const WorkingSet> load(sqlite3 *db, QString *error, const QString &path = {});

// One bit per row of `set` (row r is bit r % 64 of word r / 64): the events that match an FTS5 expression
// (FullText::matchExpression). nullopt, with *error set, on failure or when interrupted (sqlite3_interrupt).
std::optional<std::vector<quint64>> matchText(sqlite3 *db, const WorkingSet &set, const QString &expression,
    QString *error);

} // namespace WorkingSetLoader
