// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlistmodel.h"

#include "domain/countries.h"

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EventListModel::~EventListModel() = default;

void EventListModel::setEvents(const QList<Event> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

const Event *EventListModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events[row] : nullptr;
}

int EventListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_events.size(); ++row) {
        if (m_events[row].id == id) {
            return row;
        }
    }
    return -1;
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    const Event *event = index.isValid() ? eventAt(index.row()) : nullptr;
    if (!event) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case DateColumn:
            return event->time.toDisplayString();
        case TitleColumn:
            return event->title;
        case CountriesColumn:
            return event->allCountries().join(QStringLiteral(", "));
        case ActorsColumn: {
            QStringList names;
            for (const Actor &actor : event->actors) {
                names << actor.name;
            }
            return names.join(QStringLiteral(", "));
        }
        case KindColumn:
            return event->kind;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn) {
            return event->title; // the column elides long titles
        }
        if (index.column() == CountriesColumn) {
            QStringList names;
            for (const QString &code : event->allCountries()) {
                names << Countries::name(code);
            }
            return names.join(QStringLiteral(", "));
        }
        return {};
    case EventIdRole:
        return event->id;
    case StartRole:
        return event->time.start();
    default:
        return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Title");
    case CountriesColumn:
        return tr("Countries");
    case ActorsColumn:
        return tr("Actors");
    case KindColumn:
        return tr("Kind");
    case ColumnCount:
        break;
    }
    return {};
}
