// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "domain/displayzone.h"
#include "editing/timelineeditor.h"
#include "eventdetailview.h"
#include "eventtable.h"
#include "exportactions.h"
#include "filterpanel.h"
#include "importdialog.h"
#include "importrunner.h"
#include "io/importer.h"
#include "io/seed.h"
#include "models/eventlistmodel.h"
#include "overview/overviewchart.h"
#include "plainwarning.h"
#include "storage/annotations.h"
#include "storage/changelog.h"
#include "storage/eventstore.h"
#include "storage/writejournal.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"
#include "workingset/filterengine.h"
#include "workingset/filterresult.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <memory>

namespace {

// Whether any event of the index is in `range`: the lanes' starts first (binary searches), then what began earlier.
bool showsAnything(const TimelineIndex &index, const TimeScale::Range &range)
{
    if (index.isEmpty()) {
        return true; // nothing to bring into view
    }
    for (const TimelineIndex::Lane &lane : index.lanes()) {
        if (TimelineIndex::countStarting(lane, range.start, range.end) > 0) {
            return true;
        }
    }
    for (const TimelineIndex::Lane &lane : index.lanes()) {
        if (!TimelineIndex::overlapping(lane, range).empty()) {
            return true;
        }
    }
    return false;
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<EventStore> store, QWidget *parent)
    : QMainWindow(parent)
    , m_laneMode(LaneMode::Country)
    , m_zoom(new TimelineZoom(this))
    , m_timeline(new TimelineView(m_zoom, this))
    , m_model(new EventListModel(this))
    , m_status(new QLabel(this))
{
    m_engine = new FilterEngine(this);
    connect(m_engine, &FilterEngine::resultReady, this, &MainWindow::showResult);
    connect(m_engine, &FilterEngine::busyChanged, this, &MainWindow::showBusy);
    connect(m_engine, &FilterEngine::loaded, this, [this] { m_loading = false; });
    connect(m_engine, &FilterEngine::failed, this, [this](const QString &message) {
        const bool loading = m_loading;
        m_loading = false;
        m_timeline->setIndex(m_index.get()); // not "reading" any more
        statusBar()->showMessage(message, 15000);
        if (loading && m_store) {
            // The timeline cannot be shown at all (a damaged file, say): a status line is too easy to miss.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Open Timeline"),
                tr("%1 cannot be shown: %2").arg(QDir::toNativeSeparators(m_store->path()), message), QMessageBox::Ok,
                this);
            box->setTextFormat(Qt::PlainText);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    connect(m_model, &EventListModel::orderRequested, this, &MainWindow::requestResult);
    m_index = std::make_shared<TimelineIndex>();
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(150);
    connect(m_busyDelay, &QTimer::timeout, this, [this] {
        m_busyLabel->setText(m_loading ? tr("Reading the timeline…") : tr("Filtering…"));
        m_busyLabel->show();
        m_busyBar->show();
    });
    setCentralWidget(m_timeline);
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    createDocks();
    createActions();
    m_busyLabel = new QLabel(this);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0); // no figure to give: it only says that something is under way
    m_busyBar->setMaximumWidth(80);
    m_busyBar->setMaximumHeight(m_status->sizeHint().height());
    m_busyBar->setTextVisible(false);
    m_busyLabel->hide();
    m_busyBar->hide();
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_status);

    connect(m_timeline, &TimelineView::eventSelected, this, &MainWindow::selectEvent);
    connect(m_timeline, &TimelineView::eventActivated, this, &MainWindow::selectEvent);
    connect(m_timeline, &TimelineView::stepRequested, this, &MainWindow::step);
    connect(m_timeline, &TimelineView::narrowRequested, this, &MainWindow::narrowTo);
    connect(m_zoom, &TimelineZoom::visibleRangeChanged, this, &MainWindow::updateStatus);
    connect(m_filters, &FilterPanel::filterChanged, this, &MainWindow::applyFilter);
    connect(m_detail, &EventDetailView::eventRequested, this, [this](const QString &id) {
        if (selectEvent(id)) {
            m_timeline->zoomToSelection();
        }
    });
    connect(m_overview, &OverviewChart::datesBrushed, m_filters, &FilterPanel::setDates);
    // On a selection, not on the current row: tabbing into the table makes a row current, and must not select it.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!m_selecting && !rows.isEmpty()) {
            selectEvent(rows.first().data(EventListModel::EventIdRole).toString());
        }
    });
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::centreOnSelection);

    // As large as the work wants, and never larger than the screen (QT_SCALE_FACTOR=2 halves what there is).
    const QRect available = screen()->availableGeometry();
    resize(std::min(1360, available.width() * 9 / 10), std::min(820, available.height() * 9 / 10));
    setStore(std::move(store));
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    const auto dock = [this](const QString &title, const QString &name, QWidget *content, Qt::DockWidgetArea area) {
        auto *widget = new QDockWidget(title, this);
        widget->setObjectName(name); // for saveState()
        widget->setWidget(content);
        addDockWidget(area, widget);
        return widget;
    };

    m_filters = new FilterPanel;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_filters);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(200); // small screens (or QT_SCALE_FACTOR=2): the window must still fit
    dock(tr("Filters"), QStringLiteral("filters"), scroll, Qt::LeftDockWidgetArea);

    m_detail = new EventDetailView;
    m_detail->setMinimumWidth(200);
    dock(tr("Details"), QStringLiteral("details"), m_detail, Qt::RightDockWidgetArea);

    m_overview = new OverviewChart(m_zoom);
    QDockWidget *overview = dock(tr("Overview"), QStringLiteral("overview"), m_overview, Qt::BottomDockWidgetArea);

    m_table = new EventTable(m_model);
    QDockWidget *events = dock(tr("Events"), QStringLiteral("events"), m_table, Qt::BottomDockWidgetArea);
    splitDockWidget(overview, events, Qt::Vertical);
    resizeDocks({overview, events}, {110, 170}, Qt::Vertical);
}

