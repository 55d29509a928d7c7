// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "eventdetailview.h"
#include "exportimagedialog.h"
#include "io/csvexport.h"
#include "io/jsonformat.h"
#include "io/seed.h"
#include "models/eventlistmodel.h"
#include "storage/eventstore.h"
#include "timeline/timelineexporter.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

MainWindow::MainWindow(std::unique_ptr<EventStore> store, QWidget *parent)
    : QMainWindow(parent)
    , m_model(new EventListModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_zoom(new TimelineZoom(this))
    , m_laneMode(LaneMode::Country)
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *centre = new QSplitter(Qt::Vertical, splitter);
    m_timeline = new TimelineView(m_zoom, centre);
    m_table = new QTableView(centre);
    centre->addWidget(m_timeline);
    centre->addWidget(m_table);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 2);
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_detail = new EventDetailView(splitter);
    splitter->addWidget(centre);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({980, 380});
    setCentralWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrentEvent);
    createMenus();
    resize(1280, 760);
    setStore(std::move(store));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openTimeline);
    file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+I")), this, &MainWindow::importFile);
    file->addAction(tr("Export Ima&ge…"), QKeySequence(tr("Ctrl+Shift+E")), this, &MainWindow::exportImage);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportData);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *lanes = view->addMenu(tr("&Lanes"));
    auto *laneGroup = new QActionGroup(this);
    for (const auto &[mode, text] :
        {std::pair{LaneMode::Country, tr("By &Country")}, std::pair{LaneMode::Actor, tr("By &Actor")},
            std::pair{LaneMode::Kind, tr("By &Kind")}, std::pair{LaneMode::None, tr("&None")}}) {
        QAction *action = lanes->addAction(text, this, [this, mode = mode] { setLaneMode(mode); });
        action->setCheckable(true);
        action->setChecked(mode == m_laneMode);
        laneGroup->addAction(action);
    }
    view->addSeparator();
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_zoom, &TimelineZoom::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_zoom, &TimelineZoom::zoomOut);
    view->addAction(tr("&Fit Everything"), QKeySequence(tr("Ctrl+0")), m_zoom, &TimelineZoom::fit);
    view->addAction(
        tr("Zoom to &Selection"), QKeySequence(tr("Ctrl+Shift+S")), m_timeline, &TimelineView::zoomToSelection);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Annals"), this, [this] {
        QMessageBox::about(this, tr("About Annals"),
            tr("Annals %1\nA timeline and event browser for people who follow world affairs.")
                .arg(QStringLiteral(ANNALS_VERSION)));
    });
}

void MainWindow::setStore(std::unique_ptr<EventStore> store)
{
    m_store = std::move(store);
    setWindowFilePath(m_store->path());
    reload();
    m_zoom->setVisibleRange(m_zoom->fittedRange());
    m_table->sortByColumn(EventListModel::DateColumn, Qt::AscendingOrder);
    // Fit the short columns to their text, and cap the long ones so that every column shows at 1280 px.
    m_table->resizeColumnsToContents();
    for (const auto &[column, cap] :
        {std::pair{EventListModel::TitleColumn, 300}, std::pair{EventListModel::ActorsColumn, 180}}) {
        m_table->horizontalHeader()->resizeSection(column, qMin(m_table->columnWidth(column), cap));
    }
}

void MainWindow::setLaneMode(LaneMode mode)
{
    m_laneMode = mode;
    rebuildTimeline();
}

void MainWindow::rebuildTimeline()
{
    auto index = std::make_unique<TimelineIndex>(
        m_store->timelineItems({}, m_laneMode), m_laneMode, m_store->laneOrder(m_laneMode));
    m_timeline->setIndex(index.get());
    m_index = std::move(index);
    const TimeScale::Range visible = m_zoom->visibleRange();
    m_zoom->setFullRange(m_index->extent());
    m_zoom->setVisibleRange(visible);
}

