// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// A filter choice: its check box, a flag where there is a country, the name, and the count right-aligned.
class FacetDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit FacetDelegate(QObject *parent = nullptr);
    ~FacetDelegate() override;
    Q_DISABLE_COPY_MOVE(FacetDelegate)

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
