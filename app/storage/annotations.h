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
