// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus, tool bar and shortcuts, and the Open Recent menu.
#include "mainwindow.h"

#include "domain/displayzone.h"
#include "filterpanel.h"
#include "helpdialogs.h"
#include "plainwarning.h"
#include "storage/eventstore.h"
#include "storage/storefault.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"

#include <QActionGroup>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QToolBar>

namespace {
constexpr int kMaxRecent = 8;
}

void MainWindow::checkTimeline()
{
    if (!m_store || m_store->isInMemory()) {
        return;
    }
    QString error;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const QStringList problems = StoreFault::checkFile(m_store->path(), false, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!error.isEmpty()) {
        showPlainWarning(this, tr("Check Timeline"), error);
    } else if (!problems.isEmpty()) {
        showPlainWarning(this, tr("Check Timeline"),
            tr("%1 is damaged. SQLite's quick_check says:\n\n%2\n\nExport what can still be read (File > Export "
               "Data), or go back to a backup.")
                .arg(QDir::toNativeSeparators(m_store->path()), problems.join(u'\n')));
    } else {
        QMessageBox box(QMessageBox::Information, tr("Check Timeline"),
            tr("%1 is sound: SQLite's quick_check found nothing wrong.").arg(QDir::toNativeSeparators(m_store->path())),
            QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}

void MainWindow::createActions()
{
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("main"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setMovable(false);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openTimeline);
    createEditActions(file, open);
    QAction *import = file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+I")), this, &MainWindow::importFile);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *exportImage
        = file->addAction(tr("Export Ima&ge…"), QKeySequence(tr("Ctrl+Shift+E")), this, &MainWindow::exportImage);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportData);
    file->addSeparator();
    file->addAction(tr("&Check Timeline…"), this, &MainWindow::checkTimeline);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *lanes = m_viewMenu->addMenu(tr("&Lanes"));
    auto *laneGroup = new QActionGroup(this);
    for (const auto &[mode, text] :
        {std::pair{LaneMode::Country, tr("By &Country")}, std::pair{LaneMode::Actor, tr("By &Actor")},
            std::pair{LaneMode::Kind, tr("By &Kind")}, std::pair{LaneMode::None, tr("&None")}}) {
        QAction *action = lanes->addAction(text, this, [this, mode = mode] { setLaneMode(mode); });
        action->setCheckable(true);
        action->setData(int(mode));
        laneGroup->addAction(action);
    }
    connect(lanes, &QMenu::aboutToShow, this, [this, laneGroup] {
        for (QAction *action : laneGroup->actions()) {
            action->setChecked(action->data().toInt() == int(m_laneMode));
        }
    });
    m_viewMenu->addSeparator();
    QMenu *order = lanes->addMenu(tr("&Order"));
    auto *orderGroup = new QActionGroup(this);
    for (const auto &[value, text] : {std::pair{TimelineView::LaneOrder::MostEvents, tr("&Most Events First")},
             std::pair{TimelineView::LaneOrder::Name, tr("By &Name")}}) {
        QAction *action
            = order->addAction(text, m_timeline, [this, value = value] { m_timeline->setLaneOrder(value); });
        action->setCheckable(true);
        action->setChecked(value == m_timeline->laneOrder());
        orderGroup->addAction(action);
    }
    QAction *collapse = lanes->addAction(tr("Co&llapse All"), m_timeline, &TimelineView::setAllCollapsed);
    collapse->setCheckable(true);
    connect(
        lanes, &QMenu::aboutToShow, collapse, [this, collapse] { collapse->setChecked(m_timeline->allCollapsed()); });
    m_viewMenu->addSeparator();
    QAction *zoomIn = m_viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_timeline, &TimelineView::zoomIn);
    QAction *zoomOut
        = m_viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_timeline, &TimelineView::zoomOut);
    QAction *fit = m_viewMenu->addAction(tr("&Fit Everything"), QKeySequence(tr("Ctrl+0")), m_zoom, &TimelineZoom::fit);
    m_viewMenu->addAction(
        tr("Zoom to &Selection"), QKeySequence(tr("Ctrl+Shift+S")), m_timeline, &TimelineView::zoomToSelection);
    QMenu *zones = m_viewMenu->addMenu(tr("&Time Zone"));
    connect(zones, &QMenu::aboutToShow, this, [this, zones] {
        // Rebuilt each time: the system's zone, and the current choice, may have changed.
        zones->clear();
        auto *group = new QActionGroup(zones);
        const QString current = DisplayZone::describe();
        const QString system = DisplayZone::nameOf(QTimeZone::systemTimeZone());
        const auto add = [&](const QString &text, const QString &name) {
            QAction *action = zones->addAction(text, this, [this, name] { setDisplayZone(name); });
            action->setCheckable(true);
            action->setChecked(name == current);
            group->addAction(action);
        };
        add(tr("UTC"), QStringLiteral("UTC"));
        if (system != QLatin1String("UTC")) {
            add(tr("This Computer's (%1)").arg(system), system);
        }
        if (current != QLatin1String("UTC") && current != system) {
            add(current, current);
        }
        zones->addSeparator();
        zones->addAction(tr("&Other…"), this, [this] {
            QStringList names;
            for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
                names << QString::fromUtf8(id);
            }
            bool ok = false;
            const QString name = QInputDialog::getItem(this, tr("Time Zone"), tr("Show times of day in:"), names,
                int(names.indexOf(DisplayZone::describe())), true, &ok);
            if (ok && !name.isEmpty()) {
                setDisplayZone(name);
            }
        });
    });
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Find…"), QKeySequence::Find, this, [this] {
        // The Filters dock may be closed or behind another: show it, then the box.
        for (QDockWidget *dock : findChildren<QDockWidget *>()) {
            if (dock->isAncestorOf(m_filters)) {
                dock->show();
                dock->raise();
            }
        }
        m_filters->focusSearch();
    });
    m_viewMenu->addSeparator();
    for (QDockWidget *widget : findChildren<QDockWidget *>()) {
        m_viewMenu->addAction(widget->toggleViewAction());
    }

    menuBar()->addMenu(m_viewsMenu);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(
        tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this, [this] { HelpDialogs::showShortcuts(this); });
    help->addAction(tr("&About Annals"), this, [this] { HelpDialogs::showAbout(this); });

    for (QAction *action : {open, import, exportImage}) {
        toolbar->addAction(action);
    }
    toolbar->addSeparator();
    for (QAction *action : {zoomIn, zoomOut, fit}) {
        toolbar->addAction(action);
    }

    // Esc clears the selection wherever the focus is.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, [this] { selectEvent({}); });
    updateRecentMenu();
}

void MainWindow::rememberRecent(const QString &path)
{
    if (path == QLatin1String(":memory:")) {
        return;
    }
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recent"), recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu) {
        return;
    }
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recent")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}
