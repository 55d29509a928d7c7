// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/seed.h"
#include "storage/eventstore.h"
#include "timeline/lanepalette.h"
#include "timeline/timelineexporter.h"
#include "timeline/timelineindex.h"
#include "workingset/filterengine.h"
#include "timeline/timelinerenderer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using TimeScale::Range;

namespace {

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

// Events with titles of many lengths, some ranges, in three lanes; the same every run.
TimelineIndex syntheticIndex(int count, const Range &span, quint32 seed = 7)
{
    QRandomGenerator random(seed);
    std::vector<TimelineItem> items;
    const QStringList lanes{u"FR"_qs, u"DE"_qs, u"IT"_qs};
    for (int i = 0; i < count; ++i) {
        TimelineItem item;
        item.id = QString::number(i);
        item.title = QStringLiteral("Event %1 ").arg(i) + QString(int(random.bounded(40)), u'x');
        item.start = span.start + qint64(random.bounded(double(span.span())));
        item.isRange = random.bounded(5) == 0;
        item.coverEnd = item.start + (item.isRange ? qint64(random.bounded(30 * 86'400)) + 86'400 : 86'400);
        item.laneKeys = {lanes[int(random.bounded(3))]};
        if (random.bounded(10) == 0) {
            item.laneKeys << lanes[(lanes.indexOf(item.laneKeys.first()) + 1) % 3];
        }
        items.push_back(item);
    }
    return TimelineIndex(std::move(items), LaneMode::Country);
}

} // namespace

Q_DECLARE_METATYPE(TimeScale::Range)

class tst_TimelineRenderer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void seedMarkSitsWhereTheTimeScaleSays();
    void labelsNeverOverlap_data();
    void labelsNeverOverlap();
    void clusterCountsAddUp_data();
    void clusterCountsAddUp();
    void crowdedLaneDrawsDensity();
    void darkThemeAndToday();
    void vagueDatesLookDifferent();
    void chineseAndKoreanTitlesHaveGlyphs();
    void exportPng();
    void exportSvgKeepsTextAsText();
    void exportPdfHasOnePage();
    void exportRefusesBadNames();

private:
    // Lays out and paints the seed into the whole image.
    TimelineRenderer::Frame renderSeed(
        QImage &image, const Range &range, const TimelineRenderer::Options &options) const;

    std::unique_ptr<EventStore> m_store;
    std::shared_ptr<const TimelineIndex> m_seed;
    QTemporaryDir m_dir;
};

void tst_TimelineRenderer::initTestCase()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY(m_store->open());
    QVERIFY(m_store->write(Seed::events()));
    m_seed = FilterEngine::evaluate(*m_store, {{}, LaneMode::Country, {}})->sharedIndex();
}

TimelineRenderer::Frame tst_TimelineRenderer::renderSeed(
    QImage &image, const Range &range, const TimelineRenderer::Options &options) const
{
    const TimelineRenderer renderer;
    QPainter painter(&image);
    const TimelineRenderer::Frame frame = renderer.layout(*m_seed, range, QRectF(image.rect()));
    renderer.paint(&painter, frame, *m_seed, options);
    return frame;
}

void tst_TimelineRenderer::seedMarkSitsWhereTheTimeScaleSays()
{
    // Four days around 21 March: the talks of that day stand alone in the Russia and China lanes.
    const Range range{at("2023-03-19"), at("2023-03-23")};
    QImage image(1600, 900, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderer::Options options;
    options.palette = lightPalette();
    const TimelineRenderer::Frame frame = renderSeed(image, range, options);
    image.save(QStringLiteral("seed-march-21.png"));

    const quint32 talks = *m_seed->itemById(u"seed-2023-03-21-putin-xi-talks"_qs);
    // A day-precision instant sits in the middle of its day.
    const double predicted = frame.plot.left() + TimeScale::timeToX(at("2023-03-21T12:00Z"), range, frame.plot.width());
    QStringList lanes;
    for (const TimelineRenderer::Mark &mark : frame.marks) {
        if (mark.item != talks) {
            continue;
        }
        const auto &lane = m_seed->lanes()[size_t(mark.lane)];
        lanes << lane.key;
        QVERIFY2(
            std::abs(mark.shape.center().x() - predicted) < 1, qPrintable(QString::number(mark.shape.center().x())));
        QVERIFY(frame.lanes[mark.lane].rect.contains(mark.shape.center()));
        // And the pixel there wears the lane's colour.
        const QColor pixel = image.pixelColor(mark.shape.center().toPoint());
        const QColor expected = LanePalette::colour(lane.colourSlot);
        QVERIFY2(std::abs(pixel.red() - expected.red()) + std::abs(pixel.green() - expected.green())
                    + std::abs(pixel.blue() - expected.blue())
                < 30,
            qPrintable(pixel.name() + u" vs "_qs + expected.name()));
        QVERIFY(!mark.label.isEmpty());
    }
    lanes.sort();
    QCOMPARE(lanes, (QStringList{u"CN"_qs, u"RU"_qs}));
    // The event of two countries is joined across its lanes.
    QVERIFY(!frame.connectors.isEmpty());
}

void tst_TimelineRenderer::labelsNeverOverlap_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<int>("width");
    const Range year{at("2023"), at("2024")};
    QTest::newRow("a year, 1600") << year << 1600;
    QTest::newRow("a quarter, 600") << Range{at("2023-04"), at("2023-07")} << 600;
    QTest::newRow("a quarter") << Range{at("2023-04"), at("2023-07")} << 1600;
    QTest::newRow("a month") << Range{at("2023-06"), at("2023-07")} << 1200;
    QTest::newRow("a week") << Range{at("2023-06-05"), at("2023-06-12")} << 1600;
    QTest::newRow("a day") << Range{at("2023-06-07"), at("2023-06-08")} << 900;
}

void tst_TimelineRenderer::labelsNeverOverlap()
{
    QFETCH(Range, range);
    QFETCH(int, width);
    const TimelineIndex index = syntheticIndex(600, {at("2023"), at("2024")});
    const TimelineRenderer renderer;
    const TimelineRenderer::Frame frame = renderer.layout(index, range, QRectF(0, 0, width, 700));
    int labels = 0;
    for (qsizetype i = 0; i < frame.marks.size(); ++i) {
        const QRectF a = frame.marks[i].labelRect;
        if (a.isEmpty()) {
            continue;
        }
        ++labels;
        QVERIFY2(a.left() >= frame.plot.left() - 1e-6 && a.right() <= frame.plot.right() + 1e-6,
            qPrintable(frame.marks[i].label));
        for (qsizetype j = i + 1; j < frame.marks.size(); ++j) {
            QVERIFY2(!a.intersects(frame.marks[j].labelRect),
                qPrintable(frame.marks[i].label + u" / "_qs + frame.marks[j].label));
        }
        for (const TimelineRenderer::Cluster &cluster : frame.clusters) {
            QVERIFY(!a.intersects(cluster.rect));
        }
    }
    QVERIFY(labels > 0);
}

void tst_TimelineRenderer::clusterCountsAddUp_data()
{
    QTest::addColumn<Range>("range");
    QTest::newRow("a year") << Range{at("2023"), at("2024")};
    QTest::newRow("a quarter") << Range{at("2023-04"), at("2023-07")};
    QTest::newRow("a week") << Range{at("2023-06-05"), at("2023-06-12")};
    QTest::newRow("beyond the data") << Range{at("2030"), at("2031")};
}

void tst_TimelineRenderer::clusterCountsAddUp()
{
    QFETCH(Range, range);
    const TimelineIndex index = syntheticIndex(1200, {at("2023"), at("2024")});
    const TimelineRenderer::Frame frame = TimelineRenderer().layout(index, range, QRectF(0, 0, 1600, 900));
    QVERIFY(frame.densities.isEmpty());
    for (const TimelineRenderer::LaneBox &box : frame.lanes) {
        const auto &lane = index.lanes()[size_t(box.lane)];
        size_t expected = 0;
        for (size_t i = 0; i < lane.starts.size(); ++i) {
            expected += lane.coverEnds[i] > range.start && lane.starts[i] < range.end ? 1 : 0;
        }
        size_t shown = 0;
        for (const TimelineRenderer::Mark &mark : frame.marks) {
            shown += mark.lane == box.lane ? 1 : 0;
        }
        for (const TimelineRenderer::Cluster &cluster : frame.clusters) {
            shown += cluster.lane == box.lane ? size_t(cluster.count) : 0;
            QVERIFY(cluster.count >= (cluster.overflow ? 1 : 2));
        }
        QCOMPARE(shown, expected);
    }
}

void tst_TimelineRenderer::crowdedLaneDrawsDensity()
{
    const Range year{at("2023"), at("2024")};
    const TimelineIndex index = syntheticIndex(30'000, year);
    const TimelineRenderer::Frame frame = TimelineRenderer().layout(index, year, QRectF(0, 0, 1600, 900));
    QVERIFY(frame.marks.isEmpty());
    QCOMPARE(frame.densities.size(), qsizetype(index.lanes().size()));
    for (const TimelineRenderer::Density &density : frame.densities) {
        quint64 sum = 0;
        for (const quint32 count : density.counts) {
            sum += count;
        }
        QCOMPARE(sum, quint64(TimelineIndex::countStarting(index.lanes()[size_t(density.lane)], year.start, year.end)));
    }
}

void tst_TimelineRenderer::darkThemeAndToday()
{
    QImage image(1200, 600, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderer::Options options;
    options.palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    options.palette.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    options.dark = true;
    options.now = at("2023-03-22T06:00Z");
    const TimelineRenderer::Frame frame = renderSeed(image, {at("2023-03-19"), at("2023-03-23")}, options);
    image.save(QStringLiteral("dark.png"));
    // The background follows the palette, and lane colours are lifted to stay legible on it.
    QVERIFY(image.pixelColor(int(frame.plot.right()) - 2, int(frame.plot.bottom()) - 2).lightnessF() < 0.2f);
    QVERIFY(LanePalette::colour(0, true).lightnessF() > LanePalette::colour(0).lightnessF());
    // Today's line is red and sits where the scale puts it.
    const int x = int(std::round(frame.timeToX(*options.now)));
    const QColor today = image.pixelColor(x, int(frame.plot.bottom()) - 3);
    QVERIFY2(today.red() > 200 && today.green() < 160, qPrintable(today.name()));
}

void tst_TimelineRenderer::vagueDatesLookDifferent()
{
    // Two instants and two ranges in one lane, one of each known and one "c.": the known instant is a filled dot,
    // the approximate one an open ring; the known bar is solid to its ends, the approximate one fades there.
    std::vector<TimelineItem> items;
    const auto add = [&](const char *id, const char *start, const char *end, quint8 qualifiers) {
        TimelineItem item;
        item.id = QString::fromLatin1(id);
        item.title = item.id;
        item.start = at(start);
        item.isRange = end != nullptr;
        item.coverEnd = end ? at(end) : item.start + 60;
        item.precision = Precision::Minute;
        item.qualifiers = qualifiers;
        item.laneKeys = {u"FR"_qs};
        items.push_back(item);
    };
    add("known", "2023-03-10T12:00Z", nullptr, 0);
    add("circa", "2023-03-14T12:00Z", nullptr, EventTime::Approximate);
    add("known bar", "2023-03-17", "2023-03-21", 0);
    add("circa bar", "2023-03-23", "2023-03-27", EventTime::Approximate);
    const TimelineIndex index(std::move(items), LaneMode::Country);
    QImage image(1200, 400, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderer::Options options;
    options.palette = lightPalette();
    const TimelineRenderer renderer;
    QPainter painter(&image);
    const TimelineRenderer::Frame frame
        = renderer.layout(index, {at("2023-03-08"), at("2023-03-29")}, QRectF(image.rect()));
    renderer.paint(&painter, frame, index, options);
    painter.end();
    image.save(QStringLiteral("vague-dates.png"));
    const QColor lane = LanePalette::colour(index.lanes().front().colourSlot);
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
    };
    QHash<QString, TimelineRenderer::Mark> marks;
    for (const TimelineRenderer::Mark &mark : frame.marks) {
        marks.insert(index.id(mark.item), mark);
    }
    QCOMPARE(marks.size(), 4);
    QVERIFY(distance(image.pixelColor(marks[u"known"_qs].shape.center().toPoint()), lane) < 30);
    const QColor ring = image.pixelColor(marks[u"circa"_qs].shape.center().toPoint());
    QVERIFY2(distance(ring, lane) > 150, qPrintable(ring.name())); // open in the middle
    const auto end = [&](const QString &id) {
        const QRectF bar = marks[id].shape;
        return image.pixelColor(QPoint(int(bar.left()) + 1, int(bar.center().y())));
    };
    QVERIFY(distance(end(u"known bar"_qs), lane) < 30);
    QVERIFY2(distance(end(u"circa bar"_qs), lane) > 150, qPrintable(end(u"circa bar"_qs).name())); // faded
    // The middle of the faded bar still wears the lane's colour.
    const QRectF bar = marks[u"circa bar"_qs].shape;
    QVERIFY(distance(image.pixelColor(bar.center().toPoint() + QPoint(0, 2)), lane) < 60);
    // A tooltip's time says so too.
    QCOMPARE(index.time(*index.itemById(u"circa"_qs)).toDisplayString(QLocale(QLocale::English)),
        u"c. 14 March 2023, 12:00 UTC"_qs);
    // An exported image says what the rings and fading ends mean; the seed's, all of whose dates are known, does not.
    const auto subtitleOf = [&](const TimelineIndex &of, const QString &name) {
        TimelineExporter::Options exported;
        exported.range = {at("2023-03-08"), at("2023-03-29")};
        const QString path = m_dir.filePath(name);
        QString error;
        if (!TimelineExporter::write(path, of, exported, &error)) {
            return error;
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : file.errorString();
    };
    const QString meaning = u"open rings and fading ends: approximate or uncertain dates"_qs;
    QVERIFY(subtitleOf(index, u"vague.svg"_qs).contains(meaning));
    QVERIFY(!subtitleOf(*m_seed, u"known.svg"_qs).contains(meaning));
}

void tst_TimelineRenderer::chineseAndKoreanTitlesHaveGlyphs()
{
    // Without a CJK font (fonts-noto-cjk, which the set-up installs and the package recommends), every Chinese and
    // Korean character is drawn as the same empty box: three characters drawn alike would be boxes.
    QStringList drawn;
    for (const QString &character : {u"中"_qs, u"国"_qs, u"한"_qs}) {
        QImage image(40, 40, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        QFont font = TimelineRenderer().font();
        font.setPixelSize(28);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(image.rect(), Qt::AlignCenter, character);
        painter.end();
        QByteArray bytes(reinterpret_cast<const char *>(image.constBits()), image.sizeInBytes());
        drawn << QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
        int ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                ink += image.pixelColor(x, y).lightness() < 128 ? 1 : 0;
            }
        }
        QVERIFY2(ink > 20, qPrintable(character));
    }
    drawn.removeDuplicates();
    QCOMPARE(drawn.size(), 3);
}

void tst_TimelineRenderer::exportPng()
{
    TimelineExporter::Options options;
    options.size = QSize(1000, 600);
    options.scale = 2;
    options.range = {at("2023-03-17"), at("2023-05-26")};
    options.title = QStringLiteral("China, Russia and the SCO");
    options.filters = {QStringLiteral("Countries: Russian Federation")};
    const QString path = m_dir.filePath(QStringLiteral("seed.png"));
    QString error;
    QVERIFY2(TimelineExporter::write(path, *m_seed, options, &error), qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), QSize(2000, 1200));
    QFile::remove(QStringLiteral("export.png")); // kept beside the test for a person to look at
    QVERIFY(QFile::copy(path, QStringLiteral("export.png")));
}

void tst_TimelineRenderer::exportSvgKeepsTextAsText()
{
    TimelineExporter::Options options;
    options.range = {at("2023-03-19"), at("2023-03-24")};
    options.title = QStringLiteral("Xi in Moscow");
    const QString path = m_dir.filePath(QStringLiteral("seed.svg"));
    QString error;
    QVERIFY2(TimelineExporter::write(path, *m_seed, options, &error), qPrintable(error));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    for (const char *title : {"Xi in Moscow", "state visit to Moscow", "Putin and Xi hold talks in Moscow",
             "Putin and Xi sign two joint statements", "March 2023"}) {
        QVERIFY2(svg.contains(QLatin1String(title)), title);
    }
    QVERIFY(svg.contains(QStringLiteral("<text")));
}

void tst_TimelineRenderer::exportPdfHasOnePage()
{
    TimelineExporter::Options options;
    options.range = {at("2023-03-17"), at("2023-05-26")};
    const QString path = m_dir.filePath(QStringLiteral("seed.pdf"));
    QString error;
    QVERIFY2(TimelineExporter::write(path, *m_seed, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    const QRegularExpression page(QStringLiteral("/Type\\s*/Page\\b(?!s)"));
    QCOMPARE(QString::fromLatin1(pdf).count(page), 1);
    // Fitted to the image: 1600×900 pixels at 96 dpi are 1200×675 points.
    QVERIFY(pdf.contains("/MediaBox [0 0 1200.000000 675.000000]"));
}

void tst_TimelineRenderer::exportRefusesBadNames()
{
    TimelineExporter::Options options;
    options.range = {at("2023-03-17"), at("2023-05-26")};
    QString error;
    QVERIFY(!TimelineExporter::write(m_dir.filePath(QStringLiteral("seed.gif")), *m_seed, options, &error));
    QVERIFY2(error.endsWith(QStringLiteral("seed.gif: the name must end in .png, .svg or .pdf")), qPrintable(error));
    QVERIFY(!TimelineExporter::write(QStringLiteral("/nonexistent/dir/seed.png"), *m_seed, options, &error));
    QVERIFY(error.startsWith(QStringLiteral("/nonexistent/dir/seed.png: ")));
    QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/dir/seed.png")));
}

QTEST_MAIN(tst_TimelineRenderer)
#include "tst_timelinerenderer.moc"
