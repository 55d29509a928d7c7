// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventstore.h"

#include <QAbstractListModel>
#include <QSet>

// The choices of one filter dimension (countries, actors or kinds) as a checkable list, each with how many events
// it has under the other filters. Everything is checked until the user says otherwise; checking some narrows the
// timeline to events that involve any of them.
class FacetModel final : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        KeyRole = Qt::UserRole, // QString: alpha-2 code, actor name or kind
        CountRole, // int
        CountryRole, // QString: the alpha-2 code a flag is drawn for (a country, or an actor's country)
    };

    explicit FacetModel(EventFilter::Dimension dimension, QObject *parent = nullptr);
    ~FacetModel() override;
    Q_DISABLE_COPY_MOVE(FacetModel)

    EventFilter::Dimension dimension() const { return m_dimension; }
    // New counts (after the other filters changed). Choices keep their check state; an unchecked choice that
    // no longer has events stays listed, so that it can be checked again.
    void setCounts(const QList<FacetCount> &counts);

    // The filter's list for this dimension: empty when everything is checked (no constraint).
    QStringList selection() const;
    // Shows `keys` as the checked ones (an empty list checks everything).
    void setSelection(const QStringList &keys);
    void checkAll();
    void checkNone();
    void checkOnly(const QString &key);
    // A label for the key: a country's name, an actor's name, a kind.
    QString label(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The value a filter list holds when nothing at all is checked: it matches no event.
    static QString nothing() { return QStringLiteral("\u2205"); }

signals:
    // The user changed what is checked.
    void selectionChanged();

private:
    bool isChecked(const QString &key) const;

    EventFilter::Dimension m_dimension;
    QList<FacetCount> m_rows;
    bool m_all = true; // everything is checked, including choices that appear later
    QSet<QString> m_checked; // when not m_all
};
