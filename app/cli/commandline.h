// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"
#include "timeline/timelineindex.h"

#include <QHash>
#include <QString>
#include <QStringList>

// What the user asked for on the command line. main() only dispatches on `command`.
struct CommandLineOptions {
    enum class Command { Window, List, Import, Export, ExportImage, Check, Help, Version, Error };

    Command command = Command::Window;
    QString timeline; // --db, or the FILE.annals to open in the window; empty means the default timeline
    EventFilter filter;
    QString format; // list: table, json or csv; export: json or csv; import: auto or json
    QString input; // import: the file to read
    QString output; // export: the file to write, or "-" for standard output
    QString text; // Help: the help text; Error: what is wrong
    QString timeZone = QStringLiteral("UTC"); // list, export and export-image: --tz, checked by DisplayZone::fromName

    // export-image
    int width = 1600;
    int height = 900;
    double scale = 1;
    LaneMode lanes = LaneMode::Country;
    QString title;

    // check
    bool full = false; // --full: integrity_check rather than quick_check

    // import
    QHash<QString, QString> map; // field -> column, from --map
    QStringList missing; // --missing NA
    bool skipInvalid = false;
    QString encoding; // --encoding latin1
    QString report; // --report FILE: where skipped records are listed (else standard error)
};

CommandLineOptions parseCommandLine(const QStringList &arguments);
