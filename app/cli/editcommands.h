// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class EventStore;
struct CommandLineOptions;

QT_BEGIN_NAMESPACE
class QTextStream;
QT_END_NAMESPACE

// The commands that change a timeline as a person would in the window: add, edit and delete events; star, tag,
// note and link them. Each is one transaction, through EventEditor, with the window's checks and messages.
namespace EditCommands {

// The commands this part reads: add, edit, delete, star, unstar, note, tag, untag, link.
const QStringList &names();
// Reads the arguments that follow the command's name.
CommandLineOptions parse(const QString &command, const QStringList &arguments);
int run(EventStore &store, const CommandLineOptions &options, QTextStream &out, QTextStream &err);

} // namespace EditCommands