void MainWindow::setStore(std::unique_ptr<EventStore> store)
{
    // The views let go of the old timeline first: the table reads its cells from the store.
    m_model->setSource(nullptr, nullptr);
    m_result.reset();
    m_index = std::make_shared<TimelineIndex>();
    m_overviewIndex.reset();
    m_timeline->setIndex(nullptr); // "Reading the timeline…"
    m_overview->setIndex(m_index.get());
    m_editor->setStore(nullptr); // the history is of the timeline that goes
    m_store = std::move(store);
    m_editor->setStore(m_store.get());
    m_changeSeq = ChangeLog::last(*m_store);
    m_dataVersion = ChangeLog::dataVersion(*m_store);
    updateViewsMenu();
    m_timeline->setLinks(Annotations::links(*m_store));
    setWindowFilePath(m_store->path());
    m_selectedId.clear();
    m_filters->setStore(m_store.get());
    // Each timeline keeps the zone its times of day are shown in.
    const QVariantMap zones = QSettings().value(QStringLiteral("timeline/zones")).toMap();
    DisplayZone::set(DisplayZone::fromName(zones.value(m_store->path(), QStringLiteral("UTC")).toString())
                         .value_or(QTimeZone::utc()));
    m_filter = m_filters->filter();
    m_detail->setEvent(nullptr);
    m_fitOnResult = true;
    m_loading = true;
    // The window is there at once; the timeline fills in when the working set is read.
    m_engine->open(*m_store);
    requestResult();
    rememberRecent(m_store->path());
    updateStatus();
}

void MainWindow::setFilter(const EventFilter &filter)
{
    m_filters->setFilter(filter); // announces it back through applyFilter
}

void MainWindow::applyFilter(const EventFilter &filter)
{
    m_filter = filter;
    m_overview->setDates(filter.from, filter.before);
    requestResult();
}

