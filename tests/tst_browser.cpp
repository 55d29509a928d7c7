// SPDX-License-Identifier: GPL-3.0-or-later
// The browser window as a user drives it: one filter and one selection, in step across the timeline, the table,
// the overview chart, the counts and the detail pane.
#include "eventdetailview.h"
#include "filterpanel.h"
#include "io/importer.h"
#include "mainwindow.h"
#include "models/eventlistmodel.h"
#include "models/facetmodel.h"
#include "overview/overviewchart.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"
#include "windowtest.h"

#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <memory>

namespace {

const QString kLavrov = QStringLiteral("seed-2023-04-29-lavrov-global-south");
const QString kTalks = QStringLiteral("seed-2023-03-21-putin-xi-talks");

} // namespace

using namespace WindowTest;

class tst_Browser : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void uncheckingRussiaRemovesItsEventsEverywhere();
    void searchNarrowsEverything();
    void certaintyOfTheDateFilters();
    void malformedSearchIsGentle();
    void tableSelectionFillsDetailAndTimeline();
    void timelineSelectionSelectsInTable();
    void relatedEventsAndHighlights();
    void keysStepAndClear();
    void answersTheUsersQuestions();
    void filterIsRestoredAfterRestart();

private:
    void saveScreenshot(const QString &name) const;

    QTemporaryDir m_settings;
    QTemporaryDir m_data;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Browser::initTestCase()
{
    useSettingsIn(m_settings.path(), u"tst_browser"_qs);
}

void tst_Browser::init()
{
    QSettings().clear();
    m_window = makeWindow(QStringLiteral(":memory:"));
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_Browser::cleanup()
{
    m_window.reset();
}

void tst_Browser::uncheckingRussiaRemovesItsEventsEverywhere()
{
    FilterPanel *filters = m_window->filterPanel();
    QCOMPARE(m_window->statusText().left(13), QStringLiteral("9 of 9 events"));
    QCOMPARE(facetCount(filters->kinds(), u"statement"_qs), 3);

    FacetModel *countries = filters->countries();
    QVERIFY(countries->setData(countries->index(facetRow(countries, u"RU"_qs)), Qt::Unchecked, Qt::CheckStateRole));

    // Russia's own event (Lavrov's statement) leaves every view; the shared ones stay, as they are China's too.
    QCOMPARE(m_window->filter().countries, QStringList{u"CN"_qs});
    QCOMPARE(m_window->eventModel()->rowCount(), 8);
    QCOMPARE(m_window->eventModel()->rowOf(kLavrov), -1);
    QVERIFY(!m_window->timelineIndex()->itemById(kLavrov));
    QCOMPARE(m_window->timelineIndex()->size(), size_t(8));
    QCOMPARE(m_window->overview()->total(), quint64(8 + 8)); // eight events, in both lanes
    QCOMPARE(m_window->timelineIndex()->lanes()[0].items.size(), size_t(8));
    // Counts under the other filters: kinds now count only China's events; countries ignore their own choice.
    QCOMPARE(facetCount(filters->kinds(), u"statement"_qs), 2);
    QCOMPARE(facetCount(countries, u"RU"_qs), 9);
    QCOMPARE(m_window->statusText().left(13), QStringLiteral("8 of 9 events"));
}

void tst_Browser::searchNarrowsEverything()
{
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setText(u"BRICS"_qs);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_window->filter().text, QStringLiteral("BRICS"));
    QCOMPARE(m_window->eventModel()->rowCount(), 1);
    QCOMPARE(m_window->timelineIndex()->size(), size_t(1));
    QCOMPARE(m_window->overview()->total(), quint64(1));
    QCOMPARE(facetCount(m_window->filterPanel()->countries(), u"RU"_qs), 1);
    QCOMPARE(facetCount(m_window->filterPanel()->countries(), u"CN"_qs), -1);
}

