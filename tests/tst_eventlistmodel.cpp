// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/seed.h"
#include "models/eventlistmodel.h"
#include "models/facetmodel.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "workingset/filterengine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString kVisit = QStringLiteral("seed-2023-03-20-xi-state-visit-moscow");

// The table as the window feeds it: the filter's result, and a new one in each order the table asks for.
void attach(EventListModel &model, const EventStore &store, const EventFilter &filter = {})
{
    const auto show = [&model, &store, filter](EventOrder order) {
        model.setSource(&store, FilterEngine::evaluate(store, {filter, LaneMode::Country, order}));
    };
    QObject::connect(&model, &EventListModel::orderRequested, &model, show);
    show(model.order());
}

} // namespace

class tst_EventListModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void showsEvents();
    void sortsByAnyColumn_data();
    void sortsByAnyColumn();
    void followsTheFilter();
    void pagesThroughManyEvents();
    void untrustedToolTipsStayText();
    void facetsStartWithEverythingChecked();
    void facetSelection();

private:
    std::unique_ptr<EventStore> m_store;
};

void tst_EventListModel::init()
{
    m_store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    QVERIFY(m_store->open());
    QVERIFY(m_store->write(Seed::events()));
}

void tst_EventListModel::showsEvents()
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, *m_store);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.columnCount(), int(EventListModel::ColumnCount));
    QCOMPARE(model.headerData(EventListModel::DateColumn, Qt::Horizontal).toString(), QStringLiteral("Date"));
    const int row = model.rowOf(kVisit);
    QCOMPARE(row, 0);
    QCOMPARE(model.index(row, EventListModel::DateColumn).data().toString(), QStringLiteral("20–22 March 2023"));
    QCOMPARE(model.index(row, EventListModel::TitleColumn).data().toString(),
        QStringLiteral("Xi Jinping's state visit to Moscow"));
    QCOMPARE(model.index(row, EventListModel::CountriesColumn).data().toString(), QStringLiteral("CN, RU"));
    QCOMPARE(
        model.index(row, EventListModel::ActorsColumn).data().toString(), QStringLiteral("Xi Jinping, Vladimir Putin"));
    QCOMPARE(model.index(row, EventListModel::KindColumn).data().toString(), QStringLiteral("visit"));
    QCOMPARE(model.index(row, 0).data(EventListModel::EventIdRole).toString(), kVisit);
    QCOMPARE(model.rowOf(u"nope"_qs), -1);
    QVERIFY(!model.eventAt(9));
}

void tst_EventListModel::sortsByAnyColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("first");
    QTest::newRow("date, newest first") << int(EventListModel::DateColumn) << int(Qt::DescendingOrder)
                                        << "Zhang Haizhou: China–Russia ties play an important role in the SCO";
    QTest::newRow("title") << int(EventListModel::TitleColumn) << int(Qt::AscendingOrder)
                           << "Lavrov: more Global South countries seek ties with the SCO and BRICS";
    QTest::newRow("kind") << int(EventListModel::KindColumn) << int(Qt::AscendingOrder)
                          << "Putin and Xi sign two joint statements";
    QTest::newRow("actors") << int(EventListModel::ActorsColumn) << int(Qt::AscendingOrder)
                            << "Li Hui to visit Russia this week";
    QTest::newRow("countries, descending") << int(EventListModel::CountriesColumn) << int(Qt::DescendingOrder)
                                           << "Lavrov: more Global South countries seek ties with the SCO and BRICS";
}

void tst_EventListModel::sortsByAnyColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, first);
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, *m_store);
    model.sort(column, Qt::SortOrder(order));
    QCOMPARE(model.index(0, EventListModel::TitleColumn).data().toString(), first);
    // rowOf agrees with the sorted rows, for every event.
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.rowOf(model.index(row, 0).data(EventListModel::EventIdRole).toString()), row);
    }
}

void tst_EventListModel::followsTheFilter()
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, *m_store);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    EventFilter filter;
    filter.text = u"BRICS"_qs;
    model.setSource(m_store.get(), FilterEngine::evaluate(*m_store, {filter, LaneMode::Country, {}}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(kVisit), -1);
}