void MainWindow::narrowTo(const QString &laneKey, qint64 from, qint64 to)
{
    EventFilter narrowed = m_filter;
    if (!laneKey.isEmpty()) {
        QStringList *facet = m_laneMode == LaneMode::Country ? &narrowed.countries
            : m_laneMode == LaneMode::Actor                  ? &narrowed.actors
            : m_laneMode == LaneMode::Kind                   ? &narrowed.kinds
                                                             : nullptr;
        if (facet) {
            *facet = QStringList{laneKey};
        }
    }
    narrowed.from = from;
    narrowed.before = to + 1;
    setFilter(narrowed);
}

bool MainWindow::setDisplayZone(const QString &name)
{
    const std::optional<QTimeZone> zone = DisplayZone::fromName(name);
    if (!zone) {
        return false;
    }
    DisplayZone::set(*zone);
    QSettings settings;
    QVariantMap zones = settings.value(QStringLiteral("timeline/zones")).toMap();
    zones.insert(m_store->path(), DisplayZone::describe());
    settings.setValue(QStringLiteral("timeline/zones"), zones);
    // Every view that shows a time of day: the table, the detail pane, the axis, the status bar.
    if (m_result) {
        m_model->setSource(m_store.get(), m_result);
        m_timeline->setIndex(m_index.get());
        const QString selected = m_selectedId;
        m_selectedId.clear();
        selectEvent(selected);
    }
    updateStatus();
    return true;
}

void MainWindow::setLaneMode(LaneMode mode)
{
    m_laneMode = mode;
    requestResult();
}

void MainWindow::requestResult()
{
    m_engine->request({m_filter, m_laneMode, m_model->order()});
}

bool MainWindow::isBusy() const
{
    return m_engine->isBusy();
}

void MainWindow::showResult(const std::shared_ptr<const FilterResult> &result)
{
    const EventFilter &filter = result->query().filter;
    const bool datesChanged = m_result
        && (filter.from != m_result->query().filter.from || filter.before != m_result->query().filter.before);
    m_result = result;
    // The new index goes to the views before the old one is let go.
    const std::shared_ptr<const TimelineIndex> previous = m_index;
    const std::shared_ptr<const TimelineIndex> previousOverview = m_overviewIndex;
    m_index = result->sharedIndex();
    m_overviewIndex = result->sharedOverview();
    m_timeline->setIndex(m_index.get());
    m_overview->setIndex(m_overviewIndex.get());
    m_overview->setDates(result->query().filter.from, result->query().filter.before);
    const TimeScale::Range visible = m_zoom->visibleRange();
    m_zoom->setFullRange(m_index->isEmpty() ? m_zoom->fullRange() : m_index->extent());
    if (m_fitOnResult) {
        m_fitOnResult = false;
        m_zoom->setVisibleRange(m_restoredRange ? TimeScale::Range{m_restoredRange->first, m_restoredRange->second}
                                                : m_zoom->fittedRange());
        m_restoredRange.reset();
    } else if (datesChanged || !showsAnything(*m_index, visible)) {
        // A new date filter, or a filter that leaves the view empty: bring what it keeps into view.
        m_zoom->setVisibleRange(m_zoom->fittedRange());
    } else {
        m_zoom->setVisibleRange(visible);
    }
    m_model->setSource(m_store.get(), result);
    m_filters->showCounts(*result);
    QStringList kinds;
    for (const FacetCount &kind : result->counts(EventFilter::Dimension::Kind)) {
        if (!kind.key.isEmpty()) {
            kinds << kind.key;
        }
    }
    m_editor->setKinds(kinds);
    const QString selected = m_selectedId;
    m_selectedId.clear();
    if (!selectEvent(selected)) {
        selectEvent({});
    }
    updateStatus();
    emit resultShown();
}

