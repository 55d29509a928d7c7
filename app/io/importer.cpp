// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "io/acledimport.h"
#include "io/csvimport.h"
#include "io/csvreader.h"
#include "io/gdeltimport.h"
#include "io/icalendarimport.h"
#include "io/icewsimport.h"
#include "io/inputfile.h"
#include "io/jsonformat.h"
#include "io/jsonrecords.h"
#include "io/timelinejsimport.h"
#include "io/timelinexmlimport.h"

#include <QFileInfo>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace {

// Reads a record format from an open device, each event to the sink (or into the result without one).
std::optional<RecordImport::Result> readRecords(QIODevice *device, const QString &path, const QString &format,
    const Importer::Options &options, qsizetype limit, ImportError *error, const RecordImport::Sink &sink)
{
    RecordImport::Options records;
    records.skipInvalid = options.skipInvalid;
    records.limit = limit;
    if (format == QLatin1String("gdelt")) {
        return GdeltImport::read(device, path, records, error, sink, options.encoding);
    }
    if (format == QLatin1String("acled")) {
        return AcledImport::read(device, path, records, error, sink, options.encoding);
    }
    if (format == QLatin1String("icews")) {
        return IcewsImport::read(device, path, records, error, sink, options.encoding);
    }
    CsvImport::Options csv;
    csv.map = options.map;
    csv.missing = options.missing;
    csv.skipInvalid = options.skipInvalid;
    csv.encoding = options.encoding;
    csv.limit = limit;
    if (format == QLatin1String("json-records")) {
        // JSON is read whole, as for the other JSON formats; its objects then go through the CSV importer.
        const QByteArray json = device->read(ImportError::kMaxWholeFileBytes + 1);
        if (json.size() > ImportError::kMaxWholeFileBytes) {
            if (error) {
                *error = ImportError{path, 0, 0, QString(),
                    QStringLiteral("this JSON file is larger than %1 MB, the most Annals reads of a file read whole")
                        .arg(ImportError::kMaxWholeFileBytes / (1024 * 1024))};
            }
            return std::nullopt;
        }
        JsonRecords source(json);
        return CsvImport::readRecords(source, path, csv, error, sink);
    }
    return CsvImport::read(device, path, csv, error, sink);
}

// An event and the line its record starts on.
struct LinedEvent {
    Event event;
    int line = 0;
};

// Batches of events from a reader thread to the writing one, at most kDepth waiting.
class RecordPipe {
public:
    static constexpr qsizetype kBatch = 512;
    static constexpr size_t kDepth = 8;

    // False when the writer has stopped: the reader should stop too.
    bool push(QList<LinedEvent> &&batch, qint64 done, qint64 total)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_batches.size() < kDepth; });
        if (m_stopped) {
            return false;
        }
        m_batches.push_back(std::move(batch));
        batch = {};
        m_done = done;
        m_total = total;
        m_changed.notify_all();
        return true;
    }
    // False once the reader has finished and every batch is taken.
    bool pop(QList<LinedEvent> *batch, qint64 *done, qint64 *total)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_batches.empty(); });
        if (m_batches.empty()) {
            return false;
        }
        *batch = std::move(m_batches.front());
        m_batches.pop_front();
        *done = m_done;
        *total = m_total;
        m_changed.notify_all();
        return true;
    }
    void finish() { set(m_finished); }
    void stop() { set(m_stopped); }

