// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline on dense data, as GDELT and ACLED give it: crowds of one day that open as a list, lanes that scroll
// and collapse, colours that never stand for two lanes, zooms that keep the selection in view.
#include "domain/displayzone.h"
#include "filterpanel.h"
#include "io/seed.h"
#include "mainwindow.h"
#include "models/eventlistmodel.h"
#include "storage/eventstore.h"
#include "timeline/clusterpopup.h"
#include "timeline/lanepalette.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using TimeScale::Range;

namespace {

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

TimelineItem dayEvent(const QString &id, const char *day, const QString &country)
{
    TimelineItem item;
    item.id = id;
    item.title = QStringLiteral("Event %1").arg(id);
    item.start = at(day);
    item.coverEnd = item.start + TimeScale::kDay;
    item.precision = Precision::Day;
    item.laneKeys = {country};
    return item;
}

// `lanes` lanes of countries "A0", "A1", …, lane i holding lanes - i events over May 2023, one a day.
std::vector<TimelineItem> manyLanes(int lanes)
{
    std::vector<TimelineItem> items;
    for (int lane = 0; lane < lanes; ++lane) {
        for (int i = 0; i < lanes - lane; ++i) {
            TimelineItem item = dayEvent(QStringLiteral("%1-%2").arg(lane).arg(i), "2023-05-01", QString());
            item.start += qint64(i % 28) * TimeScale::kDay;
            item.coverEnd = item.start + TimeScale::kDay;
            item.laneKeys = {QStringLiteral("A%1").arg(lane)};
            items.push_back(item);
        }
    }
    return items;
}

void wheel(QWidget *widget, const QPointF &at, int notches, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, modifiers,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

Event makeEvent(const QString &title, const char *start, const QString &country)
{
    Event e;
    e.id = title;
    e.title = title;
    const TimePoint point = *TimePoint::parse(QString::fromLatin1(start));
    e.time = EventTime(point.seconds, point.precision);
    e.countries = {country};
    return e;
}

std::unique_ptr<MainWindow> window(const QList<Event> &events)
{
    auto store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    if (!store->open() || !store->write(events)) {
        qFatal("%s", qUtf8Printable(store->errorString()));
    }
    auto window = std::make_unique<MainWindow>(std::move(store));
    window->show();
    return window;
}

// Waits until the window shows the result of everything asked of it.
bool settle(MainWindow *window)
{
    QElapsedTimer timer;
    timer.start();
    while (window->isBusy() && timer.elapsed() < 20000) {
        QTest::qWait(5);
    }
    return !window->isBusy();
}

QAction *actionWith(QWidget *window, const QKeySequence &keys)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut() == keys) {
            return action;
        }
    }
    return nullptr;
}

} // namespace

class tst_DenseTimeline : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sameDayCrowdOpensAsAList();
    void crowdThatZoomingSplitsStillZooms();
    void aShortLaneCountsWhatItCannotShowBesideItsName();
    void aHeaderHasRoomForItsCount();
    void everyLaneIsReachable();
    void lanesCollapseAndTakeAnOrder();
    void plusAndMinusKeepTheSelectionInView();
    void doubleClickFramesTheEventsOwnPeriod_data();
    void doubleClickFramesTheEventsOwnPeriod();
    void coloursNeverStandForTwoLanes();
    // In the window.
    void doubleClickOnAYearEventInTheWindow();
    void aDateFilterBringsItsEventsIntoView();
    void theWheelNeverChangesTheDateBox();
    void findScrollsTheSearchBoxIntoView();
    void tabMovesOnWithoutChangingTheSelection();
    void theFirstWindowFitsTheScreen();
    void showInTableNarrowsTheFilter();
    void theTimeZoneIsKeptPerTimeline();

private:
    void show(std::vector<TimelineItem> items, const Range &visible);

    QTemporaryDir m_settings;
    std::unique_ptr<TimelineIndex> m_index;
    std::unique_ptr<TimelineZoom> m_zoom;
    std::unique_ptr<TimelineView> m_view;
};

