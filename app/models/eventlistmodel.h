// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "storage/eventfilter.h"
#include "storage/eventstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

QString plainToolTip(const QString &text);

// The events of a timeline under a filter, as table rows: date, title, countries, actors, kind. Rows are read
// from the store a page at a time as the view asks for them, so a million events cost a count and the pages on
// screen, never a load of everything. Sorting is done by the store, on any column.
class EventListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { DateColumn, TitleColumn, CountriesColumn, ActorsColumn, KindColumn, ColumnCount };
    // Unscoped so that they mix with Qt::ItemDataRole in data() calls.
    enum Role {
        EventIdRole = Qt::UserRole, // QString
        StartRole, // qint64 seconds
    };
    static constexpr int kPageSize = 256;
    static constexpr int kMaxPages = 64; // pages kept; the least recently read go first

    explicit EventListModel(QObject *parent = nullptr);
    ~EventListModel() override;
    Q_DISABLE_COPY_MOVE(EventListModel)

    // Not owned; must outlive the model or be replaced first. Both reset the model.
    void setStore(const EventStore *store);
    void setFilter(const EventFilter &filter);
    // Both at once, with one read rather than two.
    void setSource(const EventStore *store, const EventFilter &filter);
    // Reads everything again (after an import, say).
    void reload();
    EventFilter filter() const { return m_filter; }
    EventOrder order() const { return m_order; }

    // The event in a row, or nullptr when the row is out of range. Valid until the model next reads a page.
    const Event *eventAt(int row) const;
    // The row of the event with this id, or -1 when the filter hides it.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    const EventStore *m_store = nullptr;
    EventFilter m_filter;
    EventOrder m_order;
    int m_count = 0;
    mutable QHash<int, QList<Event>> m_pages;
    mutable QList<int> m_recent; // page numbers, most recently read last
};
