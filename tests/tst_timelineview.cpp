// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/seed.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"
#include "workingset/filterengine.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using TimeScale::Range;

namespace {

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

} // namespace

class tst_TimelineView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensFittedOnTheSeed();
    void wheelZoomsAtTheCursor();
    void dragPans();
    void shiftDragZoomsToTheRange();
    void keys();
    void clickSelectsAndDoubleClickZooms();
    void clickOnClusterOpensIt();
    void zoomOutStepsBackThroughHistory();
    void zoomIsClamped();

private:
    QPointF markCentre(const QString &id) const;

    std::unique_ptr<EventStore> m_store;
    std::shared_ptr<const TimelineIndex> m_index;
    std::unique_ptr<TimelineZoom> m_zoom;
    std::unique_ptr<TimelineView> m_view;
};

void tst_TimelineView::init()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY(m_store->open());
    QVERIFY(m_store->write(Seed::events()));
    m_index = FilterEngine::evaluate(*m_store, {{}, LaneMode::Country, {}})->sharedIndex();
    m_zoom = std::make_unique<TimelineZoom>();
    m_zoom->setFullRange(m_index->extent());
    m_zoom->setVisibleRange(m_zoom->fittedRange());
    m_view = std::make_unique<TimelineView>(m_zoom.get());
    m_view->setIndex(m_index.get());
    m_view->resize(1200, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_TimelineView::cleanup()
{
    m_view.reset();
    m_zoom.reset();
}

QPointF tst_TimelineView::markCentre(const QString &id) const
{
    const quint32 item = *m_index->itemById(id);
    for (const TimelineRenderer::Mark &mark : m_view->frame().marks) {
        if (mark.item == item) {
            return mark.shape.center();
        }
    }
    return {-1, -1};
}

void tst_TimelineView::opensFittedOnTheSeed()
{
    const Range visible = m_zoom->visibleRange();
    QVERIFY(visible.start < at("2023-03-20") && visible.end > at("2023-05-24"));
    QVERIFY(visible.span() < 90 * TimeScale::kDay);
    QCOMPARE(m_view->frame().lanes.size(), 2);
    const QImage shot = m_view->grab().toImage();
    QCOMPARE(shot.size(), QSize(1200, 500));
    shot.save(QStringLiteral("timelineview.png"));
}

void tst_TimelineView::wheelZoomsAtTheCursor()
{
    const QPointF cursor(700, 200);
    const qint64 before = m_view->frame().xToTime(cursor.x());
    const qint64 span = m_zoom->visibleRange().span();
    QWheelEvent wheel(cursor, m_view->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    QVERIFY(m_zoom->visibleRange().span() < span);
    const qint64 after = m_view->frame().xToTime(cursor.x());
    // The same time is under the cursor, to within the time one pixel spans.
    QVERIFY(std::abs(after - before) <= m_zoom->visibleRange().span() / 1000);
}

void tst_TimelineView::dragPans()
{
    const Range before = m_zoom->visibleRange();
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, QPoint(600, 300));
    QTest::mouseMove(m_view.get(), QPoint(500, 300));
    QTest::mouseMove(m_view.get(), QPoint(400, 300));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, QPoint(400, 300));
    const Range after = m_zoom->visibleRange();
    QCOMPARE(after.span(), before.span());
    const double perPixel = double(before.span()) / m_view->frame().plot.width();
    QVERIFY(std::abs(double(after.start - before.start) - 200 * perPixel) < 2 * perPixel);
}

void tst_TimelineView::shiftDragZoomsToTheRange()
{
    const qint64 from = m_view->frame().xToTime(400);
    const qint64 to = m_view->frame().xToTime(700);
    QTest::mousePress(m_view.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(400, 300));
    QTest::mouseMove(m_view.get(), QPoint(550, 300));
    QTest::mouseMove(m_view.get(), QPoint(700, 300));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(700, 300));
    QVERIFY(std::abs(m_zoom->visibleRange().start - from) < 60);
    QVERIFY(std::abs(m_zoom->visibleRange().end - to) < 60);
}

