// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "io/csvimport.h"
#include "io/icalendarimport.h"
#include "io/jsonformat.h"
#include "io/timelinejsimport.h"

#include <QFile>
#include <QFileInfo>

namespace Importer {

QString detectFormat(const QString &path, const QString &format)
{
    if (format != QLatin1String("auto")) {
        return format;
    }
    QFile file(path);
    const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(64 * 1024) : QByteArray();
    const auto json = [&] {
        // TimelineJS or Annals' own: the whole file decides, as the head may cut the JSON short.
        QFile whole(path);
        return whole.open(QIODevice::ReadOnly) && TimelineJsImport::looksLikeTimelineJs(whole.readAll())
            ? QStringLiteral("timelinejs")
            : QStringLiteral("json");
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        return json();
    }
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv")) {
        return QStringLiteral("csv");
    }
    if (suffix == QLatin1String("ics") || suffix == QLatin1String("ical")) {
        return QStringLiteral("ics");
    }
    const QByteArray start = head.trimmed().mid(head.trimmed().startsWith("\xEF\xBB\xBF") ? 3 : 0);
    if (start.startsWith('{') || start.startsWith('[')) {
        return json();
    }
    if (start.startsWith("BEGIN:VCALENDAR")) {
        return QStringLiteral("ics");
    }
    return QStringLiteral("csv");
}

QString fileDialogFilter()
{
    return QStringLiteral("Events (*.json *.csv *.tsv *.txt *.ics);;Annals or TimelineJS JSON (*.json);;"
                          "CSV or TSV (*.csv *.tsv *.txt);;iCalendar (*.ics);;All files (*)");
}

std::optional<Result> readFile(const QString &path, const Options &options, ImportError *error)
{
    Result result;
    result.format = detectFormat(path, options.format);
    const auto take = [&](auto &&read) -> std::optional<Result> {
        if (!read) {
            return std::nullopt;
        }
        result.events = std::move(read->events);
        result.skipped = std::move(read->skipped);
        return result;
    };
    if (result.format == QLatin1String("timelinejs")) {
        return take(TimelineJsImport::readFile(path, options.skipInvalid, error));
    }
    if (result.format == QLatin1String("ics")) {
        return take(ICalendarImport::readFile(path, options.skipInvalid, error));
    }
    if (result.format == QLatin1String("csv")) {
        CsvImport::Options csv;
        csv.map = options.map;
        csv.missing = options.missing;
        csv.skipInvalid = options.skipInvalid;
        csv.encoding = options.encoding;
        return take(CsvImport::readFile(path, csv, error));
    }
    std::optional<JsonFormat::Document> document = JsonFormat::readFile(path, error);
    if (!document) {
        return std::nullopt;
    }
    result.events = std::move(document->events);
    return result;
}

std::optional<Summary> importFile(const QString &path, const Options &options, EventStore &store, ImportError *error)
{
    Summary summary;
    summary.format = detectFormat(path, options.format);
    const auto storeError = [&] {
        if (error) {
            *error = ImportError{QString(), 0, 0, QString(), store.errorString()}; // it names the timeline
        }
        return std::nullopt;
    };
    if (summary.format != QLatin1String("csv")) {
        std::optional<Result> read = readFile(path, options, error);
        if (!read) {
            return std::nullopt;
        }
        const std::optional<WriteSummary> written = store.write(read->events);
        if (!written) {
            return storeError();
        }
        summary.written = *written;
        summary.skipped = std::move(read->skipped);
        return summary;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = ImportError{path, 0, 0, QString(), file.errorString()};
        }
        return std::nullopt;
    }
    CsvImport::Options csv;
    csv.map = options.map;
    csv.missing = options.missing;
    csv.skipInvalid = options.skipInvalid;
    csv.encoding = options.encoding;
    EventWriteSession session(store);
    bool stored = true;
    std::optional<CsvImport::Result> read = CsvImport::read(&file, path, csv, error, [&](const Event &event) {
        stored = session.add(event);
        return stored;
    });
    if (!stored) {
        session.commit(); // rolls back, and leaves the store's message
        return storeError();
    }
    if (!read) {
        return std::nullopt; // the session rolls back as it goes
    }
    const std::optional<WriteSummary> written = session.commit();
    if (!written) {
        return storeError();
    }
    summary.written = *written;
    summary.skipped = std::move(read->skipped);
    return summary;
}

} // namespace Importer