void tst_DenseTimeline::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("annals-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_densetimeline"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void tst_DenseTimeline::init()
{
    QSettings().clear();
    m_zoom = std::make_unique<TimelineZoom>();
    m_view = std::make_unique<TimelineView>(m_zoom.get());
    m_view->resize(1200, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_DenseTimeline::cleanup()
{
    m_view.reset();
    m_zoom.reset();
    m_index.reset();
}

void tst_DenseTimeline::show(std::vector<TimelineItem> items, const Range &visible)
{
    m_view->setIndex(nullptr);
    m_index = std::make_unique<TimelineIndex>(std::move(items), LaneMode::Country);
    m_view->setIndex(m_index.get());
    m_zoom->setFullRange(m_index->extent());
    m_zoom->setVisibleRange(visible);
}

void tst_DenseTimeline::sameDayCrowdOpensAsAList()
{
    // 143 events of one day in one country, as in the GDELT export: no zoom can tell them apart.
    std::vector<TimelineItem> items;
    for (int i = 0; i < 143; ++i) {
        items.push_back(dayEvent(QStringLiteral("gb-%1").arg(i, 3, 10, QLatin1Char('0')), "2019-10-24", u"GB"_qs));
    }
    items.push_back(dayEvent(u"fr-0"_qs, "2019-10-20", u"FR"_qs));
    show(std::move(items), {at("2019-10-01"), at("2019-11-01")});

    const auto clusters = m_view->frame().clusters;
    const auto crowd
        = std::find_if(clusters.begin(), clusters.end(), [](const auto &c) { return c.items.size() == 143; });
    QVERIFY(crowd != clusters.end());
    QVERIFY(crowd->needsList());
    // Its first events stand above it, each with its label, and the cluster counts the rest: "+N".
    QVERIFY(crowd->remainder);
    int labelled = 0;
    for (const auto &mark : m_view->frame().marks) {
        if (m_index->id(mark.item).startsWith(u"gb-"_qs)) {
            QVERIFY(!mark.label.isEmpty());
            ++labelled;
        }
    }
    QVERIFY(labelled >= 1);
    QCOMPARE(crowd->count + labelled, 143);
    const Range before = m_zoom->visibleRange();
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, crowd->rect.center().toPoint());
    QCOMPARE(m_zoom->visibleRange(), before); // no zoom to a minute
    ClusterPopup *popup = m_view->clusterPopup();
    QVERIFY(popup);
    QVERIFY(popup->isVisible());
    QListWidget *list = popup->list();
    QCOMPARE(list->count(), 143);
    // In time order (here: by id, as all start together), each with its title and date, and nothing chosen yet.
    QVERIFY(list->item(0)->text().startsWith(u"Event gb-000"_qs));
    QVERIFY(list->item(0)->text().contains(u"24 October 2019"_qs));
    QVERIFY(list->selectedItems().isEmpty());

    // Choosing a row selects its event; the keyboard walks the list.
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
    list->setCurrentRow(5);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().first().toString(), u"gb-005"_qs);
    QCOMPARE(m_view->selectedId(), u"gb-005"_qs);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(m_view->selectedId(), u"gb-006"_qs);

    // "Show in Table" narrows the filter to the lane and the day.
    QSignalSpy narrow(m_view.get(), &TimelineView::narrowRequested);
    QPushButton *button = popup->findChild<QPushButton *>();
    QVERIFY(button);
    button->click();
    QCOMPARE(narrow.count(), 1);
    QCOMPARE(narrow.first()[0].toString(), u"GB"_qs);
    QCOMPARE(narrow.first()[1].toLongLong(), at("2019-10-24"));
    QVERIFY(narrow.first()[2].toLongLong() < at("2019-10-25"));
    QTRY_VERIFY(!m_view->clusterPopup());
}

void tst_DenseTimeline::crowdThatZoomingSplitsStillZooms()
{
    // Forty statements an hour and a half apart: zooming spreads them, so a click zooms.
    std::vector<TimelineItem> items;
    for (int i = 0; i < 40; ++i) {
        TimelineItem item = dayEvent(QString::number(i), "2023-05-10", u"FR"_qs);
        item.start += i * 90;
        item.coverEnd = item.start + 60;
        item.precision = Precision::Minute;
        items.push_back(item);
    }
    show(std::move(items), {at("2023-05-01"), at("2023-06-01")});
    QCOMPARE(m_view->frame().clusters.size(), 1);
    const TimelineRenderer::Cluster cluster = m_view->frame().clusters.first();
    QVERIFY(!cluster.needsList());
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, cluster.rect.center().toPoint());
    QVERIFY(!m_view->clusterPopup());
    QVERIFY(m_zoom->visibleRange().span() < 4 * TimeScale::kDay);
}

