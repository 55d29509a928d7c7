// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include <algorithm>

#include <QIODevice>
#include <QStringDecoder>

CsvReader::CsvReader(QIODevice *device, QChar delimiter, const QString &encoding)
    : m_device(device)
    , m_encoding(encoding.compare(QLatin1String("utf-8"), Qt::CaseInsensitive) == 0
                  || encoding.compare(QLatin1String("utf8"), Qt::CaseInsensitive) == 0
              ? QString()
              : encoding)
    , m_delimiter(delimiter)
{
    if (!knowsEncoding(m_encoding)) {
        m_unknownEncoding = QStringLiteral("--encoding: \"%1\" is not an encoding this system knows").arg(m_encoding);
    }
}

bool CsvReader::knowsEncoding(const QString &encoding)
{
    return encoding.isEmpty() || QStringDecoder(encoding.toLatin1().constData()).isValid();
}

QChar CsvReader::detectDelimiter(const QString &line)
{
    // On a tie the tab wins: it is rarer inside text than a comma.
    const QChar candidates[] = {u'\t', u',', u';', u'|'};
    int counts[4] = {0, 0, 0, 0};
    bool quoted = false;
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted) {
            for (int i = 0; i < 4; ++i) {
                counts[i] += c == candidates[i] ? 1 : 0;
            }
        }
    }
    int best = 0;
    for (int i = 1; i < 4; ++i) {
        if (counts[i] > counts[best]) {
            best = i;
        }
    }
    return candidates[best];
}

bool CsvReader::readLine(QString *line)
{
    if (m_hasPending) {
        *line = m_pending;
        m_hasPending = false;
        return true;
    }
    if (m_device->atEnd()) {
        return false;
    }
    // In chunks into a buffer that is kept: readLine(maxSize) would allocate maxSize for every line.
    QByteArray &bytes = m_bytes;
    bytes.clear();
    char chunk[16 * 1024];
    while (true) {
        const qint64 read = m_device->readLine(chunk, qint64(sizeof chunk));
        if (read <= 0 && !m_device->atEnd()) {
            // A damaged .zip, a file that shrank while read: not an end, and not to be retried forever.
            ++m_line;
            m_error = QStringLiteral("the file cannot be read from here on: %1").arg(m_device->errorString());
            return false;
        }
        if (read <= 0) {
            break; // the end (QIODevice says -1 there too)
        }
        bytes.append(chunk, read);
        if (chunk[read - 1] == '\n') {
            break;
        }
        if (bytes.size() > kMaxRecordBytes) {
            ++m_line;
            m_error
                = QStringLiteral("a line longer than %1 MB; is this a text file?").arg(kMaxRecordBytes / 1024 / 1024);
            return false;
        }
    }
    ++m_line;
    if (m_line == 1 && bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    }
    m_lineEnded = bytes.endsWith('\n');
    while (bytes.endsWith('\n') || bytes.endsWith('\r')) {
        bytes.chop(1);
    }
    if (bytes.contains('\0')) {
        m_error = QStringLiteral("this line holds a NUL byte; is this a text file?");
        return false;
    }
    // Control characters that text files do not hold: binary data, whatever the encoding. Tab, form feed,
    // carriage return, the vertical tab (some exports break lines inside cells with it) and a DOS end-of-file
    // mark pass.
    const auto binary = [](char c) {
        return (c > 0 && c < 0x20 && c != '\t' && c != '\f' && c != '\r' && c != '\v' && c != 0x1a) || c == 0x7f;
    };
    if (std::any_of(bytes.cbegin(), bytes.cend(), binary)) {
        m_error = QStringLiteral("this line holds control characters; is this a text file?");
        return false;
    }
    QStringDecoder decoder = m_encoding.isEmpty()
        ? QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless)
        : QStringDecoder(m_encoding.toLatin1().constData(), QStringDecoder::Flag::Stateless);
    *line = decoder.decode(bytes);
    if (decoder.hasError() && m_encoding.isEmpty()) {
        m_error = QStringLiteral("this line is not valid UTF-8 (give --encoding latin1 if the file is Latin-1)");
        return false;
    }
    if (decoder.hasError()) {
        m_error = QStringLiteral("this line is not valid %1").arg(m_encoding);
        return false;
    }
    return true;
}

bool CsvReader::next(QStringList *fields)
{
    fields->clear();
    m_error = m_unknownEncoding; // reads nothing in an encoding it cannot decode
    if (!m_error.isEmpty()) {
        return false;
    }
    QString line;
    // Skip blank lines between records.
    do {
        if (!readLine(&line)) {
            m_recordLine = m_line;
            return false;
        }
    } while (line.isEmpty());
    m_recordLine = m_line;
    if (m_first) {
        m_first = false;
        if (m_delimiter.isNull()) {
            m_delimiter = detectDelimiter(line);
        }
    }

    if (!m_quoting) {
        for (const QStringView part : QStringView(line).split(m_delimiter)) {
            fields->append(part.trimmed().toString());
        }
        return true;
    }
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    qsizetype size = 0;
    qsizetype i = 0;
    while (true) {
        if (i >= line.size()) {
            if (quoted) {
                // A line break inside quotes belongs to the field; the record goes on on the next line.
                QString more;
                if (!readLine(&more)) {
                    if (m_error.isEmpty()) {
                        m_error = QStringLiteral("a quoted field opened here is never closed");
                    }
                    return false;
                }
                size += more.size();
                if (size > kMaxRecordBytes) {
                    m_error = QStringLiteral("a record longer than %1 MB; is a quote left open?")
                                  .arg(kMaxRecordBytes / 1024 / 1024);
                    return false;
                }
                field += u'\n';
                line = more;
                i = 0;
                continue;
            }
            fields->append(wasQuoted ? field : field.trimmed());
            return true;
        }
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line[i + 1] == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == u'"' && field.trimmed().isEmpty()) {
            quoted = true;
            wasQuoted = true;
            field.clear();
            ++i;
            continue;
        }
        if (c == m_delimiter) {
            fields->append(wasQuoted ? field : field.trimmed());
            field.clear();
            wasQuoted = false;
            ++i;
            continue;
        }
        if (!c.isSpace() && c != u'"') {
            // Plain text up to the next delimiter: no quote can open in it, so take it whole.
            qsizetype end = line.indexOf(m_delimiter, i);
            end = end < 0 ? line.size() : end;
            field += QStringView(line).sliced(i, end - i);
            i = end;
            continue;
        }
        field += c;
        ++i;
    }
}
