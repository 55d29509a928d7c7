// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// Where the records of a record import come from, one at a time: the lines of a CSV file (CsvReader), or the
// objects of a JSON array (JsonRecords).
class RecordSource {
public:
    virtual ~RecordSource() = default;
    // The next record in *fields; false at the end, or on an error (then error() says what, and line() where).
    virtual bool next(QStringList *fields) = 0;
    // The line the last record (or the error) starts on, from 1.
    virtual qint64 line() const = 0;
    virtual QString error() const = 0;
};