void tst_DenseTimeline::aShortLaneCountsWhatItCannotShowBesideItsName()
{
    // Thirty lanes leave each two rows; in the first, six weeks overlap one another, so four find no row.
    std::vector<TimelineItem> items = manyLanes(30);
    for (int i = 0; i < 6; ++i) {
        TimelineItem week = dayEvent(QStringLiteral("week-%1").arg(i), "2023-05-02", u"A0"_qs);
        week.start += i * 3600;
        week.coverEnd = week.start + 7 * TimeScale::kDay;
        week.isRange = true;
        items.push_back(week);
    }
    show(std::move(items), {at("2023-05-01"), at("2023-06-01")});
    const TimelineRenderer::Frame &frame = m_view->frame();
    const auto overflow = std::find_if(
        frame.clusters.begin(), frame.clusters.end(), [](const auto &cluster) { return cluster.overflow; });
    QVERIFY(overflow != frame.clusters.end());
    const auto box
        = std::find_if(frame.lanes.begin(), frame.lanes.end(), [&](const auto &b) { return b.lane == overflow->lane; });
    QVERIFY(box != frame.lanes.end());
    QVERIFY(!box->collapsed);
    // In the header, below the line of the lane's name (never over it), and in the place of its count of events.
    QVERIFY(box->header.contains(overflow->rect));
    QVERIFY(overflow->rect.top() >= box->header.top() + m_view->renderer().rowHeight());
    QVERIFY(box->countGivesWay);
    QVERIFY(overflow->count >= 4);
}

void tst_DenseTimeline::aHeaderHasRoomForItsCount()
{
    // A short name over a long count ("A0" over "123,456 events"): the header is sized for the longer line.
    std::vector<TimelineItem> items;
    for (int i = 0; i < 123456; ++i) {
        items.push_back(dayEvent(QString::number(i), "2023-05-01", u"A0"_qs));
        items.back().start += qint64(i % 28) * TimeScale::kDay;
    }
    show(std::move(items), {at("2023-05-01"), at("2023-06-01")});
    const TimelineRenderer::Frame &frame = m_view->frame();
    QCOMPARE(frame.lanes.size(), 1);
    const QString count = QLocale().toString(123456) + u" events"_qs;
    const double countWidth = QFontMetricsF(m_view->renderer().font()).horizontalAdvance(count);
    // Its text starts 12 px in and keeps clear of the disclosure triangle on the right.
    QVERIFY2(frame.headerWidth - 12 - 18 >= countWidth,
        qPrintable(u"%1 px for %2 px of text"_qs.arg(frame.headerWidth - 30).arg(countWidth)));
}

void tst_DenseTimeline::everyLaneIsReachable()
{
    show(manyLanes(40), {at("2023-04-25"), at("2023-06-05")});
    const TimelineRenderer::Frame &first = m_view->frame();
    QVERIFY(first.lanes.size() < 40);
    QVERIFY(first.maxFirstLane > 0);
    QVERIFY(m_view->laneScrollBar()->isVisible());
    QCOMPARE(m_view->laneScrollBar()->maximum(), first.maxFirstLane);
    // Lanes stop short of the scroll bar.
    QVERIFY(first.bounds.right() <= m_view->laneScrollBar()->x());

    // The wheel over the lane names scrolls a lane a notch; over the plot it zooms and leaves the lanes.
    const double headerX = first.headerWidth / 2;
    const double laneY = first.plot.top() + 30;
    wheel(m_view.get(), QPointF(headerX, laneY), -1);
    QCOMPARE(m_view->firstLane(), 1);
    const qint64 span = m_zoom->visibleRange().span();
    wheel(m_view.get(), QPointF(first.plot.center().x(), laneY), 1);
    QVERIFY(m_zoom->visibleRange().span() < span);
    QCOMPARE(m_view->firstLane(), 1);
    // Shift+wheel scrolls anywhere.
    wheel(m_view.get(), QPointF(600, laneY), -2, Qt::ShiftModifier);
    QCOMPARE(m_view->firstLane(), 3);
    wheel(m_view.get(), QPointF(600, laneY), 5, Qt::ShiftModifier);
    QCOMPARE(m_view->firstLane(), 0);

    // Page Down by the lanes shown; the scroll bar follows, and moving it scrolls.
    const int page = int(m_view->frame().lanes.size());
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(m_view->firstLane(), page);
    QCOMPARE(m_view->laneScrollBar()->value(), page);
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(m_view->firstLane(), 0);
    m_view->laneScrollBar()->setValue(m_view->laneScrollBar()->maximum());
    QCOMPARE(m_view->firstLane(), m_view->frame().maxFirstLane);

    // Walking the scroll range shows every lane once at least, and the last lane at the end.
    QSet<QString> seen;
    for (int place = 0; place <= m_view->frame().maxFirstLane; ++place) {
        m_view->setFirstLane(place);
        for (const TimelineRenderer::LaneBox &box : m_view->frame().lanes) {
            seen.insert(m_index->lanes()[size_t(box.lane)].key);
        }
    }
    QCOMPARE(seen.size(), 40);
    QCOMPARE(m_index->lanes()[size_t(m_view->frame().lanes.last().lane)].key, u"A39"_qs);
    QVERIFY(m_view->frame().lanes.last().rect.bottom() <= m_view->frame().plot.bottom() + 0.5);
}