void MainWindow::showBusy(bool busy)
{
    if (busy) {
        m_busyDelay->start();
    } else {
        m_busyDelay->stop();
        m_busyLabel->hide();
        m_busyBar->hide();
    }
}

QString MainWindow::statusText() const
{
    const QLocale locale;
    if (!m_result) {
        return QString(); // the busy cue says what is under way
    }
    const auto shown = qint64(m_result->count());
    const auto total = qint64(m_result->total());
    return tr("%1 of %2 events  ·  %3")
        .arg(locale.toString(shown), locale.toString(total), TimeScale::describe(m_zoom->visibleRange()));
}

void MainWindow::updateStatus()
{
    m_status->setText(statusText());
}

bool MainWindow::selectEvent(const QString &id)
{
    if (m_selecting) {
        return false;
    }
    m_selecting = true;
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    const bool found = row >= 0;
    if (found) {
        m_selectedId = id;
        const QModelIndex index = m_model->index(row, 0);
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
        showDetails();
        m_timeline->setSelectedId(id);
    } else {
        m_selectedId.clear();
        m_table->clearSelection();
        m_table->setCurrentIndex({});
        m_detail->setEvent(nullptr);
        m_timeline->setSelectedId({});
    }
    m_selecting = false;
    return found;
}

void MainWindow::step(int direction)
{
    // Items of the index are in time order: the next event in time is the next item.
    if (m_index->isEmpty()) {
        return;
    }
    const std::optional<quint32> current = m_index->itemById(m_selectedId);
    qint64 next = 0;
    if (!current) {
        next = direction < 0 ? qint64(m_index->size()) - 1 : 0; // from the first (or last) event
    } else {
        next = qint64(*current) + (direction < 0 ? -1 : 1);
        if (next < 0 || next >= qint64(m_index->size())) {
            return;
        }
    }
    selectEvent(m_index->id(quint32(next)));
    // Keep the selected event in view, panning (not zooming) when it has left it.
    if (!m_zoom->visibleRange().contains(m_index->start(quint32(next)))) {
        centreOnSelection();
    }
}

void MainWindow::centreOnSelection()
{
    const std::optional<quint32> item = m_index->itemById(m_selectedId);
    if (!item) {
        return;
    }
    const qint64 start = m_index->start(*item);
    const qint64 centre = start + (m_index->coverEnd(*item) - start) / 2;
    const qint64 span = m_zoom->visibleRange().span();
    m_zoom->setVisibleRange({centre - span / 2, centre - span / 2 + span});
}

void MainWindow::openTimeline()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Timeline"), QFileInfo(m_store->path()).path(), tr("Annals timelines (*.annals)"));
    if (!path.isEmpty()) {
        openPath(path);
    }
}

void MainWindow::openPath(const QString &path)
{
    if (m_importing) {
        return; // the timeline under an import stays until it ends
    }
    QString error;
    std::unique_ptr<EventStore> store = Seed::openTimeline(path, &error);
    if (!store) {
        showPlainWarning(this, tr("Cannot open the timeline"), error);
        return;
    }
    setStore(std::move(store));
}

void MainWindow::openOrImport(const QString &path)
{
    if (path.endsWith(QLatin1String(".annals"), Qt::CaseInsensitive)) {
        openPath(path);
    } else {
        previewImport(path);
    }
}

void MainWindow::importFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Import Events"), QString(), Importer::fileDialogFilter());
    if (!path.isEmpty()) {
        previewImport(path);
    }
}

void MainWindow::previewImport(const QString &path)
{
    if (m_importing) {
        statusBar()->showMessage(tr("An import is running; import %1 after it.").arg(QFileInfo(path).fileName()), 8000);
        return;
    }
    // An import that fails brings the dialog back as the user left it (format, columns, options), to mend and try
    // again rather than start over.
    ImportDialog dialog(path, this);
    while (dialog.exec() == QDialog::Accepted && !importPath(path, dialog.options())) { }
}

