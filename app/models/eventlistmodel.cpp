// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlistmodel.h"

#include "domain/countries.h"
#include "workingset/filterresult.h"
#include "workingset/workingset.h"

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

void EventListModel::setSource(const EventStore *store, std::shared_ptr<const FilterResult> result)
{
    beginResetModel();
    m_store = store;
    m_result = std::move(result);
    if (m_result) {
        m_order = m_result->query().order;
    }
    m_pages.clear();
    m_recent.clear();
    endResetModel();
}

EventFilter EventListModel::filter() const
{
    return m_result ? m_result->query().filter : EventFilter();
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
    m_order = next;
    emit orderRequested(next);
}

const Event *EventListModel::eventAt(int row) const
{
    if (!m_store || !m_result || row < 0 || row >= rowCount()) {
        return nullptr;
    }
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_recent.size() >= kMaxPages) {
            m_pages.remove(m_recent.takeFirst());
        }
        const std::vector<quint32> &rows = m_result->tableRows();
        const WorkingSet &set = m_result->workingSet();
        QList<qint64> rowids;
        const size_t first = size_t(page) * kPageSize;
        for (size_t i = first; i < std::min(rows.size(), first + kPageSize); ++i) {
            rowids.append(set.rowids[rows[i]]);
        }
        it = m_pages.insert(page, m_store->eventsAt(rowids));
    } else {
        m_recent.removeOne(page);
    }
    m_recent.append(page);
    const int offset = row - page * kPageSize;
    return offset < it->size() ? &(*it)[offset] : nullptr;
}

int EventListModel::rowOf(const QString &id) const
{
    if (!m_result || id.isEmpty()) {
        return -1;
    }
    // Through the file's index on ids: a walk over ten million ids in memory would take a frame or two.
    const std::optional<qint64> rowid = m_store ? m_store->rowidOf(id) : std::nullopt;
    const std::optional<quint32> row = rowid ? m_result->workingSet().rowOfRowid(*rowid) : m_result->workingSet().rowOfId(id);
    return row ? m_result->tableRowOf(*row) : -1;
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->count());
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
