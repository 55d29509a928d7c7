// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"

#include <QMainWindow>

#include <memory>

class EventDetailView;
class EventListModel;
class EventStore;
class FilterPanel;
class OverviewChart;
class TimelineIndex;
class TimelineView;
class TimelineZoom;
enum class LaneMode : quint8;
namespace Importer {
struct Options;
}

QT_BEGIN_NAMESPACE
class QLabel;
class QMenu;
class QTableView;
QT_END_NAMESPACE

// The browser: the timeline in the centre, the filters on the left, the selected event on the right, the event
// table and the overview chart at the bottom. Every view shows the one filter and the one selection. The filter,
// the lanes, the view and the window's layout come back on the next start.
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
    FilterPanel *filterPanel() const { return m_filters; }
    OverviewChart *overview() const { return m_overview; }
    const TimelineIndex *timelineIndex() const { return m_index.get(); }
    QString statusText() const;

    EventFilter filter() const { return m_filter; }
    void setFilter(const EventFilter &filter);
    void setLaneMode(LaneMode mode);
    // Selects the event everywhere; false if the filter hides it. An empty id clears the selection.
    bool selectEvent(const QString &id);
    QString selectedId() const { return m_selectedId; }
    // Opens or imports a file, as a drop does: .annals opens, anything else goes through the import preview.
    void openOrImport(const QString &path);
    // Imports without asking, with a progress dialog that can cancel; the window stays responsive meanwhile.
    // Returns whether anything was imported (a cancelled or failed import writes nothing).
    bool importPath(const QString &path, const Importer::Options &options);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    void setStore(std::unique_ptr<EventStore> store);
    void applyFilter(const EventFilter &filter);
    void rebuildTimeline();
    void updateStatus();
    void step(int direction);
    // Moves the timeline so that the selected event is in the middle, at the same zoom.
    void centreOnSelection();
    void openTimeline();
    void openPath(const QString &path);
    void importFile();
    void previewImport(const QString &path);
    void exportData();
    void exportImage();
    void showShortcuts();
    void rememberRecent(const QString &path);
    void updateRecentMenu();
    void saveSettings() const;
    void restoreSettings();

    std::unique_ptr<EventStore> m_store;
    bool m_importing = false; // an import runs: nothing may replace the timeline or close the window
    EventFilter m_filter;
    LaneMode m_laneMode;
    QString m_selectedId;
    int m_totalEvents = 0; // counted when the timeline opens or grows, not on every frame the status shows
    bool m_selecting = false;
    std::unique_ptr<TimelineIndex> m_index; // the filtered events
    std::unique_ptr<TimelineIndex> m_overviewIndex; // the same without the date filter, for the chart's brush
    TimelineZoom *m_zoom = nullptr;
    TimelineView *m_timeline = nullptr;
    FilterPanel *m_filters = nullptr; // owned by its dock
    EventDetailView *m_detail = nullptr; // owned by its dock
    EventListModel *m_model = nullptr;
    QTableView *m_table = nullptr; // owned by its dock
    OverviewChart *m_overview = nullptr; // owned by its dock
    QLabel *m_status = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
};
