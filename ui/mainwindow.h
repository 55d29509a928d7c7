// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class EventDetailView;
class EventListModel;
class EventStore;
class FilterEngine;
class FilterResult;
class FilterPanel;
class OverviewChart;
class TimelineEditor;
class TimelineIndex;
struct SavedView;
class TimelineView;
class TimelineZoom;
enum class LaneMode : quint8;
namespace Importer {
struct Options;
}

QT_BEGIN_NAMESPACE
class QLabel;
class QMenu;
class QProgressBar;
class QTableView;
class QTimer;
QT_END_NAMESPACE

// The browser: the timeline in the centre, the filters on the left, the selected event on the right, the event
// table and the overview chart at the bottom. Every view shows the one filter's one result (FilterResult), which a
// FilterEngine computes off the window's thread, and the one selection. The filter,
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
    FilterEngine *filterEngine() const { return m_engine; }
    // The result the views show, or nullptr before the first one.
    std::shared_ptr<const FilterResult> result() const { return m_result; }
    QString statusText() const;
    // Whether a result is on its way (the views show the one before it meanwhile).
    bool isBusy() const;

    EventFilter filter() const { return m_filter; }
    void setFilter(const EventFilter &filter);
    void setLaneMode(LaneMode mode);
    // Shows times of day in the zone ("UTC", "system" or an IANA name), for this timeline from now on; false when
    // the name is no zone.
    bool setDisplayZone(const QString &name);
    // The filter narrowed to one lane and a span of starts, as a cluster's "Show in Table" asks.
    void narrowTo(const QString &laneKey, qint64 from, qint64 to);
    // Selects the event everywhere; false if the filter hides it. An empty id clears the selection.
    bool selectEvent(const QString &id);
    QString selectedId() const { return m_selectedId; }
    // Opens or imports a file, as a drop does: .annals opens, anything else goes through the import preview.
    void openOrImport(const QString &path);
    // Imports without asking, with a progress dialog that can cancel; the window stays responsive meanwhile.
    // Returns whether anything was imported (a cancelled or failed import writes nothing). It can be undone.
    bool importPath(const QString &path, const Importer::Options &options);

    // Creates, edits and deletes events, marks them, keeps the history of changes for undo.
    TimelineEditor *editor() const { return m_editor; }
    // Takes in what changed in the file since the window last looked: here, in another window, or from the command
    // line. The window also asks the file every second whether someone else wrote to it.
    void syncChanges();
    // Starts a new, empty timeline in a file and opens it.
    bool createTimeline(const QString &path);
    // The filter, lanes, span in view and selection, under a name; and the same put back.
    SavedView currentView(const QString &name) const;
    void applyView(const SavedView &view);
    QMenu *viewsMenu() const { return m_viewsMenu; }

signals:
    // Every view shows a new result.
    void resultShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    // The Edit and Views menus, File > New Timeline, the context menus and the history (mainwindowedits.cpp).
    void createEditActions(QMenu *file, QAction *beforeOpen);
    void showEventMenu(const QString &id, const QPoint &globalPos, std::optional<qint64> at);
    void newTimeline();
    void updateViewsMenu();
    void saveViewAs();
    void importView();
    // The selected event's details, with the analyst's marks.
    void showDetails();
    void setStore(std::unique_ptr<EventStore> store);
    void applyFilter(const EventFilter &filter);
    // Asks for the result of the filter, the lanes and the table's order as they are now.
    void requestResult();
    void showResult(const std::shared_ptr<const FilterResult> &result);
    void showBusy(bool busy);
    void updateStatus();
    void step(int direction);
    // Moves the timeline so that the selected event is in the middle, at the same zoom.
    void centreOnSelection();
    void openTimeline();
    void openPath(const QString &path);
    // File > Check Timeline…: SQLite's quick_check on the open file, in a message.
    void checkTimeline();
    void importFile();
    void previewImport(const QString &path);
    void exportData();
    void exportImage();
    void rememberRecent(const QString &path);
    void updateRecentMenu();
    void saveSettings() const;
    void restoreSettings();

    std::unique_ptr<EventStore> m_store;
    bool m_importing = false; // an import runs: nothing may replace the timeline or close the window
    EventFilter m_filter;
    LaneMode m_laneMode;
    QString m_selectedId;
    bool m_selecting = false;
    FilterEngine *m_engine = nullptr;
    std::shared_ptr<const FilterResult> m_result;
    std::shared_ptr<const TimelineIndex> m_index; // the filtered events
    std::shared_ptr<const TimelineIndex> m_overviewIndex; // the same without the date filter, for the chart's brush
    bool m_fitOnResult = true; // the next result is the first of a timeline: fit it, or restore the saved view
    std::optional<std::pair<qint64, qint64>> m_restoredRange;
    bool m_loading = false; // the working set is being read
    QTimer *m_busyDelay = nullptr; // a busy cue only for what takes long enough to notice
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
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
    QMenu *m_viewsMenu = nullptr;
    TimelineEditor *m_editor = nullptr;
    QTimer *m_changePoll = nullptr;
    qint64 m_changeSeq = 0; // the newest entry of the file's log of changes taken in
    qint64 m_dataVersion = 0;
};
