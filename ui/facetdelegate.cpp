// SPDX-License-Identifier: GPL-3.0-or-later
#include "facetdelegate.h"

#include "models/facetmodel.h"
#include "timeline/flags.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

FacetDelegate::FacetDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

FacetDelegate::~FacetDelegate() = default;

void FacetDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString country = index.data(FacetModel::CountryRole).toString();
    if (!country.isEmpty()) {
        const QPixmap flag
            = Flags::pixmap(country, QSize(16, 12), option->widget ? option->widget->devicePixelRatioF() : 1);
        if (!flag.isNull()) {
            option->icon = QIcon(flag);
            option->decorationSize = QSize(16, 12);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }
}

void FacetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString count = QLocale().toString(index.data(FacetModel::CountRole).toInt());
    const int countWidth = option.fontMetrics.horizontalAdvance(count) + 8;
    // The name gives way to the count, never the other way round.
    QStyleOptionViewItem full = option;
    initStyleOption(&full, index);
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &full, painter, option.widget);
    QStyleOptionViewItem shortened = option;
    shortened.rect.setRight(option.rect.right() - countWidth);
    QStyledItemDelegate::paint(painter, shortened, index);
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(
        selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::PlaceholderText));
    painter->drawText(option.rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}
