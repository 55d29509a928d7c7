// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterpopup.h"

#include "models/eventlistmodel.h"
#include "timeline/timelineindex.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

ClusterPopup::ClusterPopup(const TimelineIndex &index, const std::vector<quint32> &items, const QString &caption,
    const QString &selectedId, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_list(new QListWidget(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *title = new QLabel(caption, this);
    title->setTextFormat(Qt::PlainText); // a lane's name comes from imported data
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    const size_t listed = std::min(items.size(), size_t(kMaxListed));
    QListWidgetItem *current = nullptr;
    for (size_t i = 0; i < listed; ++i) {
        const quint32 item = items[i];
        const QString id = index.id(item);
        // Plain text in a list item is never read as markup.
        auto *row
            = new QListWidgetItem(index.title(item) + QStringLiteral("  ·  ") + index.time(item).toDisplayString());
        row->setData(Qt::UserRole, id);
        row->setToolTip(plainToolTip(index.title(item)));
        m_list->addItem(row);
        if (id == selectedId) {
            current = row;
        }
    }
    layout->addWidget(m_list, 1);
    auto *bottom = new QHBoxLayout;
    if (listed < items.size()) {
        auto *more
            = new QLabel(tr("The first %1 of %2 are listed")
                             .arg(QLocale().toString(qulonglong(listed)), QLocale().toString(qulonglong(items.size()))),
                this);
        bottom->addWidget(more);
    }
    bottom->addStretch();
    auto *narrow = new QPushButton(tr("Show in Table"), this);
    narrow->setToolTip(tr("Narrow the filter to this lane and these days"));
    bottom->addWidget(narrow);
    layout->addLayout(bottom);

    // On a selection, not on the current item: focus alone makes a row current, and must not choose it.
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] {
        const QList<QListWidgetItem *> rows = m_list->selectedItems();
        if (!rows.isEmpty()) {
            emit eventChosen(rows.first()->data(Qt::UserRole).toString());
        }
    });
    connect(narrow, &QPushButton::clicked, this, [this] {
        emit narrowRequested();
        close();
    });
    if (current) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(current, QItemSelectionModel::ClearAndSelect);
    }

    const int rows = int(std::min<size_t>(listed, 14));
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().height() + 4);
    m_list->setMinimumHeight(rows * rowHeight + 2 * m_list->frameWidth());
    int width = 0;
    for (size_t i = 0; i < std::min<size_t>(listed, 200); ++i) {
        width = std::max(width, fontMetrics().horizontalAdvance(m_list->item(int(i))->text()));
    }
    m_list->setMinimumWidth(std::clamp(width + 40, 320, 620));
}

void ClusterPopup::popUp(const QPoint &anchor)
{
    adjustSize();
    const QScreen *screen = QGuiApplication::screenAt(anchor);
    const QRect available = screen ? screen->availableGeometry() : QRect(anchor, size());
    QPoint at = anchor + QPoint(4, 4);
    at.setX(std::clamp(at.x(), available.left(), std::max(available.left(), available.right() - width())));
    at.setY(std::clamp(at.y(), available.top(), std::max(available.top(), available.bottom() - height())));
    move(at);
    show();
    m_list->setFocus();
}

void ClusterPopup::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}
