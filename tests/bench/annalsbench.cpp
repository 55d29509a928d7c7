// SPDX-License-Identifier: GPL-3.0-or-later
// annals-bench: replays ../shared/bench/scenario.md and prints its figures. A program that measures, not a test
// that asserts times; its one assertion is that the generator matches the scenario's first five events.
//
//   annals-bench [--sizes 1000,10000,100000,1000000] [--repeat 5]
#include "domain/eventtime.h"
#include "timeline/timelineindex.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelinezoom.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>

using TimeScale::Range;

namespace {

// mulberry32, in 32-bit unsigned arithmetic as JavaScript's Math.imul and >>> do it.
class Mulberry32 {
public:
    explicit Mulberry32(quint32 seed)
        : m_a(seed)
    {
    }
    double next()
    {
        m_a += 0x6D2B79F5u;
        quint32 t = m_a;
        t = (t ^ (t >> 15)) * (t | 1u);
        t ^= t + (t ^ (t >> 7)) * (t | 61u);
        return double(t ^ (t >> 14)) / 4294967296.0;
    }

private:
    quint32 m_a;
};

constexpr qint64 kT0 = 1'420'070'400'000LL; // 2015-01-01, ms
constexpr qint64 kT1 = 1'735'689'600'000LL; // 2025-01-01, ms
constexpr qint64 kDayMs = 86'400'000LL;
const QStringList kLanes{u"FR"_qs, u"DE"_qs, u"IT"_qs, u"ES"_qs, u"PL"_qs, u"SE"_qs, u"NO"_qs, u"GR"_qs};

struct Generated {
    int lane;
    bool range;
    qint64 startMs;
    qint64 endMs;
};

Generated generate(Mulberry32 &random)
{
    const double u1 = random.next();
    const double u2 = random.next();
    const double u3 = random.next();
    const double u4 = random.next();
    Generated g;
    g.startMs = kT0 + qint64(std::floor(u1 * double(kT1 - kT0)));
    g.lane = int(std::floor(u2 * 8));
    g.range = u3 < 0.2;
    g.endMs = 0;
    if (g.range) {
        const double duration = std::round(
            std::exp(std::log(double(kDayMs)) + u4 * (std::log(90.0 * kDayMs) - std::log(double(kDayMs)))));
        g.endMs = std::min(g.startMs + qint64(duration), kT1);
    }
    return g;
}

std::vector<TimelineItem> items(int count)
{
    Mulberry32 random(12345);
    std::vector<TimelineItem> result;
    result.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const Generated g = generate(random);
        TimelineItem item;
        item.id = QString::number(i);
        item.title = QStringLiteral("Event ") + QString::number(i);
        item.start = g.startMs / 1000;
        item.isRange = g.range;
        item.precision = Precision::Minute;
        item.coverEnd = (g.range ? g.endMs / 1000 : item.start) + 60;
        item.laneKeys = {kLanes[g.lane]};
        result.push_back(std::move(item));
    }
    return result;
}

