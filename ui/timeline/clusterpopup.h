// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <vector>

class TimelineIndex;
QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
QT_END_NAMESPACE

// A crowd that zooming cannot split (events of one day have no time within it) opened as a list: one line per event,
// its title and date, in time order, scrollable, each selectable with the mouse or the keyboard. "Show in Table"
// narrows the filter to the crowd's lane and days. Closes on Escape or a click outside, as a popup does.
class ClusterPopup final : public QFrame {
    Q_OBJECT

public:
    static constexpr int kMaxListed = 5000; // a crowd larger than this lists its first ones and says so

    // `items` are items of `index`, in time order; `caption` says what the crowd is ("143 events · United Kingdom").
    ClusterPopup(const TimelineIndex &index, const std::vector<quint32> &items, const QString &caption,
        const QString &selectedId, QWidget *parent);

    // Shows the popup below and right of `anchor` (global), kept on the screen.
    void popUp(const QPoint &anchor);
    QListWidget *list() const { return m_list; }

signals:
    void eventChosen(const QString &id);
    void narrowRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QListWidget *m_list = nullptr;
};
