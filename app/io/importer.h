// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"
#include "storage/eventstore.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>

#include <functional>
#include <optional>

// One way in for every format: the CLI's import and the window's File > Import… both read through here.
struct WriteJournal;

namespace Importer {

// The formats, as --format names them.
const QStringList &formats();
// Whether a format is read record by record and streamed into the store (CSV, GDELT, ACLED, ICEWS), with an
// encoding to choose; the others (JSON, iCalendar) are read whole.
bool isRecordFormat(const QString &format);
// "CSV or TSV", "GDELT event export", ...
QString formatName(const QString &format);

struct Options {
    QString format = QStringLiteral("auto"); // auto or one of formats()
    QHash<QString, QString> map; // CSV: field -> column
    QStringList missing; // CSV: values that mean "no value"
    bool skipInvalid = false;
    QString encoding; // CSV and ACLED: when not UTF-8 (JSON and iCalendar are UTF-8 by definition)
    // Where what the import changes is recorded, so that the window can undo it; not owned, and may be null.
    WriteJournal *journal = nullptr;
};

struct Result {
    QString format; // the format read
    QString title; // the file's own title (TimelineJS), or empty
    QList<Event> events;
    QList<ImportError> skipped;
    QMap<QString, qsizetype> unknownCountries; // see RecordImport::Result
};

// The format of a file: `format` unless it is "auto", else from its first bytes, else from its name.
QString detectFormat(const QString &path, const QString &format = QStringLiteral("auto"));
// The file dialog's filter for every format.
QString fileDialogFilter();

std::optional<Result> readFile(const QString &path, const Options &options, ImportError *error);

// What an import would do, before it does it: the window's preview.
struct Preview {
    QString format;
    QList<Event> events; // the first records, as events
    QList<ImportError> problems; // what is wrong in those records, or (when !readable) with the whole file
    bool readable = true; // false when the file cannot be imported as it is (a CSV without a title column, ...)
    bool complete = true; // false when the file goes on past them
    QStringList headers; // CSV: the columns
    QHash<QString, int> columns; // CSV: field -> column, as detected or mapped
};
// Only a file that cannot be opened at all gives nullopt; anything else wrong is in Preview::problems.
std::optional<Preview> preview(const QString &path, const Options &options, qsizetype records, ImportError *error);

struct Summary {
    QString format;
    WriteSummary written;
    QList<ImportError> skipped;
    QMap<QString, qsizetype> unknownCountries; // see RecordImport::Result
};
// The import report's line on the country names no table knows, or an empty string when there are none:
// "3 events name a country Annals does not know; they are kept without it, the name as written in the place:
// Atlantis (2), Lemuria (1)."
QString unknownCountriesNote(const QMap<QString, qsizetype> &unknown);
// How far an import has come, in bytes of the file (or events, for formats read whole); returning false cancels
// it, and nothing is written.
using Progress = std::function<bool(qint64 done, qint64 total)>;
// Reads the file into the timeline in one transaction: all of it, or, on any error, nothing (then *error says
// why, naming the file, or the store's message). Record formats (CSV, GDELT, ACLED) stream into the store, so
// memory stays flat. A cancelled import returns nullopt with an error saying so.
std::optional<Summary> importFile(
    const QString &path, const Options &options, EventStore &store, ImportError *error, const Progress &progress = {});

} // namespace Importer