void tst_DenseTimeline::lanesCollapseAndTakeAnOrder()
{
    show(manyLanes(40), {at("2023-04-25"), at("2023-06-05")});
    const TimelineRenderer::Frame before = m_view->frame();
    const TimelineRenderer::LaneBox top = before.lanes.first();
    QCOMPARE(m_index->lanes()[size_t(top.lane)].key, u"A0"_qs); // most events first
    QVERIFY(!top.collapsed);

    // A click on the header collapses the lane to a thin density row; another opens it.
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, top.header.center().toPoint());
    TimelineRenderer::LaneBox thin = m_view->frame().lanes.first();
    QVERIFY(thin.collapsed);
    QVERIFY(thin.rect.height() < top.rect.height() / 1.5);
    QVERIFY(std::any_of(m_view->frame().densities.begin(), m_view->frame().densities.end(),
        [&](const auto &density) { return density.lane == thin.lane; }));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, thin.header.center().toPoint());
    QVERIFY(!m_view->frame().lanes.first().collapsed);

    // Collapse all: thin rows, and many more of them in view.
    m_view->setAllCollapsed(true);
    QVERIFY(m_view->frame().lanes.size() > 2 * before.lanes.size());
    for (const auto &box : m_view->frame().lanes) {
        QVERIFY(box.collapsed);
    }
    // Opening one lane out of "collapse all" leaves the others collapsed.
    m_view->toggleCollapsed(u"A1"_qs);
    int open = 0;
    for (const auto &box : m_view->frame().lanes) {
        open += box.collapsed ? 0 : 1;
    }
    QCOMPARE(open, 1);
    m_view->setAllCollapsed(false);

    // By name: A0, A1, A10, A11, … in the locale's order.
    m_view->setLaneOrder(TimelineView::LaneOrder::Name);
    QStringList shown;
    for (const auto &box : m_view->frame().lanes) {
        shown << m_index->lanes()[size_t(box.lane)].label;
    }
    QStringList sorted = shown;
    std::sort(
        sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    QCOMPARE(shown, sorted);
    QCOMPARE(shown.value(1), u"A1"_qs);
    QCOMPARE(shown.value(2), u"A10"_qs);
}

