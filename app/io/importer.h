// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"
#include "storage/eventstore.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

// One way in for every format: the CLI's import and the window's File > Import… both read through here.
namespace Importer {

struct Options {
    QString format = QStringLiteral("auto"); // auto, json, csv, timelinejs or ics
    QHash<QString, QString> map; // CSV: field -> column
    QStringList missing; // CSV: values that mean "no value"
    bool skipInvalid = false;
    QString encoding; // CSV: when not UTF-8 (JSON and iCalendar are UTF-8 by definition)
};

struct Result {
    QString format; // the format read
    QList<Event> events;
    QList<ImportError> skipped;
};

// The format of a file: `format` unless it is "auto", else from the file's name, else from its first bytes.
QString detectFormat(const QString &path, const QString &format = QStringLiteral("auto"));
// The file dialog's filter for every format.
QString fileDialogFilter();

std::optional<Result> readFile(const QString &path, const Options &options, ImportError *error);

struct Summary {
    QString format;
    WriteSummary written;
    QList<ImportError> skipped;
};
// Reads the file into the timeline in one transaction: all of it, or, on any error, nothing (then *error says
// why, naming the file, or the store's message). CSV streams into the store, so memory stays flat.
std::optional<Summary> importFile(const QString &path, const Options &options, EventStore &store, ImportError *error);

} // namespace Importer