void MainWindow::reload()
{
    const QString current = m_table->currentIndex().data(EventListModel::EventIdRole).toString();
    m_model->setEvents(m_store->events());
    rebuildTimeline();
    m_sorted->setSortRole(EventListModel::StartRole);
    const qsizetype count = m_model->events().size();
    statusBar()->showMessage(count == 1 ? tr("1 event") : tr("%1 events").arg(count));
    if (!selectEvent(current)) {
        m_detail->setEvent(nullptr);
    }
}

bool MainWindow::selectEvent(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void MainWindow::showCurrentEvent()
{
    const QModelIndex index = m_sorted->mapToSource(m_table->currentIndex());
    const Event *event = m_model->eventAt(index.row());
    m_detail->setEvent(event);
    m_timeline->setSelectedId(event ? event->id : QString());
}

void MainWindow::openTimeline()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Timeline"), QFileInfo(m_store->path()).path(), tr("Annals timelines (*.annals)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    std::unique_ptr<EventStore> store = Seed::openTimeline(path, &error);
    if (!store) {
        QMessageBox::warning(this, tr("Cannot open the timeline"), error);
        return;
    }
    setStore(std::move(store));
}

void MainWindow::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Events"), QString(), tr("Annals JSON (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    ImportError error;
    const std::optional<JsonFormat::Document> document = JsonFormat::readFile(path, &error);
    if (!document) {
        QMessageBox::warning(this, tr("Nothing was imported"), error.toString());
        return;
    }
    const std::optional<WriteSummary> summary = m_store->write(document->events);
    if (!summary) {
        QMessageBox::warning(this, tr("Nothing was imported"), m_store->errorString());
        return;
    }
    reload();
    statusBar()->showMessage(tr("Imported %1: %2 added, %3 updated, %4 unchanged.")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(summary->added)
                                 .arg(summary->updated)
                                 .arg(summary->unchanged));
}

void MainWindow::exportData()
{
    QString filter = tr("Annals JSON (*.json)");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Data"), QString(), filter + QStringLiteral(";;") + tr("CSV (*.csv)"), &filter);
    if (path.isEmpty()) {
        return;
    }
    const QList<Event> &events = m_model->events();
    const QByteArray data = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? CsvExport::write(events)
                                                                                      : JsonFormat::write(events);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Cannot export"), path + QStringLiteral(": ") + file.errorString());
    }
}

void MainWindow::exportImage()
{
    const auto describe = [](const TimeScale::Range &range) {
        const qint64 last = TimePoint::parse(TimePoint::toIso(range.end - 1, Precision::Day))->seconds;
        return EventTime(range.start, last, Precision::Day).toDisplayString();
    };
    const TimeScale::Range everything = m_zoom->fittedRange();
    ExportImageDialog dialog(describe(m_zoom->visibleRange()), describe(everything),
        tr("Annals: %1").arg(QFileInfo(m_store->path()).completeBaseName()), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QString filter = tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Image"), QString(),
        filter + QStringLiteral(";;") + tr("SVG image (*.svg)") + QStringLiteral(";;") + tr("PDF document (*.pdf)"),
        &filter);
    if (path.isEmpty()) {
        return;
    }
    TimelineExporter::Format format;
    if (!TimelineExporter::formatFor(path, &format)) {
        // No suffix typed: take the one of the chosen filter.
        path += filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
            : filter.contains(QLatin1String("pdf"))   ? QStringLiteral(".pdf")
                                                      : QStringLiteral(".png");
    }
    TimelineExporter::Options options;
    options.range = dialog.wholeRange() ? everything : m_zoom->visibleRange();
    options.size = dialog.imageSize();
    options.scale = dialog.scale();
    options.title = dialog.title();
    options.selectedId = m_timeline->selectedId();
    QString error;
    if (!TimelineExporter::write(path, *m_index, options, &error)) {
        QMessageBox::warning(this, tr("Cannot export the image"), error);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}