void tst_DenseTimeline::plusAndMinusKeepTheSelectionInView()
{
    std::vector<TimelineItem> items;
    for (int day = 1; day <= 28; ++day) {
        items.push_back(dayEvent(QString::number(day), "2023-05-01", u"FR"_qs));
        items.back().start += (day - 1) * TimeScale::kDay;
        items.back().coverEnd = items.back().start + TimeScale::kDay;
    }
    show(std::move(items), {at("2023-05-01"), at("2023-05-29")});
    // Day 25, far right of the centre: zooming about the centre would push it out.
    m_view->setSelectedId(u"25"_qs);
    const qint64 selected = at("2023-05-25T12:00Z");
    const double xBefore = m_view->frame().timeToX(selected);
    for (int i = 0; i < 3; ++i) {
        QTest::keyClick(m_view.get(), Qt::Key_Plus);
    }
    QVERIFY(m_zoom->visibleRange().span() < 5 * TimeScale::kDay);
    QVERIFY(m_zoom->visibleRange().contains(selected));
    QVERIFY(std::abs(m_view->frame().timeToX(selected) - xBefore) < 2);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QVERIFY(m_zoom->visibleRange().contains(selected));
    // With nothing selected, about the centre.
    m_view->setSelectedId({});
    const qint64 centre = m_zoom->visibleRange().start + m_zoom->visibleRange().span() / 2;
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QVERIFY(std::abs(m_zoom->visibleRange().start + m_zoom->visibleRange().span() / 2 - centre) < 60);
}

void tst_DenseTimeline::doubleClickFramesTheEventsOwnPeriod_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("precision");
    QTest::addColumn<qint64>("covers");
    QTest::newRow("year 61") << u"61"_qs << int(Precision::Year) << qint64(365 * TimeScale::kDay);
    QTest::newRow("490 BC") << u"490 BC"_qs << int(Precision::Year) << qint64(365 * TimeScale::kDay);
    QTest::newRow("a month") << u"1381-06"_qs << int(Precision::Month) << qint64(30 * TimeScale::kDay);
    QTest::newRow("a day") << u"2019-10-24"_qs << int(Precision::Day) << qint64(TimeScale::kDay);
}

void tst_DenseTimeline::doubleClickFramesTheEventsOwnPeriod()
{
    QFETCH(QString, start);
    QFETCH(int, precision);
    QFETCH(qint64, covers);
    // An event of its period among others across two thousand years.
    const TimePoint point = *TimePoint::parse(start);
    TimelineItem item = dayEvent(u"it"_qs, "2000-01-01", u"GB"_qs);
    item.start = point.seconds;
    item.precision = Precision(precision);
    item.coverEnd = TimePoint::periodEnd(point.seconds, item.precision);
    std::vector<TimelineItem> items{item, dayEvent(u"late"_qs, "2023-05-01", u"GB"_qs)};
    TimelineItem early = dayEvent(u"early"_qs, "2000-01-01", u"GB"_qs);
    early.start = TimePoint::parse(u"600 BC"_qs)->seconds;
    early.coverEnd = early.start + TimeScale::kDay;
    items.push_back(early);
    show(std::move(items), {});
    m_zoom->fit();
    m_view->setSelectedId(u"it"_qs);
    QVERIFY(m_view->zoomToSelection());
    const Range framed = m_zoom->visibleRange();
    QVERIFY(framed.contains(item.start));
    QVERIFY(framed.contains(item.coverEnd - 1));
    // The event fills about a third of the view: its own period, not centuries.
    QVERIFY2(framed.span() <= 4 * covers && framed.span() >= 2 * covers, qPrintable(QString::number(framed.span())));
}

void tst_DenseTimeline::coloursNeverStandForTwoLanes()
{
    // Fifty lanes of different sizes: the largest have a colour each, the rest the one neutral grey.
    show(manyLanes(50), {at("2023-04-25"), at("2023-06-05")});
    QHash<QRgb, QString> owner;
    int neutral = 0;
    for (const auto &lane : m_index->lanes()) {
        const QColor colour = LanePalette::colour(lane.colourSlot);
        if (!LanePalette::hasOwnColour(lane.colourSlot)) {
            QCOMPARE(colour, LanePalette::neutral());
            ++neutral;
            continue;
        }
        QVERIFY2(!owner.contains(colour.rgb()), qPrintable(lane.label + u" and "_qs + owner.value(colour.rgb())));
        QVERIFY(colour != LanePalette::neutral());
        owner.insert(colour.rgb(), lane.label);
    }
    QCOMPARE(owner.size(), LanePalette::kColours);
    QCOMPARE(neutral, 50 - LanePalette::kColours);
    // The coloured ones are the largest.
    for (int lane = 0; lane < LanePalette::kColours; ++lane) {
        QVERIFY(LanePalette::hasOwnColour(m_index->lanes()[size_t(lane)].colourSlot));
    }
}

