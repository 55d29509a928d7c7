// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordimport.h"

#include "io/csvreader.h"

namespace RecordImport {

std::optional<Result> run(CsvReader &reader, const QString &fileName, const Options &options, const Sink &sink,
    const Convert &convert, ImportError *error)
{
    Result result;
    QStringList record;
    qsizetype records = 0;
    while (reader.next(&record)) {
        if (options.limit >= 0 && records >= options.limit) {
            result.complete = false;
            return result;
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
    return result;
}

} // namespace RecordImport
