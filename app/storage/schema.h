// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE

// The layout of a .annals file. PRAGMA user_version holds the version; files from older versions are migrated
// forward step by step, each step in one transaction, and a file from a newer version is refused.
namespace Schema {

// Version 1: events, actors, countries, quotes, sources and tags.
// Version 2: a digest per event (re-imports skip unchanged events) and the FTS5 index.
// Version 3: the FTS5 index reads its text from the events through a view (events_fts_source) and keeps no copy.
// Version 4: properties of the timeline itself (its title).
// Version 5: a date's qualifiers (approximate, uncertain, within a span) and its text as written; milliseconds.
// Version 6: the analyst's stars, tags, notes and links, saved views, and a log of changes; notes are searched.
inline constexpr int kVersion = 6;

int version(const QSqlDatabase &db);
bool migrate(QSqlDatabase &db, QString *error);

} // namespace Schema
