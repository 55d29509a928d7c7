// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"
#include "timeline/timelineindex.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// What the user asked for on the command line. main() only dispatches on `command`.
struct CommandLineOptions {
    enum class Command { Window, List, Import, Export, ExportImage, Check, Edit, View, Help, Version, Error };

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

    // list, export and export-image: --view NAME, a saved view whose filter the other filters narrow
    QString view;

    // Edit: add, edit, delete, star, unstar, note, tag, untag or link, with its positional arguments (ids, tags, a
    // note's text); add and edit: the fields given, each replacing what the event had
    QString edit;
    QStringList arguments;
    struct Fields {
        std::optional<QString> title, summary, kind, start, end, place;
        std::optional<QStringList> countries, actors, tags;
    } fields;
    QString label; // link --label

    // View: save, list or delete, and the view's name (its filter is `filter`, its lanes --lanes if given)
    QString viewAction;
    QString viewLanes;

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