void tst_Browser::certaintyOfTheDateFilters()
{
    // The seed's dates are all known: the section stays out of the way.
    FilterPanel *filters = m_window->filterPanel();
    QVERIFY(filters->certaintySection()->isHidden());
    // A timeline of historians' dates shows it, with counts, and its choices filter every view.
    const QString path = m_data.filePath(u"history.annals"_qs);
    {
        EventStore store(path);
        QVERIFY(store.open());
        QVERIFY(Importer::importFile(QStringLiteral(ANNALS_TEST_DATA "/dates/historians.csv"), {}, store, nullptr));
    }
    m_window = makeWindow(path);
    filters = m_window->filterPanel();
    QVERIFY(!filters->certaintySection()->isHidden());
    FacetModel *certainty = filters->certainties();
    QCOMPARE(facetCount(certainty, u"exact"_qs), 3);
    QCOMPARE(facetCount(certainty, u"approximate"_qs), 3);
    QCOMPARE(facetCount(certainty, u"uncertain"_qs), 2);
    certainty->checkOnly(u"approximate"_qs);
    QVERIFY(settle(m_window.get()));
    QCOMPARE(m_window->filter().certainties, QStringList{u"approximate"_qs});
    QCOMPARE(m_window->eventModel()->rowCount(), 3);
    QCOMPARE(m_window->timelineIndex()->size(), size_t(3));
    QCOMPARE(m_window->statusText().left(13), QStringLiteral("3 of 8 events"));
    // The table shows the date as written, and the detail pane says what it means.
    QCOMPARE(m_window->eventModel()->index(0, EventListModel::DateColumn).data().toString(), u"c. 383"_qs);
    m_window->tableView()->setCurrentIndex(m_window->eventModel()->index(0, EventListModel::TitleColumn));
    const QString detail = m_window->detailView()->toPlainText();
    QVERIFY2(detail.contains(u"c. 383"_qs) && detail.contains(u"Date: approximate, drawn at 383"_qs), qPrintable(detail));
}

void tst_Browser::malformedSearchIsGentle()
{
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setText(u"\"(("_qs);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY2(m_window->filterPanel()->searchMessage().contains(QStringLiteral("no words to search for")),
        qPrintable(m_window->filterPanel()->searchMessage()));
    QCOMPARE(m_window->eventModel()->rowCount(), 9); // nothing searchable: no constraint, and a word why
}

void tst_Browser::tableSelectionFillsDetailAndTimeline()
{
    QTableView *table = m_window->tableView();
    const int row = m_window->eventModel()->rowOf(kLavrov);
    table->setCurrentIndex(m_window->eventModel()->index(row, EventListModel::TitleColumn));
    QVERIFY(m_window->detailView()->toPlainText().startsWith(QStringLiteral("Lavrov: more Global South")));
    QCOMPARE(m_window->timelineView()->selectedId(), kLavrov);
    QCOMPARE(m_window->selectedId(), kLavrov);

    // A double-click centres the timeline on the event, at the same zoom.
    m_window->timelineZoom()->setVisibleRange(
        {TimePoint::parse(u"2023-03-01")->seconds, TimePoint::parse(u"2023-03-11")->seconds});
    const qint64 span = m_window->timelineZoom()->visibleRange().span();
    emit table->doubleClicked(table->currentIndex());
    const TimeScale::Range after = m_window->timelineZoom()->visibleRange();
    QCOMPARE(after.span(), span);
    QVERIFY(std::abs(after.start + span / 2 - TimePoint::parse(u"2023-04-29T12:00Z")->seconds) < 60);
}

void tst_Browser::timelineSelectionSelectsInTable()
{
    emit m_window->timelineView()->eventSelected(kTalks);
    const QModelIndex current = m_window->tableView()->currentIndex();
    QCOMPARE(current.data(EventListModel::EventIdRole).toString(), kTalks);
    QVERIFY(m_window->detailView()->toPlainText().startsWith(QStringLiteral("Putin and Xi hold talks")));
}

void tst_Browser::relatedEventsAndHighlights()
{
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setText(u"Moscow"_qs);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(m_window->selectEvent(kTalks));
    const QString text = m_window->detailView()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("RELATED EVENTS")));
    QVERIFY(text.contains(QStringLiteral("Putin and Xi sign two joint statements, 21 March 2023")));
    // The search's word is marked wherever it appears.
    int marked = 0;
    const QTextDocument *document = m_window->detailView()->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().hasProperty(QTextFormat::BackgroundBrush)
                && it.fragment().text().compare(QLatin1String("Moscow"), Qt::CaseInsensitive) == 0) {
                ++marked;
            }
        }
    }
    QVERIFY(marked >= 2); // the title and the summary at least
    // A related event is a link that selects it.
    QSignalSpy requested(m_window->detailView(), &EventDetailView::eventRequested);
    emit m_window->detailView()->anchorClicked(QUrl(u"annals-event:seed-2023-03-21-joint-statements"_qs));
    QCOMPARE(m_window->selectedId(), QStringLiteral("seed-2023-03-21-joint-statements"));
}

