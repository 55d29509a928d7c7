// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QList>
#include <QString>

#include <memory>

class EventStore;

// The timeline Annals opens on out of the box: China, Russia and the SCO, March to May 2023, built from the
// seed article and compiled into the binary.
namespace Seed {

inline constexpr auto kResourcePath = ":/data/seed-events.json";

QString title();
QList<Event> events();

// Where the user's own timeline lives when no file is named: AppDataLocation/timeline.annals.
QString defaultTimelinePath();

// Opens the timeline at `path`, or the default one when `path` is empty. A default timeline that did not exist
// yet is created and filled with the seed; a named file that does not exist is created empty. Returns null and
// sets *error on failure.
std::unique_ptr<EventStore> openTimeline(const QString &path, QString *error);

} // namespace Seed
