// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QAbstractTableModel>
#include <QList>

// The events of a timeline as table rows: date, title, countries, actors, kind.
class EventListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { DateColumn, TitleColumn, CountriesColumn, ActorsColumn, KindColumn, ColumnCount };
    // Unscoped so that they mix with Qt::ItemDataRole in data() calls.
    enum Role {
        EventIdRole = Qt::UserRole, // QString
        StartRole, // qint64 seconds: sorts the date column in time order
    };

    explicit EventListModel(QObject *parent = nullptr);
    ~EventListModel() override;
    Q_DISABLE_COPY_MOVE(EventListModel)

    void setEvents(const QList<Event> &events);
    const QList<Event> &events() const { return m_events; }
    // The event in a row, or nullptr when the row is out of range.
    const Event *eventAt(int row) const;
    // The row of the event with this id, or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Event> m_events;
};