void tst_EventListModel::pagesThroughManyEvents()
{
    QList<Event> many;
    for (int i = 0; i < 2000; ++i) {
        Event event;
        event.id = QStringLiteral("e%1").arg(i, 4, 10, QLatin1Char('0'));
        event.title = QStringLiteral("Event %1").arg(i);
        event.time = EventTime(qint64(i) * 3600, Precision::Minute);
        event.countries = {u"FR"_qs};
        many.append(event);
    }
    EventStore store(QStringLiteral(":memory:"));
    QVERIFY(store.open());
    QVERIFY(store.write(many));
    EventListModel model;
    attach(model, store);
    QCOMPARE(model.rowCount(), 2000);
    // Reading far rows reads their pages only, and never keeps more than kMaxPages of them.
    QCOMPARE(model.eventAt(1999)->id, QStringLiteral("e1999"));
    QCOMPARE(model.eventAt(0)->id, QStringLiteral("e0000"));
    QCOMPARE(model.eventAt(EventListModel::kPageSize)->id,
        QStringLiteral("e%1").arg(EventListModel::kPageSize, 4, 10, QLatin1Char('0')));
    QCOMPARE(model.rowOf(u"e1234"_qs), 1234);
    model.sort(EventListModel::DateColumn, Qt::DescendingOrder);
    QCOMPARE(model.eventAt(0)->id, QStringLiteral("e1999"));
    QCOMPARE(model.rowOf(u"e1234"_qs), 2000 - 1 - 1234);
}

void tst_EventListModel::untrustedToolTipsStayText()
{
    Event event;
    event.id = u"x"_qs;
    event.title = u"<img src=\"/etc/x.png\"> <b>bold</b>"_qs;
    event.time = EventTime(0, Precision::Day);
    EventStore store(QStringLiteral(":memory:"));
    QVERIFY(store.open());
    QVERIFY(store.write({event}));
    EventListModel model;
    attach(model, store);
    const QString tip = model.index(0, EventListModel::TitleColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("&lt;img src=&quot;/etc/x.png&quot;&gt;")));
    QVERIFY(!tip.contains(QStringLiteral("<img")));
    QCOMPARE(plainToolTip(u"a<b"_qs), QStringLiteral("<p style='white-space:pre-wrap'>a&lt;b</p>"));
}

void tst_EventListModel::facetsStartWithEverythingChecked()
{
    FacetModel countries(EventFilter::Dimension::Country);
    QAbstractItemModelTester tester(&countries, QAbstractItemModelTester::FailureReportingMode::QtTest);
    countries.setCounts(FilterEngine::evaluate(*m_store, {})->counts(EventFilter::Dimension::Country));
    QCOMPARE(countries.rowCount(), 2);
    QCOMPARE(countries.index(0).data().toString(), QStringLiteral("Russian Federation"));
    QCOMPARE(countries.index(0).data(FacetModel::CountRole).toInt(), 9);
    QCOMPARE(countries.index(1).data(FacetModel::CountryRole).toString(), QStringLiteral("CN"));
    QCOMPARE(countries.index(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(countries.selection(), QStringList());
}

void tst_EventListModel::facetSelection()
{
    FacetModel countries(EventFilter::Dimension::Country);
    countries.setCounts(FilterEngine::evaluate(*m_store, {})->counts(EventFilter::Dimension::Country));
    QSignalSpy changed(&countries, &FacetModel::selectionChanged);
    // Unchecking Russia leaves China: events involving China.
    QVERIFY(countries.setData(countries.index(0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(countries.selection(), QStringList{u"CN"_qs});
    // Checking it again is "everything" once more, not a list of both.
    QVERIFY(countries.setData(countries.index(0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(countries.selection(), QStringList());
    countries.checkNone();
    QCOMPARE(countries.selection(), QStringList{FacetModel::nothing()});
    EventFilter filter;
    filter.countries = countries.selection();
    QCOMPARE(m_store->count(filter), 0);
    countries.checkOnly(u"CN"_qs);
    QCOMPARE(countries.selection(), QStringList{u"CN"_qs});
    // A checked choice that loses its events under other filters stays listed, to be unchecked.
    countries.setCounts({{u"RU"_qs, {}, 3}});
    QCOMPARE(countries.rowCount(), 2);
    countries.checkAll();
    QCOMPARE(countries.selection(), QStringList());
}

QTEST_GUILESS_MAIN(tst_EventListModel)
#include "tst_eventlistmodel.moc"
