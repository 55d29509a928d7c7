// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlistmodel.h"

#include "domain/countries.h"

// Imported text as a tooltip that shows it literally: a tooltip that looks like HTML is rendered as HTML, so it is
// escaped and marked as rich text on purpose.
QString plainToolTip(const QString &text)
{
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EventListModel::~EventListModel() = default;

void EventListModel::setStore(const EventStore *store)
{
    m_store = store;
    reload();
}

void EventListModel::setFilter(const EventFilter &filter)
{
    m_filter = filter;
    reload();
}

void EventListModel::setSource(const EventStore *store, const EventFilter &filter)
{
    m_store = store;
    m_filter = filter;
    reload();
}

void EventListModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_count = m_store ? m_store->count(m_filter) : 0;
    endResetModel();
}

void EventListModel::sort(int column, Qt::SortOrder order)
{
    static constexpr EventOrder::Key kKeys[] = {EventOrder::Key::Time, EventOrder::Key::Title,
        EventOrder::Key::Countries, EventOrder::Key::Actors, EventOrder::Key::Kind};
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    const EventOrder next{kKeys[column], order == Qt::DescendingOrder};
    if (next == m_order) {
        return;
    }
    // A reset rather than a layout change: the rows the view remembers cannot be followed through a re-read, so
    // the window selects its event again by id.
    beginResetModel();
    m_order = next;
    m_pages.clear();
    m_recent.clear();
    endResetModel();
}

const Event *EventListModel::eventAt(int row) const
{
    if (!m_store || row < 0 || row >= m_count) {
        return nullptr;
    }
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_recent.size() >= kMaxPages) {
            m_pages.remove(m_recent.takeFirst());
        }
        it = m_pages.insert(page, m_store->events(m_filter, kPageSize, page * kPageSize, m_order));
    } else {
        m_recent.removeOne(page);
    }
    m_recent.append(page);
    const int offset = row - page * kPageSize;
    return offset < it->size() ? &(*it)[offset] : nullptr;
}

int EventListModel::rowOf(const QString &id) const
{
    return m_store && !id.isEmpty() ? m_store->rowOf(id, m_filter, m_order) : -1;
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != EventIdRole && role != StartRole)) {
        return {};
    }
    const Event *event = eventAt(index.row());
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
            return plainToolTip(event->title); // the column elides long titles
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
