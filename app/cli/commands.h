// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

struct CommandLineOptions;

QT_BEGIN_NAMESPACE
class QTextStream;
QT_END_NAMESPACE

namespace Commands {

// Runs a command that needs no window (list, import, export, help, version, or reports a usage error).
// Returns the process exit code: 0 on success, 1 when the work failed, 2 for a usage error.
int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

} // namespace Commands
