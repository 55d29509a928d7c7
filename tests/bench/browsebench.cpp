// SPDX-License-Identifier: GPL-3.0-or-later
// annals-browse-bench: the path a user takes, measured. It writes a realistic timeline of N events (50 countries,
// 3,000 actors, 16 kinds, summaries of 15-45 words, a source each, mixed precisions over 30 years, 15% ranges) as a
// CSV, imports it into a real .annals file through the importer, then opens that file in the real window
// (offscreen) and times, from the file: the first complete frame; each kind of filter; searches; lane switches;
// the table's first page and a scroll. Every step waits for the window to show the new result and paints it.
// It prints medians and maxima, the longest the event loop was blocked during each step (a 2 ms watchdog timer),
// and the resident memory. A program that measures, not a test that asserts times.
//
//   annals-browse-bench [--events 1000000] [--repeat 5] [--file existing.annals] [--keep FILE]
#include "io/importer.h"
#include "procstatus.h"
#include "io/seed.h"
#include "editing/timelineeditor.h"
#include "mainwindow.h"
#include "models/eventlistmodel.h"
#include "storage/annotations.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "workingset/filterengine.h"
#include "workingset/filterresult.h"
#include "workingset/workingset.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QUndoStack>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>

namespace {

// The timeline's generator: deterministic, so that every run measures the same file.
const char *const kCountries[] = {"CN", "RU", "US", "IN", "BR", "ZA", "IR", "PK", "KZ", "UZ", "KG", "TJ", "BY", "TR",
    "SA", "AE", "EG", "FR", "DE", "GB", "IT", "ES", "PL", "UA", "JP", "KR", "KP", "VN", "TH", "ID", "MY", "PH", "AU",
    "NZ", "CA", "MX", "AR", "CL", "NG", "ET", "KE", "DZ", "MA", "IL", "SY", "IQ", "AF", "MN", "MM", "BD"};
const char *const kKinds[] = {"statement", "visit", "talks", "agreement", "summit", "protest", "sanction", "exercise",
    "election", "appointment", "accusation", "aid", "trade", "attack", "ceasefire", "meeting"};
const char *const kFirst[] = {"Li", "Wang", "Zhang", "Sergei", "Vladimir", "Dmitry", "Anna", "Maria", "John",
    "Robert", "Narendra", "Amit", "Luiz", "Cyril", "Ebrahim", "Shehbaz", "Kassym", "Shavkat", "Sadyr", "Emomali",
    "Alexander", "Recep", "Mohammed", "Abdel", "Emmanuel", "Olaf", "Rishi", "Giorgia", "Pedro", "Andrzej", "Fumio",
    "Yoon", "Kim", "Pham", "Prayut", "Joko", "Anwar", "Ferdinand", "Anthony", "Chris", "Justin", "Andres", "Alberto",
    "Gabriel", "Bola", "Abiy", "William", "Abdelmadjid", "Aziz", "Isaac", "Bashar", "Mohammed", "Hibatullah",
    "Ukhnaa", "Min", "Sheikh", "Olena", "Ivan", "Elena", "Pierre"};
const char *const kLast[] = {"Qiang", "Yi", "Hui", "Lavrov", "Petrov", "Ivanov", "Smirnova", "Kuznetsova", "Miller",
    "Johnson", "Sharma", "Patel", "Silva", "Ramaphosa", "Raisi", "Sharif", "Tokayev", "Mirziyoyev", "Japarov",
    "Rahmon", "Lukashenko", "Erdogan", "Salman", "Fattah", "Dubois", "Schmidt", "Sunak", "Rossi", "Garcia", "Nowak",
    "Tanaka", "Park", "Chen", "Nguyen", "Wong", "Widodo", "Ibrahim", "Santos", "Brown", "Wilson", "Lopez", "Fernandez",
    "Boric", "Tinubu", "Ahmed", "Ruto", "Tebboune", "Akhannouch", "Herzog", "Assad"};
const char *const kWords[] = {"the", "talks", "minister", "said", "on", "security", "cooperation", "trade",
    "regional", "border", "energy", "delegation", "agreement", "foreign", "defence", "economic", "summit", "joint",
    "statement", "council", "sanctions", "pipeline", "grain", "investment", "military", "exercise", "election",
    "parliament", "president", "officials", "week", "capital", "forum", "bilateral", "relations", "strategic",
    "partnership", "oil", "gas", "loans", "infrastructure", "railway", "port", "currency", "bank", "tariffs", "visit",
    "talks", "ceasefire", "troops", "drills", "navy", "airspace", "satellite", "technology", "semiconductor", "wheat",
    "refugees", "aid", "humanitarian", "crisis", "dispute", "water", "climate", "summit", "protest", "opposition",
    "court", "ruling", "accused", "denied", "warned", "welcomed", "signed", "announced", "agreed", "rejected", "met",
    "and", "of", "in", "with", "for", "a", "to", "by", "after", "before", "during", "over", "amid", "between"};
const char *const kVerbs[] = {"meets", "visits", "calls", "signs deal with", "warns", "hosts", "criticises",
    "talks with", "welcomes", "rejects offer from"};

class Generator {
public:
    explicit Generator(quint32 seed)
        : m_random(seed)
    {
    }
    int pick(int n) { return int(m_random.bounded(n)); }
    double chance() { return m_random.generateDouble(); }