private:
    void set(bool &flag)
    {
        const std::lock_guard lock(m_mutex);
        flag = true;
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QList<LinedEvent>> m_batches;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace

namespace Importer {

const QStringList &formats()
{
    static const QStringList list{u"json"_qs, u"csv"_qs, u"timelinejs"_qs, u"gdelt"_qs, u"acled"_qs, u"icews"_qs,
        u"ics"_qs, u"timeline"_qs, u"json-records"_qs};
    return list;
}

QString formatName(const QString &format)
{
    static const QHash<QString, QString> names{{u"json"_qs, u"Annals JSON"_qs}, {u"csv"_qs, u"CSV or TSV"_qs},
        {u"timelinejs"_qs, u"TimelineJS JSON"_qs}, {u"gdelt"_qs, u"GDELT event export"_qs},
        {u"acled"_qs, u"ACLED CSV"_qs}, {u"icews"_qs, u"ICEWS event data"_qs}, {u"ics"_qs, u"iCalendar"_qs},
        {u"timeline"_qs, u"Timeline (.timeline XML)"_qs}, {u"xml"_qs, u"XML"_qs},
        {u"json-records"_qs, u"JSON records (an array of objects)"_qs}};
    return names.value(format, format);
}

QString detectFormat(const QString &path, const QString &format)
{
    if (format != QLatin1String("auto")) {
        return format;
    }
    QByteArray head = InputFile::head(path); // inside a .zip, the file it holds
    if (head.startsWith("\xEF\xBB\xBF")) {
        head.remove(0, 3);
    }
    const auto json = [&] {
        // TimelineJS or Annals' own: the whole file decides, as the head may cut the JSON short.
        const std::optional<QByteArray> whole = ImportError::readFile(path, nullptr);
        if (whole && TimelineJsImport::looksLikeTimelineJs(*whole)) {
            return QStringLiteral("timelinejs");
        }
        return whole && JsonRecords::looksLikeRecords(*whole) ? QStringLiteral("json-records") : QStringLiteral("json");
    };
    // The content first: GDELT's exports end in .CSV, and ACLED's are CSV too.
    const QByteArray start = head.trimmed();
    if (start.startsWith('{') || start.startsWith('[')) {
        return json();
    }
    if (start.startsWith("BEGIN:VCALENDAR")) {
        return QStringLiteral("ics");
    }
    if (start.startsWith('<')) {
        // XML: the root element tells which. One Annals does not read still comes back as "xml", so that the
        // message can say what it is rather than read it as CSV.
        return TimelineXmlImport::rootElement(head) == QLatin1String("timeline") ? QStringLiteral("timeline")
                                                                                 : QStringLiteral("xml");
    }
    if (GdeltImport::looksLikeGdelt(head)) {
        return QStringLiteral("gdelt");
    }
    if (AcledImport::looksLikeAcled(head)) {
        return QStringLiteral("acled");
    }
    if (IcewsImport::looksLikeIcews(head)) {
        return QStringLiteral("icews");
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        return json();
    }
    if (suffix == QLatin1String("ics") || suffix == QLatin1String("ical")) {
        return QStringLiteral("ics");
    }
    if (suffix == QLatin1String("timeline")) {
        return QStringLiteral("timeline");
    }
    return QStringLiteral("csv");
}

QString fileDialogFilter()
{
    return QStringLiteral("Events (*.json *.csv *.tsv *.tab *.txt *.ics *.timeline *.xml *.zip);;"
                          "Annals or TimelineJS JSON (*.json);;CSV, TSV, GDELT, ACLED or ICEWS (*.csv *.tsv *.tab "
                          "*.txt *.zip);;iCalendar (*.ics);;Timeline (*.timeline *.xml);;All files (*)");
}

bool isRecordFormat(const QString &format)
{
    return format == QLatin1String("csv") || format == QLatin1String("gdelt") || format == QLatin1String("acled")
        || format == QLatin1String("icews") || format == QLatin1String("json-records");
}

QString unknownCountriesNote(const QMap<QString, qsizetype> &unknown)
{
    if (unknown.isEmpty()) {
        return {};
    }
    qsizetype events = 0;
    QStringList names;
    for (auto it = unknown.cbegin(); it != unknown.cend(); ++it) {
        events += it.value();
        if (names.size() < 20) {
            names << QStringLiteral("%1 (%2)").arg(it.key().left(60)).arg(it.value());
        }
    }
    if (unknown.size() > names.size()) {
        names << QStringLiteral("and %1 more").arg(unknown.size() - names.size());
    }
    return QStringLiteral("%1 a country Annals does not know; %2 kept without it, the name as written in the "
                          "place: %3.")
        .arg(events == 1 ? QStringLiteral("1 event names") : QStringLiteral("%1 events name").arg(events),
            events == 1 ? QStringLiteral("it is") : QStringLiteral("they are"), names.join(QStringLiteral(", ")));
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
        if constexpr (requires { read->unknownCountries; }) {
            result.unknownCountries = std::move(read->unknownCountries);
        }
        return result;
    };
    if (!isRecordFormat(result.format)) {
        // A folder or an unreadable file gets InputFile's message, as for every format.
        if (!InputFile::open(path, error)) {
            return std::nullopt;
        }
        if (InputFile::isZip(path)) {
            if (error) {
                *error = ImportError{path, 0, 0, QString(),
                    QStringLiteral("a .zip is read for CSV, GDELT, ACLED and ICEWS files only; unzip it and import the "
                                   "file inside")};
            }
            return std::nullopt;
        }
    }
    if (result.format == QLatin1String("timelinejs")) {
        std::optional<TimelineJsImport::Result> read = TimelineJsImport::readFile(path, options.skipInvalid, error);
        if (read) {
            result.title = read->title;
        }
        return take(std::move(read));
    }
    if (result.format == QLatin1String("ics")) {
        return take(ICalendarImport::readFile(path, options.skipInvalid, error));
    }
    if (result.format == QLatin1String("timeline")) {
        return take(TimelineXmlImport::readFile(path, options.skipInvalid, error));
    }
    if (result.format == QLatin1String("xml")) {
        if (error) {
            const QString root = TimelineXmlImport::rootElement(InputFile::head(path));
            *error = ImportError{path, 1, 0, QString(),
                QStringLiteral("this is XML whose root element is <%1>; the XML Annals reads is that of Timeline "
                               "(.timeline files, whose root is <timeline>)")
                    .arg(root.isEmpty() ? u"?"_qs : root.left(40))};
        }
        return std::nullopt;
    }
    if (isRecordFormat(result.format)) {
        const std::unique_ptr<QIODevice> file = InputFile::open(path, error);
        if (!file) {
            return std::nullopt;
        }
        return take(readRecords(file.get(), path, result.format, options, -1, error, {}));
    }
    std::optional<JsonFormat::Document> document = JsonFormat::readFile(path, error);
    if (!document) {
        return std::nullopt;
    }
    result.events = std::move(document->events);
    return result;
}

std::optional<Preview> preview(const QString &path, const Options &options, qsizetype records, ImportError *error)
{
    Preview preview;
    preview.format = detectFormat(path, options.format);
    Options lenient = options;
    lenient.skipInvalid = true; // the preview lists every problem in its records, not just the first
    if (isRecordFormat(preview.format)) {
        std::unique_ptr<QIODevice> file = InputFile::open(path, error);
        if (!file) {
            return std::nullopt;
        }
        ImportError problem;
        std::optional<RecordImport::Result> read
            = readRecords(file.get(), path, preview.format, lenient, records, &problem, {});
        if (!read) {
            // The columns still, so that the user can map them.
            file = InputFile::open(path, nullptr);
            if (file && preview.format == QLatin1String("json-records")) {
                JsonRecords records(file->read(ImportError::kMaxWholeFileBytes));
                records.next(&preview.headers);
            } else if (file) {
                CsvReader reader(file.get(), QChar(), options.encoding);
                reader.next(&preview.headers);
            }
            preview.readable = false;
            preview.problems.append(problem);
            return preview;
        }
        preview.events = std::move(read->events);
        preview.problems = std::move(read->skipped);
        preview.complete = read->complete;
        preview.headers = std::move(read->headers);
        preview.columns = std::move(read->columns);
        return preview;
    }
    lenient.format = preview.format;
    ImportError problem;
    std::optional<Result> read = readFile(path, lenient, &problem);
    if (!read) {
        preview.readable = false;
        preview.problems.append(problem);
        return preview;
    }
    preview.complete = read->events.size() <= records;
    preview.events = read->events.mid(0, records);
    preview.problems = std::move(read->skipped);
    return preview;
}

std::optional<Summary> importFile(
    const QString &path, const Options &options, EventStore &store, ImportError *error, const Progress &progress)
{
    Summary summary;
    summary.format = detectFormat(path, options.format);
    bool cancelled = false;
    const auto storeError = [&]() -> std::optional<Summary> {
        if (error) {
            *error = cancelled ? ImportError{path, 0, 0, QString(),
                         QStringLiteral("the import was cancelled; "
                                        "nothing was written")}
                               : ImportError{QString(), 0, 0, QString(), store.errorString()}; // it names the timeline
        }
        return std::nullopt;
    };
    constexpr qsizetype kProgressEvery = 4096; // events between reports: often enough to cancel promptly
    if (!isRecordFormat(summary.format)) {
        Options detected = options;
        detected.format = summary.format; // detected once: for TimelineJS that reads the whole file
        std::optional<Result> read = readFile(path, detected, error);
        if (!read) {
            return std::nullopt;
        }
        EventWriteSession session(store, read->events.size());
        session.setSkipRepeatedIds(options.skipInvalid);
        session.setJournal(options.journal);
        session.setTitleIfUntitled(read->title);
        for (qsizetype i = 0; i < read->events.size(); ++i) {
            if (progress && i % kProgressEvery == 0 && !progress(i, read->events.size())) {
                cancelled = true;
                return storeError(); // the session rolls back
            }
            if (!session.add(read->events[i])) {
                break;
            }
            if (const QString skipped = session.skipped(); !skipped.isEmpty()) {
                // By its title: the file's own numbering counts the records skipped already, and this does not.
                const QString which = QStringLiteral("event \"%1\"").arg(read->events[i].title.left(60));
                read->skipped.append({path, 0, 0, which, skipped});
            }
        }
        const std::optional<WriteSummary> written = session.commit();
        if (!written) {
            return storeError();
        }
        summary.written = *written;
        summary.skipped = std::move(read->skipped);
        summary.unknownCountries = std::move(read->unknownCountries);
        return summary;
    }
    // Two threads: this one writes while a reader thread parses the file into batches of events, so that
    // parsing and SQLite's work overlap. The queue between them is bounded: memory stays flat.
    RecordPipe pipe;
    ImportError readError;
    std::optional<RecordImport::Result> read;
    std::thread reader([&] {
        const std::unique_ptr<QIODevice> file = InputFile::open(path, &readError);
        if (!file) {
            pipe.finish();
            return;
        }
        const qint64 size = file->size();
        QList<LinedEvent> batch;
        read
            = readRecords(file.get(), path, summary.format, options, -1, &readError, [&](const Event &event, int line) {
                  batch.append({event, line});
                  return batch.size() < RecordPipe::kBatch || pipe.push(std::move(batch), file->pos(), size);
              });
        // The events before a bad record go to the writer too: one of them may fail first, and the first
        // failure in the file is the one to report.
        if (!batch.isEmpty()) {
            pipe.push(std::move(batch), size, size);
        }
        pipe.finish();
    });
    EventWriteSession session(store);
    session.setSkipRepeatedIds(options.skipInvalid);
    session.setJournal(options.journal);
    QList<ImportError> repeats; // with --skip-invalid: the events left out for repeating an id
    bool stored = true;
    qsizetype count = 0;
    QList<LinedEvent> batch;
    qint64 done = 0;
    qint64 total = 0;
    while (stored && !cancelled && pipe.pop(&batch, &done, &total)) {
        for (const auto &[event, line] : std::as_const(batch)) {
            if (progress && ++count % kProgressEvery == 0 && !progress(done, total)) {
                cancelled = true;
                break;
            }
            if (!session.add(event)) {
                stored = false;
                break;
            }
            if (const QString skipped = session.skipped(); !skipped.isEmpty()) {
                repeats.append({path, line, 0, QString(), skipped});
            }
        }
    }
    pipe.stop(); // the reader, if still reading, stops at its next batch
    reader.join();
    if (cancelled) {
        return storeError(); // the session rolls back as it ends
    }
    if (!stored) {
        session.commit(); // rolls back, and leaves the store's message
        return storeError();
    }
    if (!read) {
        if (error) {
            *error = readError;
        }
        return std::nullopt; // the session rolls back as it ends
    }
    const std::optional<WriteSummary> written = session.commit();
    if (!written) {
        return storeError();
    }
    if (progress) {
        progress(total, total);
    }
    summary.written = *written;
    summary.skipped = std::move(read->skipped) + repeats;
    summary.unknownCountries = std::move(read->unknownCountries);
    std::stable_sort(summary.skipped.begin(), summary.skipped.end(),
        [](const ImportError &a, const ImportError &b) { return a.line < b.line; });
    return summary;
}

} // namespace Importer
