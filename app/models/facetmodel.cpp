// SPDX-License-Identifier: GPL-3.0-or-later
#include "facetmodel.h"

#include "domain/countries.h"
#include "domain/eventtime.h"
#include "models/eventlistmodel.h"

FacetModel::FacetModel(EventFilter::Dimension dimension, QObject *parent)
    : QAbstractListModel(parent)
    , m_dimension(dimension)
{
}

FacetModel::~FacetModel() = default;

void FacetModel::setCounts(const QList<FacetCount> &counts)
{
    QList<FacetCount> rows = counts;
    // Keep what the user checked visible even when the other filters leave it no events.
    if (!m_all) {
        for (const QString &key : std::as_const(m_checked)) {
            const bool listed
                = std::any_of(rows.cbegin(), rows.cend(), [&](const FacetCount &c) { return c.key == key; });
            if (!listed) {
                rows.append({key, QString(), 0});
            }
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [this](const FacetCount &a, const FacetCount &b) {
        if (a.count != b.count) {
            return a.count > b.count;
        }
        return label(a.key).localeAwareCompare(label(b.key)) < 0;
    });
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QStringList FacetModel::selection() const
{
    if (m_all) {
        return {};
    }
    if (m_checked.isEmpty()) {
        return {nothing()};
    }
    QStringList keys(m_checked.cbegin(), m_checked.cend());
    keys.sort();
    return keys;
}

void FacetModel::setSelection(const QStringList &keys)
{
    beginResetModel();
    m_all = keys.isEmpty();
    m_checked.clear();
    for (const QString &key : keys) {
        if (key != nothing()) {
            m_checked.insert(key);
        }
    }
    endResetModel();
}

void FacetModel::checkAll()
{
    setSelection({});
    emit selectionChanged();
}

void FacetModel::checkNone()
{
    setSelection({nothing()});
    emit selectionChanged();
}

void FacetModel::checkOnly(const QString &key)
{
    setSelection({key});
    emit selectionChanged();
}

bool FacetModel::isChecked(const QString &key) const
{
    return m_all || m_checked.contains(key);
}

QString FacetModel::label(const QString &key) const
{
    switch (m_dimension) {
    case EventFilter::Dimension::Country:
        return Countries::name(key).isEmpty() ? key : Countries::name(key);
    case EventFilter::Dimension::Actor:
    case EventFilter::Dimension::MarkTag:
        return key;
    case EventFilter::Dimension::Kind:
        return key.isEmpty() ? tr("(no kind)") : key;
    case EventFilter::Dimension::Certainty:
        switch (Certainty::fromName(key).value_or(Certainty::Exact)) {
        case Certainty::Exact:
            return tr("Exact");
        case Certainty::Approximate:
            return tr("Approximate (c. 1200)");
        case Certainty::Uncertain:
            return tr("Uncertain (1984?, between …)");
        }
        return key;
    }
    return key;
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const FacetCount &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return label(row.key);
    case Qt::ToolTipRole:
        return plainToolTip(m_dimension == EventFilter::Dimension::Actor && !row.detail.isEmpty()
                ? label(row.key) + QStringLiteral(" (") + Countries::name(row.detail) + u')'
                : label(row.key));
    case Qt::CheckStateRole:
        return isChecked(row.key) ? Qt::Checked : Qt::Unchecked;
    case KeyRole:
        return row.key;
    case CountRole:
        return row.count;
    case CountryRole:
        return m_dimension == EventFilter::Dimension::Country ? row.key
            : m_dimension == EventFilter::Dimension::Actor    ? row.detail
                                                              : QString();
    default:
        return {};
    }
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.row() >= m_rows.size()) {
        return false;
    }
    const QString key = m_rows[index.row()].key;
    const bool check = value.toInt() == Qt::Checked;
    if (m_all) {
        // Leaving "everything": all that is listed stays checked but this one.
        m_all = false;
        m_checked.clear();
        for (const FacetCount &row : std::as_const(m_rows)) {
            m_checked.insert(row.key);
        }
    }
    if (check) {
        m_checked.insert(key);
    } else {
        m_checked.remove(key);
    }
    if (m_checked.size() == m_rows.size()) {
        m_all = true; // all checked again: no constraint, so that new choices show too
        m_checked.clear();
    }
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit selectionChanged();
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable : Qt::NoItemFlags;
}