    QByteArray actor()
    {
        const int a = pick(3000); // 60 first names x 50 last names
        return QByteArray(kFirst[a % 60]) + ' ' + kLast[a / 60];
    }

    // One CSV line: id, start, end, title, countries, actors, kind, summary, url.
    QByteArray line(int i)
    {
        // Times across 1995-2025, at mixed precision: a minute, a day (most), a month, a year.
        const qint64 t0 = 788918400; // 1995-01-01
        const qint64 span = 30LL * 365 * 86400;
        const qint64 start = t0 + qint64(m_random.bounded(double(span)));
        const double p = chance();
        const QDateTime when = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
        const auto text = [&](const QDateTime &t) -> QByteArray {
            if (p < 0.10) {
                return t.toString(QStringLiteral("yyyy-MM-ddTHH:mmZ")).toLatin1();
            }
            if (p < 0.80) {
                return t.toString(QStringLiteral("yyyy-MM-dd")).toLatin1();
            }
            if (p < 0.95) {
                return t.toString(QStringLiteral("yyyy-MM")).toLatin1();
            }
            return t.toString(QStringLiteral("yyyy")).toLatin1();
        };
        QByteArray end;
        if (chance() < 0.15) {
            const qint64 days = 1 + qint64(std::exp(chance() * std::log(400.0)));
            end = text(when.addDays(days));
        }
        QByteArray countries = kCountries[pick(50)];
        for (int extra = pick(3); extra > 0; --extra) {
            const char *more = kCountries[pick(50)];
            if (!countries.contains(more)) {
                countries += ';' + QByteArray(more);
            }
        }
        const QByteArray first = actor();
        QByteArray actors = first;
        for (int extra = pick(3); extra > 0; --extra) {
            actors += ';' + actor();
        }
        QByteArray summary;
        const int words = 15 + pick(31);
        const int nuclear = chance() < 0.6 ? pick(words) : -1; // a common word, for the search
        for (int w = 0; w < words; ++w) {
            summary += (w ? " " : "") + QByteArray(w == nuclear ? "nuclear" : kWords[pick(int(std::size(kWords)))]);
        }
        const QByteArray title = first + ' ' + kVerbs[pick(10)] + ' ' + actor() + " on " + kWords[pick(60)];
        return "ev" + QByteArray::number(i) + ',' + text(when) + ',' + end + ',' + title + ',' + countries + ','
            + actors + ',' + kKinds[pick(16)] + ',' + summary + ",https://news.example.org/" + QByteArray::number(i)
            + "\n";
    }

private:
    QRandomGenerator m_random;
};

// How long the event loop went without turning: a timer that should fire every 2 ms notes its longest gap.
class Watchdog {
public:
    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_last = m_clock.nsecsElapsed();
        m_longest = 0;
    }
    // Includes the stretch since the last tick (a block still under way).
    double longestMs()
    {
        tick();
        return double(m_longest) / 1e6;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_longest = std::max(m_longest, now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

struct Figures {
    std::vector<double> ms;
    std::vector<double> blockedMs;
    std::vector<double> workerMs; // of it, the worker's filtering, table order and lanes (FilterResult::Timings)
    size_t shown = 0;
};

double median(std::vector<double> values)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

// Reads the cells of `count` table rows from `first`, as the table's paint does.
void readRows(const EventListModel *model, int first, int count)
{
    for (int row = first; row < std::min(first + count, model->rowCount()); ++row) {
        for (int column = 0; column < EventListModel::ColumnCount; ++column) {
            model->index(row, column).data();
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("annals-browse-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures opening, filtering and searching a timeline file."));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("How many events to generate."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repeatOption(
        QStringLiteral("repeat"), QStringLiteral("Runs of each step."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption fileOption(QStringLiteral("file"),
        QStringLiteral("Measure this .annals file (written by an earlier --keep) instead of generating one."),
        QStringLiteral("FILE"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Write the generated timeline here, and keep it."), QStringLiteral("FILE"));
    parser.addOptions({eventsOption, repeatOption, fileOption, keepOption});
    parser.process(app);
    const int events = std::max(1, parser.value(eventsOption).toInt());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    QTextStream out(stdout);
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path()); // no saved view from earlier runs
    out << "annals-browse-bench on " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount()
        << " cores, Qt " << qVersion() << "\n";

    QString path = parser.value(fileOption);
    if (path.isEmpty()) {
        path = parser.isSet(keepOption) ? parser.value(keepOption) : dir.filePath(QStringLiteral("bench.annals"));
        QFile::remove(path);
        const QString csv = dir.filePath(QStringLiteral("events.csv"));
        {
            QFile file(csv);
            if (!file.open(QIODevice::WriteOnly)) {
                out << "cannot write " << csv << '\n';
                return 1;
            }
            Generator generator(20230320);
            file.write("id,start,end,title,countries,actors,kind,summary,url\n");
            for (int i = 0; i < events; ++i) {
                file.write(generator.line(i));
            }
        }
        EventStore store(path);
        if (!store.open()) {
            out << store.errorString() << '\n';
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        qint64 lastRecordNs = 0; // the last report before the final one, which comes after the commit
        qint64 latestNs = 0;
        ImportError error;
        const std::optional<Importer::Summary> summary
            = Importer::importFile(csv, {}, store, &error, [&](qint64, qint64) {
                  lastRecordNs = latestNs;
                  latestNs = timer.nsecsElapsed();
                  return true;
              });
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!summary) {
            out << error.toString() << '\n';
            return 1;
        }
        out << QStringLiteral("import: %1 events, %2 MB of CSV, in %3 s (%4 events/s); the records %5 s, then the "
                              "full-text index and the commit %6 s\n")
                   .arg(QLocale().toString(summary->written.added))
                   .arg(double(QFile(csv).size()) / 1024 / 1024, 0, 'f', 0)
                   .arg(seconds, 0, 'f', 1)
                   .arg(QLocale().toString(qint64(double(summary->written.added) / seconds)))
                   .arg(double(lastRecordNs) / 1e9, 0, 'f', 1)
                   .arg(seconds - double(lastRecordNs) / 1e9, 0, 'f', 1);
        QFile::remove(csv);
    }
    out << QStringLiteral("file: %1, %2 MB\n").arg(path).arg(double(QFile(path).size()) / 1024 / 1024, 0, 'f', 0);

    Watchdog watchdog;
    const double rssBefore = statusMegabytes("VmRSS:");
    // Open: from the file to the first complete frame, `repeat` times (a new window each time).
    std::unique_ptr<MainWindow> window;
    std::vector<double> shownMs, openMs, openBlockedMs;
    double rssOpened = 0;
    for (int run = 0; run < repeat; ++run) {
        window.reset();
        watchdog.reset();
        QElapsedTimer timer;
        timer.start();
        QString error;
        std::unique_ptr<EventStore> store = Seed::openTimeline(path, &error);
        if (!store) {
            out << error << '\n';
            return 1;
        }
        window = std::make_unique<MainWindow>(std::move(store));
        window->show();
        QCoreApplication::processEvents();
        shownMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        QSignalSpy shown(window.get(), &MainWindow::resultShown);
        if (!shown.wait(600000)) {
            out << "the window showed no result\n";
            return 1;
        }
        readRows(window->eventModel(), 0, 40);
        window->grab();
        openMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        openBlockedMs.push_back(watchdog.longestMs());
        if (run == 0) {
            rssOpened = statusMegabytes("VmRSS:"); // before other windows come and go
        }
    }
    const auto set = window->filterEngine()->workingSet();
    out << QStringLiteral("open (median / max of %1): window on screen after %2 / %3 ms; first complete frame after "
                          "%4 / %5 ms; longest block %6 ms\n")
               .arg(repeat)
               .arg(median(shownMs), 0, 'f', 0)
               .arg(maximum(shownMs), 0, 'f', 0)
               .arg(median(openMs), 0, 'f', 0)
               .arg(maximum(openMs), 0, 'f', 0)
               .arg(maximum(openBlockedMs), 0, 'f', 0);
    out << QStringLiteral("memory: resident %1 MB after opening (%2 MB before); working set %3 MB, %4 bytes an "
                          "event\n")
               .arg(rssOpened, 0, 'f', 0)
               .arg(rssBefore, 0, 'f', 0)
               .arg(double(set->memoryBytes()) / 1024 / 1024, 0, 'f', 0)
               .arg(double(set->memoryBytes()) / double(std::max<size_t>(1, set->size())), 0, 'f', 0);

    // A step: an action, then wait for the window to show its result, read the table's first page and paint.
    const auto step = [&](Figures &figures, const std::function<void()> &action) {
        watchdog.reset();
        QElapsedTimer t;
        t.start();
        QSignalSpy shown(window.get(), &MainWindow::resultShown);
        action();
        if (shown.isEmpty() && !shown.wait(600000)) {
            out << "a step showed no result\n";
            return;
        }
        readRows(window->eventModel(), 0, 40);
        window->grab();
        figures.ms.push_back(double(t.nsecsElapsed()) / 1e6);
        figures.blockedMs.push_back(watchdog.longestMs());
        figures.shown = window->result()->count();
        const FilterResult::Timings &timings = window->result()->timings();
        figures.workerMs.push_back(double(timings.selectNs + timings.orderNs + timings.indexNs) / 1e6);
    };
    const auto print = [&](const QString &name, const Figures &figures) {
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
                   .arg(name, -32)
                   .arg(median(figures.ms), 8, 'f', 1)
                   .arg(maximum(figures.ms), 8, 'f', 1)
                   .arg(maximum(figures.blockedMs), 8, 'f', 1)
                   .arg(median(figures.workerMs), 8, 'f', 1)
                   .arg(QLocale().toString(qint64(figures.shown)), 10);
    };
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("step (ms)"), -32)
               .arg(QStringLiteral("median"), 8)
               .arg(QStringLiteral("max"), 8)
               .arg(QStringLiteral("blocked"), 8)
               .arg(QStringLiteral("compute"), 8)
               .arg(QStringLiteral("events"), 10);

    const auto filterStep = [&](const QString &name, const std::function<void(EventFilter &, int)> &change) {
        Figures on, off;
        for (int i = 0; i < repeat; ++i) {
            EventFilter filter;
            change(filter, i);
            step(on, [&] { window->setFilter(filter); });
            step(off, [&] { window->setFilter({}); });
        }
        print(name, on);
        print(name + QStringLiteral(", cleared"), off);
    };
    filterStep(QStringLiteral("country"), [](EventFilter &f, int i) { f.countries = {QString::fromLatin1(kCountries[i * 7 % 50])}; });
    filterStep(QStringLiteral("actor"), [](EventFilter &f, int i) {
        f.actors = {QString::fromLatin1(kFirst[i * 11 % 60]) + u' ' + QString::fromLatin1(kLast[i * 13 % 50])};
    });
    filterStep(QStringLiteral("kind"), [](EventFilter &f, int i) { f.kinds = {QString::fromLatin1(kKinds[i * 5 % 16])}; });
    filterStep(QStringLiteral("dates (a year)"), [](EventFilter &f, int i) {
        f.from = Calendar::toSeconds({2000 + i * 3, 1, 1, 0, 0, 0});
        f.before = Calendar::toSeconds({2001 + i * 3, 1, 1, 0, 0, 0});
    });
    // Each search a word not searched before, so that none is answered from the last search.
    const QStringList words{u"nuclear"_qs, u"security"_qs, u"trade"_qs, u"minister"_qs, u"energy"_qs,
        u"border"_qs, u"pipeline"_qs, u"grain"_qs, u"railway"_qs, u"navy"_qs};
    filterStep(QStringLiteral("search a common word"), [&](EventFilter &f, int i) { f.text = words[i % words.size()]; });
    filterStep(QStringLiteral("country within a search"), [](EventFilter &f, int i) {
        f.text = u"nuclear"_qs;
        f.countries = {QString::fromLatin1(kCountries[i * 3 % 50])};
    });
    {
        Figures lanes;
        for (int i = 0; i < repeat; ++i) {
            for (const LaneMode mode : {LaneMode::Actor, LaneMode::Kind, LaneMode::None, LaneMode::Country}) {
                step(lanes, [&] { window->setLaneMode(mode); });
            }
        }
        print(QStringLiteral("switch lanes"), lanes);
    }
    {
        // The table: a page far down (not read yet), as a drag of the scroll bar asks for.
        std::vector<double> scroll;
        const EventListModel *model = window->eventModel();
        for (int i = 0; i < repeat; ++i) {
            QElapsedTimer t;
            t.start();
            readRows(model, model->rowCount() / (i + 2), 40);
            scroll.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        out << QStringLiteral("  %1 %2 %3\n")
                   .arg(QStringLiteral("table: scroll to a new page"), -32)
                   .arg(median(scroll), 8, 'f', 1)
                   .arg(maximum(scroll), 8, 'f', 1);
        Figures sorted;
        step(sorted, [&] { window->eventModel()->sort(EventListModel::TitleColumn, Qt::AscendingOrder); });
        step(sorted, [&] { window->eventModel()->sort(EventListModel::DateColumn, Qt::AscendingOrder); });
        print(QStringLiteral("table: sort by title, back"), sorted);
    }
    {
        // Edits: each one transaction, then the working set brought up to date for that event (not read again), then
        // the filter answered anew.
        TimelineEditor *editor = window->editor();
        Figures stars, edits, undos, notes;
        for (int i = 0; i < repeat && !window->timelineIndex()->isEmpty(); ++i) {
            const QString id = window->timelineIndex()->id(quint32((i + 1) * 7919 % window->timelineIndex()->size()));
            // Toggled: a file measured before may have the star already, and starring it again changes nothing.
            EventStore reader(path);
            reader.open();
            const bool starred = Annotations::marks(reader, id).starred;
            step(stars, [&] { editor->setStarred({id}, !starred); });
            step(notes, [&] { editor->addNote(id, QStringLiteral("a note, number %1").arg(i)); });
            QString error;
            const Event event = *reader.event(id);
            Event after = event;
            after.title += QStringLiteral(" (edited)");
            after.time = EventTime(event.time.start() - 86400 * 400, event.time.precision());
            step(edits, [&] { editor->writeEvent(event, reader.digestOf(id), after, &error); });
            step(undos, [&] { editor->undoStack()->undo(); });
        }
        print(QStringLiteral("edit: star an event"), stars);
        print(QStringLiteral("edit: add a note"), notes);
        print(QStringLiteral("edit: retitle and move an event"), edits);
        print(QStringLiteral("edit: undo that"), undos);

        // A day's export beside the million (20,000 new events), imported, undone and redone, then undone again so
        // that the file is as it was.
        const QString csv = dir.filePath(QStringLiteral("more.csv"));
        QFile file(csv);
        if (file.open(QIODevice::WriteOnly)) {
            Generator generator(7);
            file.write("id,start,end,title,countries,actors,kind,summary,url\n");
            for (int k = 0; k < 20000; ++k) {
                file.write(generator.line(100'000'000 + k));
            }
            file.close();
            Figures imported, undone, redone;
            step(imported, [&] { window->importPath(csv, Importer::Options()); });
            step(undone, [&] { editor->undoStack()->undo(); });
            step(redone, [&] { editor->undoStack()->redo(); });
            step(undone, [&] { editor->undoStack()->undo(); });
            print(QStringLiteral("import 20,000 more"), imported);
            print(QStringLiteral("undo that import"), undone);
            print(QStringLiteral("redo it"), redone);
        }
    }
    out << QStringLiteral("memory: resident %1 MB at the end, %2 MB at most\n")
               .arg(statusMegabytes("VmRSS:"), 0, 'f', 0)
               .arg(statusMegabytes("VmHWM:"), 0, 'f', 0);
    out << "done\n";
    return 0;
}
