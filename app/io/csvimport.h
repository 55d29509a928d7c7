// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"
#include "io/recordimport.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE
class RecordSource;

// Events from CSV or TSV with any columns. Columns are matched to fields by their header, with the common names
// recognised (date, start, end, title, headline, actor, country, lat, lon, source, url, ...), or by an explicit
// map; a field neither gives is guessed from the first records' cells (a column of dates is the start, of links
// the source's address, a text column, one named like a label first, the title). Records are read one at a time, so
// that a file of any size costs the memory of its events.
namespace CsvImport {

struct Options {
    QHash<QString, QString> map; // field -> header, from --map title=Headline,start=Date; an empty header: none
    QStringList missing; // cell values that mean "no value", such as NA
    bool skipInvalid = false; // report bad records and go on, rather than stop at the first
    QString encoding; // the text's encoding when it is not UTF-8: latin1, windows-1252, ...
    qsizetype limit = -1; // read at most this many records (a preview), or -1 for all
};

using Result = RecordImport::Result;

// The fields a column can feed.
const QStringList &fields();
// The field a header names ("Headline" -> "title"), or empty.
QString fieldFor(const QString &header);

// With a sink, each event goes to it as it is read rather than into Result::events, so that memory stays flat
// however long the file; a sink that returns false stops the read (its caller knows why).
using Sink = RecordImport::Sink;
std::optional<Result> read(
    QIODevice *device, const QString &fileName, const Options &options, ImportError *error, const Sink &sink = {});
std::optional<Result> readFile(const QString &path, const Options &options, ImportError *error);
// The same from any source of records: the objects of a JSON array (JsonRecords), say.
std::optional<Result> readRecords(
    RecordSource &source, const QString &fileName, const Options &options, ImportError *error, const Sink &sink = {});

} // namespace CsvImport
