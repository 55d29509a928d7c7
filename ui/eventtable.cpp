// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtable.h"

#include "models/eventlistmodel.h"

#include <QHeaderView>

EventTable::EventTable(EventListModel *model, QWidget *parent)
    : QTableView(parent)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    setSortingEnabled(true);
    sortByColumn(EventListModel::DateColumn, Qt::AscendingOrder);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    // The title takes the room the others leave: a wide window shows more of it, not a wider kind.
    const int widths[] = {150, 0, 110, 260, 170};
    for (int column = 0; column < EventListModel::ColumnCount; ++column) {
        if (column != EventListModel::TitleColumn) {
            setColumnWidth(column, widths[column]);
        }
    }
    horizontalHeader()->setSectionResizeMode(EventListModel::TitleColumn, QHeaderView::Stretch);
}
