// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The statements that keep one event's entry in the full-text index. The index reads its text through the view
// events_fts_source both ways, so that what 'delete' takes out is exactly what went in: remove an event's entry
// before anything it reads changes (the event, its children, its notes or the analyst's tags), add it after. Each
// binds the event's rowid.
namespace FullTextIndex {

inline constexpr const char *kAdd
    = "INSERT INTO events_fts (rowid, title, summary, quotes, actors, place, tags, notes, marks) "
      "SELECT id, title, summary, quotes, actors, place, tags, notes, marks FROM events_fts_source WHERE id = ?";
inline constexpr const char *kRemove
    = "INSERT INTO events_fts (events_fts, rowid, title, summary, quotes, actors, place, tags, notes, marks) "
      "SELECT 'delete', id, title, summary, quotes, actors, place, tags, notes, marks FROM events_fts_source "
      "WHERE id = ?";

} // namespace FullTextIndex
