// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordimport.h"

#include "io/recordsource.h"

namespace RecordImport {

Columns::Columns(const QStringList &headers)
    : m_headers(headers)
{
    for (qsizetype i = 0; i < headers.size(); ++i) {
        m_byName.insert(headers[i].trimmed().toLower(), int(i));
    }
}

bool Columns::require(
    std::initializer_list<const char *> names, const char *what, const QString &fileName, ImportError *error) const
{
    for (const char *name : names) {
        if ((*this)(name) >= 0) {
            continue;
        }
        if (error) {
            // The first few columns are enough to see what the file is; a GDELT line would list sixty.
            const QString shown = m_headers.size() > 8
                ? QStringList(m_headers.mid(0, 8)).join(QStringLiteral(", ")) + QStringLiteral(", …")
                : m_headers.join(QStringLiteral(", "));
            *error = ImportError{fileName, 1, 0, QString(),
                QStringLiteral("%1 file needs a column \"%2\"; the columns are %3")
                    .arg(QLatin1String(what), QLatin1String(name), shown)};
        }
        return false;
    }
    return true;
}

std::optional<QStringList> readHeader(RecordSource &reader, const QString &fileName, ImportError *error)
{
    QStringList headers;
    if (reader.next(&headers)) {
        return headers;
    }
    if (error) {
        *error = ImportError{fileName, int(reader.line()), 0, QString(),
            reader.error().isEmpty() ? QStringLiteral("the file is empty: there is no header row") : reader.error()};
    }
    return std::nullopt;
}

std::optional<Result> run(RecordSource &reader, const QString &fileName, const Options &options, const Sink &sink,
    const Convert &convert, ImportError *error, QMap<QString, qsizetype> *unknownCountries)
{
    Result result;
    QStringList record;
    qsizetype records = 0;
    while (reader.next(&record)) {
        if (options.limit >= 0 && records >= options.limit) {
            result.complete = false;
            break;
        }
        ++records;
        const int line = int(reader.line());
        Event event;
        const Converted converted = convert(record, line, &event);
        if (converted.kind == Converted::Kind::Skip) {
            continue;
        }
        if (converted.kind == Converted::Kind::Problem) {
            const QString where
                = converted.field.isEmpty() ? QString() : QStringLiteral("field \"%1\"").arg(converted.field);
            if (!options.skipInvalid) {
                if (error) {
                    *error = ImportError{fileName, line, 0, where, converted.problem};
                }
                return std::nullopt;
            }
            result.skipped.append({fileName, line, 0, where, converted.problem});
            continue;
        }
        if (!sink) {
            result.events.append(event);
        } else if (!sink(event, line)) {
            return std::nullopt;
        }
    }
    if (!reader.error().isEmpty()) {
        if (error) {
            *error = ImportError{fileName, int(reader.line()), 0, QString(), reader.error()};
        }
        return std::nullopt;
    }
    if (unknownCountries) {
        result.unknownCountries = std::move(*unknownCountries);
    }
    return result;
}

} // namespace RecordImport