bool MainWindow::importPath(const QString &path, const Importer::Options &options)
{
    m_importing = true;
    const auto done = qScopeGuard([this] { m_importing = false; });
    // What the import changes is kept, so that Edit > Undo takes it back.
    auto journal = std::make_shared<WriteJournal>();
    Importer::Options journalled = options;
    journalled.journal = journal.get();
    const ImportRunner::Outcome job = ImportRunner::run(path, journalled, *m_store, this);
    if (!job.summary) {
        if (!job.cancelled) {
            showPlainWarning(this, tr("Nothing was imported"), job.error.toString(ImportError::Audience::Window));
        } else {
            statusBar()->showMessage(tr("Import cancelled; the timeline is as it was."), 8000);
        }
        return false;
    }
    m_editor->recordImport(QFileInfo(path).fileName(), journal);
    m_changeSeq = ChangeLog::last(*m_store); // read whole below
    m_dataVersion = ChangeLog::dataVersion(*m_store);
    m_filters->refresh();
    // The working set is read again, and the timeline fitted to what it now holds.
    m_fitOnResult = true;
    m_loading = true;
    m_engine->open(*m_store);
    requestResult();
    updateStatus();
    const QString message = ImportRunner::report(path, *job.summary, this);
    statusBar()->showMessage(message, 8000);
    return true;
}

void MainWindow::exportData()
{
    const QString done = ExportActions::exportData(this, *m_store, m_filter);
    if (!done.isEmpty()) {
        statusBar()->showMessage(done, 5000);
    }
}

void MainWindow::exportImage()
{
    const QString done = ExportActions::exportImage(this, *m_timeline, m_store->path(), m_store->title(), m_filter);
    if (!done.isEmpty()) {
        statusBar()->showMessage(done, 5000);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        // After the drop has finished: the preview and the import run their own event loops.
        QTimer::singleShot(0, this, [this, path = urls.first().toLocalFile()] { openOrImport(path); });
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_importing) {
        event->ignore(); // the import's progress dialog has a Cancel button; the window closes after
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("timeline/lanes"), laneModeName(m_laneMode));
    settings.setValue(QStringLiteral("timeline/filter"), m_filter.toMap());
    settings.setValue(QStringLiteral("timeline/path"), m_store->path());
    const TimeScale::Range visible = m_zoom->visibleRange();
    settings.setValue(
        QStringLiteral("timeline/range"), QStringList{QString::number(visible.start), QString::number(visible.end)});
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // Saved on a larger screen, or at another scale: shrink to this one.
    const QRect available = screen()->availableGeometry();
    if (!isMaximized() && (width() > available.width() || height() > available.height())) {
        resize(std::min(width(), available.width() * 9 / 10), std::min(height(), available.height() * 9 / 10));
        move(available.topLeft());
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // The filter and the view belong to the timeline they were saved with.
    if (settings.value(QStringLiteral("timeline/path")).toString() != m_store->path()) {
        return;
    }
    const std::optional<LaneMode> mode = laneModeFromName(settings.value(QStringLiteral("timeline/lanes")).toString());
    const EventFilter filter = EventFilter::fromMap(settings.value(QStringLiteral("timeline/filter")).toMap());
    // Ask once: a new filter asks (with the lanes set first), else new lanes do.
    const bool newLanes = mode && *mode != m_laneMode;
    if (mode) {
        m_laneMode = *mode;
    }
    const QStringList range = settings.value(QStringLiteral("timeline/range")).toStringList();
    if (range.size() == 2) {
        m_restoredRange = std::pair(range[0].toLongLong(), range[1].toLongLong());
        if (!m_fitOnResult) {
            m_zoom->setVisibleRange({m_restoredRange->first, m_restoredRange->second});
            m_restoredRange.reset();
        }
    }
    if (!(filter == m_filter)) {
        setFilter(filter);
    } else if (newLanes) {
        requestResult();
    }
    updateStatus();
}
