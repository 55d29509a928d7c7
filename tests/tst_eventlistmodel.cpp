// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/seed.h"
#include "models/eventlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_EventListModel : public QObject {
    Q_OBJECT

private slots:
    void showsEvents();
    void resetsOnNewEvents();
};

void tst_EventListModel::showsEvents()
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(Seed::events());
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.columnCount(), int(EventListModel::ColumnCount));
    QCOMPARE(model.headerData(EventListModel::DateColumn, Qt::Horizontal).toString(), QStringLiteral("Date"));
    const int row = model.rowOf(u"seed-2023-03-20-xi-state-visit-moscow"_qs);
    QCOMPARE(row, 0);
    QCOMPARE(model.index(row, EventListModel::TitleColumn).data().toString(),
        QStringLiteral("Xi Jinping's state visit to Moscow"));
    QCOMPARE(model.index(row, EventListModel::CountriesColumn).data().toString(), QStringLiteral("CN, RU"));
    QCOMPARE(model.index(row, EventListModel::CountriesColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("China, Russian Federation"));
    QCOMPARE(
        model.index(row, EventListModel::ActorsColumn).data().toString(), QStringLiteral("Xi Jinping, Vladimir Putin"));
    QCOMPARE(model.index(row, EventListModel::KindColumn).data().toString(), QStringLiteral("visit"));
    QCOMPARE(model.index(row, EventListModel::DateColumn).data(EventListModel::EventIdRole).toString(),
        QStringLiteral("seed-2023-03-20-xi-state-visit-moscow"));
    QCOMPARE(model.index(row, 0).data(EventListModel::StartRole).toLongLong(), Seed::events().first().time.start());
    QCOMPARE(model.rowOf(u"nope"_qs), -1);
    QVERIFY(!model.eventAt(9));
}

void tst_EventListModel::resetsOnNewEvents()
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(Seed::events());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEvents(Seed::events().mid(0, 2));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(tst_EventListModel)
#include "tst_eventlistmodel.moc"