void tst_Browser::keysStepAndClear()
{
    QVERIFY(m_window->selectEvent(kLavrov));
    m_window->timelineView()->setFocus();
    QTest::keyClick(m_window->timelineView(), Qt::Key_Down);
    QCOMPARE(m_window->selectedId(), QStringLiteral("seed-2023-05-22-security-consultations"));
    QTest::keyClick(m_window->timelineView(), Qt::Key_Up);
    QTest::keyClick(m_window->timelineView(), Qt::Key_Up);
    QCOMPARE(m_window->selectedId(), QStringLiteral("seed-2023-03-21-joint-statements"));
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QCOMPARE(m_window->selectedId(), QString());
    QCOMPARE(m_window->timelineView()->selectedId(), QString());
    QVERIFY(m_window->detailView()->toPlainText().contains(QStringLiteral("Select an event")));
}

void tst_Browser::answersTheUsersQuestions()
{
    // "What did Russia's officials do in May 2023?"
    FacetModel *countries = m_window->filterPanel()->countries();
    countries->checkOnly(u"RU"_qs);
    m_window->filterPanel()->setDates(TimePoint::parse(u"2023-05")->seconds, TimePoint::parse(u"2023-06")->seconds);
    QCOMPARE(m_window->eventModel()->rowCount(), 5);
    m_window->timelineZoom()->fit();
    saveScreenshot(u"question-russia-may.png"_qs);
    // "Everything Xi Jinping took part in."
    m_window->setFilter({});
    m_window->filterPanel()->actors()->checkOnly(u"Xi Jinping"_qs);
    QCOMPARE(m_window->eventModel()->rowCount(), 4);
    m_window->setLaneMode(LaneMode::Actor);
    m_window->timelineZoom()->fit();
    saveScreenshot(u"question-xi.png"_qs);
    m_window->setLaneMode(LaneMode::Country);
    // "Which events mention BRICS?"
    m_window->setFilter({});
    m_window->filterPanel()->searchField()->setText(u"brics"_qs);
    QTest::keyClick(m_window->filterPanel()->searchField(), Qt::Key_Return);
    QCOMPARE(m_window->eventModel()->rowCount(), 1);
    QCOMPARE(m_window->eventModel()->index(0, EventListModel::TitleColumn).data().toString(),
        QStringLiteral("Lavrov: more Global South countries seek ties with the SCO and BRICS"));
    QVERIFY(m_window->selectEvent(kLavrov));
    saveScreenshot(u"question-brics.png"_qs);
}

void tst_Browser::saveScreenshot(const QString &name) const
{
    // Kept beside the test for a person to look at (the README shows them).
    m_window->resize(1360, 820);
    QCoreApplication::processEvents(); // widgets added to visible layouts show on the next turn of the loop
    QVERIFY(m_window->grab().toImage().save(name));
}

void tst_Browser::filterIsRestoredAfterRestart()
{
    m_window.reset();
    const QString path = m_data.filePath(QStringLiteral("restart.annals"));
    EventFilter filter;
    filter.kinds = {u"statement"_qs};
    filter.text = u"SCO"_qs;
    TimeScale::Range range;
    {
        auto window = makeWindow(path);
        window->setFilter(filter);
        window->setLaneMode(LaneMode::Kind);
        QVERIFY(settle(window.get()));
        window->timelineZoom()->setVisibleRange(
            {TimePoint::parse(u"2023-05-01")->seconds, TimePoint::parse(u"2023-05-31")->seconds});
        range = window->timelineZoom()->visibleRange();
        QCOMPARE(window->eventModel()->rowCount(), 2);
        window->close();
    }
    auto again = makeWindow(path);
    QCOMPARE(again->filter(), filter);
    QCOMPARE(again->eventModel()->rowCount(), 2);
    QCOMPARE(again->filterPanel()->searchField()->text(), QStringLiteral("SCO"));
    QCOMPARE(again->timelineIndex()->mode(), LaneMode::Kind);
    QCOMPARE(again->timelineZoom()->visibleRange(), range);
}

QTEST_MAIN(tst_Browser)
#include "tst_browser.moc"