void tst_TimelineView::keys()
{
    const Range fitted = m_zoom->visibleRange();
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QCOMPARE(m_zoom->visibleRange().span(), fitted.span() / 2);
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QVERIFY(m_zoom->visibleRange().start > fitted.start + fitted.span() / 4);
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QVERIFY(m_zoom->visibleRange().start < m_index->extent().start);
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QVERIFY(m_zoom->visibleRange().end > m_index->extent().end);
    QTest::keyClick(m_view.get(), Qt::Key_F);
    QCOMPARE(m_zoom->visibleRange(), fitted);
}

void tst_TimelineView::clickSelectsAndDoubleClickZooms()
{
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
    const QString lavrov = u"seed-2023-04-29-lavrov-global-south"_qs;
    const QPoint mark = markCentre(lavrov).toPoint();
    QVERIFY(mark.x() > 0);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, mark);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toString(), lavrov);
    QCOMPARE(m_view->selectedId(), lavrov);

    QSignalSpy activated(m_view.get(), &TimelineView::eventActivated);
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, mark);
    QCOMPARE(activated.count(), 1);
    QVERIFY(m_zoom->visibleRange().span() <= 3 * TimeScale::kDay);
    QVERIFY(m_zoom->visibleRange().contains(at("2023-04-29T12:00Z")));

    // A click on empty space clears the selection.
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, QPoint(m_view->width() - 5, m_view->height() - 5));
    QCOMPARE(m_view->selectedId(), QString());
    QCOMPARE(selected.last().first().toString(), QString());
}

void tst_TimelineView::clickOnClusterOpensIt()
{
    // Forty statements within an hour: more than a lane has rows, so at a month's zoom they cluster.
    std::vector<TimelineItem> items;
    for (int i = 0; i < 40; ++i) {
        TimelineItem item;
        item.id = QString::number(i);
        item.title = QStringLiteral("Statement %1").arg(i);
        item.start = at("2023-05-10") + i * 90;
        item.coverEnd = item.start + 60;
        item.precision = Precision::Minute;
        item.laneKeys = {u"FR"_qs};
        items.push_back(item);
    }
    const TimelineIndex crowd(std::move(items), LaneMode::Country);
    m_view->setIndex(&crowd);
    m_zoom->setFullRange(crowd.extent());
    m_zoom->setVisibleRange({at("2023-05-01"), at("2023-06-01")});
    QCOMPARE(m_view->frame().clusters.size(), 1);
    const TimelineRenderer::Cluster cluster = m_view->frame().clusters.first();
    QCOMPARE(cluster.count, 40);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, cluster.rect.center().toPoint());
    QVERIFY(m_zoom->visibleRange().span() < 2 * TimeScale::kDay);
    QVERIFY(m_zoom->visibleRange().contains(cluster.from));
    QVERIFY(m_zoom->visibleRange().contains(cluster.to));
    QVERIFY(m_view->frame().clusters.isEmpty() || m_view->frame().clusters.first().count < 40);
    m_view->setIndex(m_index.get());
}

void tst_TimelineView::zoomOutStepsBackThroughHistory()
{
    const Range fitted = m_zoom->visibleRange();
    m_zoom->zoomTo({at("2023-05-01"), at("2023-05-31")});
    const Range may = m_zoom->visibleRange();
    m_zoom->zoomTo({at("2023-05-22"), at("2023-05-24")});
    m_zoom->zoomOut();
    QCOMPARE(m_zoom->visibleRange(), may);
    m_zoom->zoomOut();
    QCOMPARE(m_zoom->visibleRange(), fitted);
    QVERIFY(!m_zoom->canGoBack());
    m_zoom->zoomOut(); // with no history: twice as wide
    QCOMPARE(m_zoom->visibleRange().span(), 2 * fitted.span());
}

void tst_TimelineView::zoomIsClamped()
{
    for (int i = 0; i < 60; ++i) {
        m_zoom->zoomAt(at("2023-04-29"), 0.2);
    }
    QCOMPARE(m_zoom->visibleRange().span(), TimeScale::kMinSpan);
    for (int i = 0; i < 80; ++i) {
        m_zoom->zoomAt(at("2023-04-29"), 5);
    }
    QCOMPARE(m_zoom->visibleRange(), m_zoom->limits());
    m_zoom->pan(-1000 * TimeScale::kDay);
    QCOMPARE(m_zoom->visibleRange(), m_zoom->limits());
}

QTEST_MAIN(tst_TimelineView)
#include "tst_timelineview.moc"
