// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importer.h"

#include <optional>

class EventStore;
QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

// Runs one import beside the window, with a progress dialog that can cancel it. A timeline in a file is written
// through a connection of its own on a worker thread, so that the window keeps painting and reading meanwhile (the
// timeline is in WAL mode); one in memory is written here, painting between batches.
namespace ImportRunner {

struct Outcome {
    std::optional<Importer::Summary> summary; // nullopt: nothing was written
    ImportError error;
    bool cancelled = false;
};

Outcome run(const QString &path, const Importer::Options &options, EventStore &store, QWidget *parent);

// What an import did, in a sentence for the status bar ("Imported x.csv: 3 added, ..., 2 records repeated ...,
// a note on unknown countries"); with skipped records, a box beside the window lists them, without blocking.
QString report(const QString &path, const Importer::Summary &summary, QWidget *parent);

} // namespace ImportRunner
