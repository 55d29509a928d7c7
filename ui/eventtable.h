// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

class EventListModel;

// The table of events at the bottom of the window: one row selected at a time, sortable by any column, the title
// taking the width the others leave.
class EventTable final : public QTableView {
    Q_OBJECT

public:
    explicit EventTable(EventListModel *model, QWidget *parent = nullptr);
};