bool generatorMatchesScenario(QTextStream &out)
{
    struct Expected {
        int lane;
        bool range;
        qint64 start;
        qint64 end;
    };
    static constexpr Expected kFirstFive[]
        = {{2, false, 1729291452088LL, 0}, {2, true, 1580855774390LL, 1583573704582LL}, {6, false, 1734687963341LL, 0},
            {7, false, 1701168131763LL, 0}, {2, false, 1569466488222LL, 0}};
    Mulberry32 random(12345);
    for (const Expected &e : kFirstFive) {
        const Generated g = generate(random);
        if (g.lane != e.lane || g.range != e.range || g.startMs != e.start || (e.range && g.endMs != e.end)) {
            out << "The generator does not match the scenario's first five events.\n";
            return false;
        }
    }
    return true;
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double maxOf(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return 0;
}

class Bench {
public:
    explicit Bench(const TimelineIndex &index)
        : m_index(index)
        , m_image(1600, 900, QImage::Format_ARGB32_Premultiplied)
    {
        m_options.palette.setColor(QPalette::Base, Qt::white);
        m_options.palette.setColor(QPalette::Text, Qt::black);
    }

    // Milliseconds from the request to the end of the painted frame.
    double frame(const Range &range)
    {
        QElapsedTimer timer;
        timer.start();
        const TimelineRenderer::Frame frame = m_renderer.layout(m_index, range, QRectF(m_image.rect()));
        QPainter painter(&m_image);
        m_renderer.paint(&painter, frame, m_index, m_options);
        painter.end();
        return double(timer.nsecsElapsed()) / 1e6;
    }

private:
    const TimelineIndex &m_index;
    QImage m_image;
    TimelineRenderer m_renderer;
    TimelineRenderer::Options m_options;
};

Range centred(qint64 centre, qint64 span)
{
    return {centre - span / 2, centre - span / 2 + span};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Replays the benchmark scenario and prints its figures."));
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("Event counts, comma-separated."),
        QStringLiteral("N,..."), QStringLiteral("10000,100000,1000000"));
    const QCommandLineOption repeatOption(
        QStringLiteral("repeat"), QStringLiteral("Frames per zoom level."), QStringLiteral("K"), QStringLiteral("5"));
    parser.addOption(sizesOption);
    parser.addOption(repeatOption);
    parser.process(app);

    QTextStream out(stdout);
    if (!generatorMatchesScenario(out)) {
        return 1;
    }
    out << "annals-bench on " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " cores, Qt " << qVersion() << ", software raster (QImage)\n"
        << "Times in ms: median / max. Frames are 1600x900.\n\n";
    out.flush();

    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const qint64 centre = 1'577'836'800; // 2020-01-01
    for (const QString &text : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        const int count = text.toInt();
        std::vector<TimelineItem> data = items(count);

        QElapsedTimer timer;
        timer.start();
        const TimelineIndex index(std::move(data), LaneMode::Country);
        const double buildMs = double(timer.nsecsElapsed()) / 1e6;
        TimelineZoom zoom;
        zoom.setFullRange(index.extent());
        Bench bench(index);
        const double firstMs = buildMs + bench.frame(zoom.fittedRange());
        const double rss = residentMegabytes();

        out << "N = " << QLocale().toString(count) << "\n";
        out << QStringLiteral("  index build        %1\n").arg(buildMs, 8, 'f', 1);
        out << QStringLiteral("  first render       %1   (index and first frame)\n").arg(firstMs, 8, 'f', 1);
        out << QStringLiteral("  resident memory    %1 MB\n").arg(rss, 6, 'f', 0);

        const std::pair<const char *, qint64> levels[] = {{"all", 0}, {"a year", 365 * TimeScale::kDay},
            {"a month", 30 * TimeScale::kDay}, {"a day", TimeScale::kDay}, {"an hour", 3600}, {"a minute", 60}};
        double worst = 0;
        for (const auto &[name, span] : levels) {
            const Range range = span == 0 ? zoom.fittedRange() : centred(centre, span);
            std::vector<double> times;
            for (int k = 0; k < repeat; ++k) {
                times.push_back(bench.frame(range));
            }
            worst = std::max(worst, maxOf(times));
            out << QStringLiteral("  frame, %1 %2 / %3\n")
                       .arg(QString::fromLatin1(name).leftJustified(11))
                       .arg(medianOf(times), 8, 'f', 2)
                       .arg(maxOf(times), 8, 'f', 2);
        }

        // The scenario's zoom: eight halvings from ten years around 2020-01-01, then eight doublings back.
        std::vector<double> zoomTimes;
        Range range = centred(centre, zoom.fittedRange().span());
        for (int step = 0; step < 16; ++step) {
            range = TimeScale::zoomAt(range, centre, step < 8 ? 0.5 : 2.0);
            zoomTimes.push_back(bench.frame(range));
        }
        // And the pan: a one-year window, ten steps right by a tenth, ten back.
        std::vector<double> panTimes;
        range = centred(centre, 365 * TimeScale::kDay);
        for (int step = 0; step < 20; ++step) {
            range = TimeScale::pan(range, (step < 10 ? 1 : -1) * range.span() / 10);
            panTimes.push_back(bench.frame(range));
        }
        worst = std::max({worst, maxOf(zoomTimes), maxOf(panTimes)});
        out << QStringLiteral("  zoom step          %1 / %2\n")
                   .arg(medianOf(zoomTimes), 8, 'f', 2)
                   .arg(maxOf(zoomTimes), 8, 'f', 2);
        out << QStringLiteral("  pan step           %1 / %2\n")
                   .arg(medianOf(panTimes), 8, 'f', 2)
                   .arg(maxOf(panTimes), 8, 'f', 2);
        out << QStringLiteral("  slowest frame      %1\n\n").arg(worst, 8, 'f', 2);
        out.flush();
    }
    return 0;
}
