// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "storage/eventfilter.h"
#include "storage/eventstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <memory>

class FilterResult;

QString plainToolTip(const QString &text);

// The events a filter keeps, as table rows: date, title, countries, actors, kind. The rows and their order come
// from the filter's one result (FilterResult); each row's cells are read from the store a page at a time as the
// view asks for them, so a million events cost the pages on screen, never a load of everything. Sorting asks for a
// new result in the new order (orderRequested); the rows change when it comes.
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

    // The store must outlive the model or be replaced first. Resets the model.
    void setSource(const EventStore *store, std::shared_ptr<const FilterResult> result);
    std::shared_ptr<const FilterResult> result() const { return m_result; }
    EventFilter filter() const;
    // The order the table asked for last (the result may still be on its way).
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

signals:
    // The user sorted the table: the rows in this order need a new result.
    void orderRequested(EventOrder order);

private:
    const EventStore *m_store = nullptr;
    std::shared_ptr<const FilterResult> m_result;
    EventOrder m_order;
    mutable QHash<int, QList<Event>> m_pages;
    mutable QList<int> m_recent; // page numbers, most recently read last
};
