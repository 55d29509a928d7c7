// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"

#include <optional>

class EventStore;
struct CommandLineOptions;

QT_BEGIN_NAMESPACE
class QTextStream;
QT_END_NAMESPACE

namespace Commands {

// Runs a command that needs no window (list, import, export, help, version, or reports a usage error).
// Returns the process exit code: 0 on success, 1 when the work failed, 2 for a usage error.
int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

// The filter a list, export or export-image asks for: with --view, the saved view's filter, each part of it the
// command line also gives taken from the command line. Nullopt, with *error, when there is no such view.
std::optional<EventFilter> filterOf(const EventStore &store, const CommandLineOptions &options, QString *error);

} // namespace Commands
