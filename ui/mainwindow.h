// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class EventDetailView;
class EventListModel;
class EventStore;
class TimelineIndex;
class TimelineView;
class TimelineZoom;
enum class LaneMode : quint8;
QT_BEGIN_NAMESPACE
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

// The browser window: the events of one timeline in a table, with the selected one in the detail pane.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    // Takes ownership of an open store.
    explicit MainWindow(std::unique_ptr<EventStore> store, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    EventListModel *eventModel() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    EventDetailView *detailView() const { return m_detail; }
    TimelineView *timelineView() const { return m_timeline; }
    TimelineZoom *timelineZoom() const { return m_zoom; }
    void setLaneMode(LaneMode mode);

    // Selects the event with this id in the table (and so in the detail pane); false if it is not shown.
    bool selectEvent(const QString &id);

private:
    void createMenus();
    void reload();
    void showCurrentEvent();
    void openTimeline();
    void importFile();
    void exportData();
    void exportImage();
    void rebuildTimeline();
    void setStore(std::unique_ptr<EventStore> store);

    std::unique_ptr<EventStore> m_store;
    EventListModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    TimelineZoom *m_zoom = nullptr;
    TimelineView *m_timeline = nullptr; // owned by the splitter
    std::unique_ptr<TimelineIndex> m_index;
    LaneMode m_laneMode;
    QTableView *m_table = nullptr; // owned by the splitter
    EventDetailView *m_detail = nullptr; // owned by the splitter
};