void tst_DenseTimeline::doubleClickOnAYearEventInTheWindow()
{
    // Two thousand years on screen; a double-click on a year's event frames that year.
    auto w = window({makeEvent(u"Boudica defeated"_qs, "61", u"GB"_qs),
        makeEvent(u"Battle of Hastings"_qs, "1066-10-14", u"GB"_qs), makeEvent(u"Brexit"_qs, "2020-01-31", u"GB"_qs)});
    QVERIFY(settle(w.get()));
    TimelineView *view = w->timelineView();
    const quint32 item = *w->timelineIndex()->itemById(u"Boudica defeated"_qs);
    QPointF centre(-1, -1);
    for (const auto &mark : view->frame().marks) {
        if (mark.item == item) {
            centre = mark.shape.center();
        }
    }
    QVERIFY(centre.x() >= 0);
    QTest::mouseDClick(view, Qt::LeftButton, {}, centre.toPoint());
    const Range framed = w->timelineZoom()->visibleRange();
    QVERIFY2(framed.span() <= 4 * 366 * TimeScale::kDay, qPrintable(TimeScale::describe(framed)));
    QVERIFY(framed.contains(w->timelineIndex()->start(item)));
    QCOMPARE(w->selectedId(), u"Boudica defeated"_qs);
}

void tst_DenseTimeline::aDateFilterBringsItsEventsIntoView()
{
    auto w = window(Seed::events());
    QVERIFY(settle(w.get()));
    // Looking at March; a filter for May alone would leave an empty view.
    w->timelineZoom()->setVisibleRange({at("2023-03-19"), at("2023-03-23")});
    EventFilter may;
    may.from = at("2023-05-01");
    may.before = at("2023-06-01");
    w->setFilter(may);
    QVERIFY(settle(w.get()));
    const Range visible = w->timelineZoom()->visibleRange();
    for (const auto &lane : w->timelineIndex()->lanes()) {
        for (const qint64 start : lane.starts) {
            QVERIFY(visible.contains(start));
        }
    }
    // A filter that keeps events in view leaves the view alone.
    w->timelineZoom()->setVisibleRange({at("2023-05-01"), at("2023-05-31")});
    EventFilter russia = may;
    russia.countries = {u"RU"_qs};
    w->setFilter(russia);
    QVERIFY(settle(w.get()));
    QCOMPARE(w->timelineZoom()->visibleRange(), (Range{at("2023-05-01"), at("2023-05-31")}));
}

void tst_DenseTimeline::theWheelNeverChangesTheDateBox()
{
    auto w = window(Seed::events());
    QVERIFY(settle(w.get()));
    QComboBox *box = w->filterPanel()->datePresets();
    QCOMPARE(box->currentText(), u"All dates"_qs);
    QVERIFY(box->count() >= 2); // "All dates" and 2023
    wheel(box, QPointF(box->rect().center()), -1);
    wheel(box, QPointF(box->rect().center()), -1);
    QCOMPARE(box->currentIndex(), 0);
    QVERIFY(!w->filter().from && !w->filter().before);

    // The box always says what the filter is: a year chosen, cleared, or other dates.
    emit box->activated(1);
    QVERIFY(w->filter().from.has_value());
    QCOMPARE(box->currentIndex(), 1);
    w->setFilter({}); // "Clear all filters"
    QCOMPARE(box->currentIndex(), 0);
    w->filterPanel()->setDates(at("2023-05-01"), at("2023-05-10"));
    QCOMPARE(box->currentIndex(), -1);
    QVERIFY(box->currentText().isEmpty()); // its placeholder, not a year that is not the filter
}

void tst_DenseTimeline::findScrollsTheSearchBoxIntoView()
{
    auto w = window(Seed::events());
    w->resize(900, 420); // the Filters dock scrolls
    QVERIFY(settle(w.get()));
    QLineEdit *search = w->filterPanel()->searchField();
    QScrollArea *area = nullptr;
    for (QWidget *widget = search->parentWidget(); widget && !area; widget = widget->parentWidget()) {
        area = qobject_cast<QScrollArea *>(widget);
    }
    QVERIFY(area);
    QTRY_VERIFY(area->verticalScrollBar()->maximum() > 0);
    area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    QVERIFY(search->visibleRegion().isEmpty());
    QAction *find = actionWith(w.get(), QKeySequence::Find);
    QVERIFY(find);
    find->trigger();
    QVERIFY(!search->visibleRegion().isEmpty());
    QTRY_VERIFY(search->hasFocus());
}

