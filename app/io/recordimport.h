// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <optional>

class RecordSource;

// What the importers of record files (CSV, GDELT, ACLED) share: read records one at a time, turn each into an
// event, stop at the first bad one or skip it with its reason, and hand each event to a sink so that memory stays
// flat however long the file.
namespace RecordImport {

struct Options {
    bool skipInvalid = false; // report bad records and go on, rather than stop at the first
    qsizetype limit = -1; // stop after this many records (a preview), or -1 for all
};

struct Result {
    QList<Event> events; // when there is no sink
    QList<ImportError> skipped;
    bool complete = true; // false when `limit` stopped the read before the end
    QStringList headers; // for a file with a header row: its columns
    QHash<QString, int> columns; // CSV: field -> column, as detected or mapped
    // Country names or codes no table resolves, with how many records wrote each. Those records are kept, without
    // that country, and the name as written stays in their place.
    QMap<QString, qsizetype> unknownCountries;
};

// Takes each event as it is read, with the line its record starts on; returning false stops the read (the sink's
// owner knows why).
using Sink = std::function<bool(const Event &, int line)>;

// What a record says, or why it cannot be an event.
struct Converted {
    enum class Kind { Event, Skip, Problem };
    Kind kind = Kind::Event;
    QString field; // the field at fault, as the file names it
    QString problem;

    static Converted skip() { return {Kind::Skip, {}, {}}; }
    static Converted fail(const QString &field, const QString &problem) { return {Kind::Problem, field, problem}; }
};
// Fills *event from one record, whose line is given.
using Convert = std::function<Converted(const QStringList &record, int line, Event *event)>;

// A header row's columns, found by name whatever their case and order (ACLED's eras, ICEWS).
class Columns {
public:
    explicit Columns(const QStringList &headers);
    int operator()(const char *name) const { return m_byName.value(QString::fromLatin1(name).toLower(), -1); }
    const QStringList &headers() const { return m_headers; }
    // Whether the header has every one of `names`; if not, *error says which one an `what` file needs ("an
    // ACLED file needs a column \"event_date\"; the columns are ...").
    bool require(
        std::initializer_list<const char *> names, const char *what, const QString &fileName, ImportError *error) const;

private:
    QStringList m_headers;
    QHash<QString, int> m_byName; // lower case
};

// Reads the header row of a record file that must have one, or says why there is none.
std::optional<QStringList> readHeader(RecordSource &reader, const QString &fileName, ImportError *error);

// `unknownCountries`, where given, is what `convert` counted: it ends in the result.
std::optional<Result> run(RecordSource &reader, const QString &fileName, const Options &options, const Sink &sink,
    const Convert &convert, ImportError *error, QMap<QString, qsizetype> *unknownCountries = nullptr);

} // namespace RecordImport
