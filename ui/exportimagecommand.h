// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

struct CommandLineOptions;
QT_BEGIN_NAMESPACE
class QTextStream;
QT_END_NAMESPACE

// `annals export-image`: the timeline of the filtered events, drawn to PNG, SVG or PDF. Needs a QGuiApplication,
// which main() creates on the offscreen platform when there is no display.
namespace ExportImageCommand {

int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

} // namespace ExportImageCommand