void tst_DenseTimeline::tabMovesOnWithoutChangingTheSelection()
{
    auto w = window(Seed::events());
    QVERIFY(settle(w.get()));
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    QTableView *table = w->tableView();
    QVERIFY(w->selectedId().isEmpty());
    // Tabbing in makes a row current, and selects nothing.
    table->setFocus(Qt::TabFocusReason);
    QVERIFY(table->hasFocus());
    QVERIFY(w->selectedId().isEmpty());
    // Tab leaves the table at once, not cell by cell.
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(!table->hasFocus());
    // The timeline takes the focus and shows that it has it.
    TimelineView *view = w->timelineView();
    QCOMPARE(view->focusPolicy(), Qt::StrongFocus);
    view->setFocus(Qt::TabFocusReason);
    const QImage focused = view->grab().toImage();
    view->clearFocus();
    const QImage unfocused = view->grab().toImage();
    QVERIFY(focused.pixelColor(1, view->height() / 2) != unfocused.pixelColor(1, view->height() / 2));
}

void tst_DenseTimeline::theFirstWindowFitsTheScreen()
{
    auto w = window(Seed::events());
    const QRect available = w->screen()->availableGeometry();
    QVERIFY2(w->width() <= available.width(),
        qPrintable(QStringLiteral("%1x%2 in %3x%4, at least %5x%6")
                       .arg(w->width())
                       .arg(w->height())
                       .arg(available.width())
                       .arg(available.height())
                       .arg(w->minimumSizeHint().width())
                       .arg(w->minimumSizeHint().height())));
    QVERIFY(w->height() <= available.height());
}

void tst_DenseTimeline::showInTableNarrowsTheFilter()
{
    QList<Event> events;
    for (int i = 0; i < 30; ++i) {
        events << makeEvent(QStringLiteral("GB %1").arg(i), "2019-10-24", u"GB"_qs);
    }
    events << makeEvent(u"GB the day before"_qs, "2019-10-23", u"GB"_qs)
           << makeEvent(u"FR that day"_qs, "2019-10-24", u"FR"_qs);
    auto w = window(events);
    QVERIFY(settle(w.get()));
    const qint64 day = at("2019-10-24");
    emit w->timelineView()->narrowRequested(u"GB"_qs, day, day);
    QVERIFY(settle(w.get()));
    QCOMPARE(w->filter().countries, QStringList{u"GB"_qs});
    QCOMPARE(w->eventModel()->rowCount(), 30);
    QCOMPARE(w->eventModel()->rowOf(u"FR that day"_qs), -1);
    QCOMPARE(w->eventModel()->rowOf(u"GB the day before"_qs), -1);
}

void tst_DenseTimeline::theTimeZoneIsKeptPerTimeline()
{
    const auto restore = qScopeGuard([] { DisplayZone::set(QTimeZone::utc()); });
    const QList<Event> events{makeEvent(u"Talks"_qs, "2023-03-21T20:30Z", u"JP"_qs)};
    {
        auto w = window(events);
        QVERIFY(settle(w.get()));
        const QModelIndex date = w->eventModel()->index(0, EventListModel::DateColumn);
        QCOMPARE(date.data().toString(), u"21 March 2023, 20:30 UTC"_qs);
        QVERIFY(!w->setDisplayZone(u"Nowhere/Land"_qs));
        QVERIFY(w->setDisplayZone(u"Asia/Tokyo"_qs));
        QCOMPARE(
            w->eventModel()->index(0, EventListModel::DateColumn).data().toString(), u"22 March 2023, 05:30 JST"_qs);
    }
    DisplayZone::set(QTimeZone::utc());
    // The same timeline again: its zone comes back with it.
    auto again = window(events);
    QVERIFY(settle(again.get()));
    QCOMPARE(DisplayZone::describe(), u"Asia/Tokyo"_qs);
    QVERIFY(again->eventModel()->index(0, EventListModel::DateColumn).data().toString().endsWith(u"JST"_qs));
}

QTEST_MAIN(tst_DenseTimeline)
#include "tst_densetimeline.moc"
