// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordsource.h"

#include <QByteArray>
#include <QChar>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

// Reads RFC 4180 records from a device, a line at a time, so that a file of any size costs the memory of one
// record: quoted fields with commas, doubled quotes ("") and line breaks inside, CRLF or LF, a UTF-8 byte order
// mark. The delimiter (comma, semicolon, tab or bar) is found from the first line when not given.
class CsvReader final : public RecordSource {
public:
    static constexpr qsizetype kMaxRecordBytes = 16 * 1024 * 1024; // a longer record is an error, not a hang

    // `encoding` names the text's encoding (UTF-8 unless given: "latin1", "windows-1252", ...).
    explicit CsvReader(QIODevice *device, QChar delimiter = QChar(), const QString &encoding = QString());
    // Without quoting, a quote is a character like any other: GDELT's TAB-separated exports never quote, and a
    // name may start with one.
    void setQuoting(bool quoting) { m_quoting = quoting; }
    // Whether an encoding name is one the reader knows.
    static bool knowsEncoding(const QString &encoding);

    // The next record in *fields. Returns false at the end of the input, or on an error (then error() says
    // what, and line() where).
    bool next(QStringList *fields) override;
    QString error() const override { return m_error; }
    // The line the last record (or the error) started on, from 1.
    qint64 line() const override { return m_recordLine; }
    QChar delimiter() const { return m_delimiter; }
    // Whether the last line read ended with a line break: the last line of a file cut short does not.
    bool lineEnded() const { return m_lineEnded; }

    // The delimiter a line uses: the most frequent of comma, semicolon, tab and bar outside quotes.
    static QChar detectDelimiter(const QString &line);

private:
    bool readLine(QString *line);

    QIODevice *m_device;
    QByteArray m_bytes; // the line being read, kept to reuse its memory
    QString m_encoding; // empty: UTF-8
    QChar m_delimiter;
    QString m_error;
    QString m_unknownEncoding; // the error every read gives, when the encoding is not one Qt knows
    qint64 m_line = 0;
    qint64 m_recordLine = 0;
    bool m_first = true;
    bool m_quoting = true;
    bool m_lineEnded = true;
    QString m_pending; // the first line, read to find the delimiter
    bool m_hasPending = false;
};
