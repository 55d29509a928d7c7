// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdialogs.h"

#include "storage/eventstore.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace HelpDialogs {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HelpDialogs", text);
}

} // namespace

void showShortcuts(QWidget *parent)
{
    struct Row {
        const char *keys; // nullptr: `what` is a heading
        const char *what;
    };
    static constexpr Row kRows[] = {
        {nullptr, "On the timeline"},
        {"Wheel", "zoom at the cursor"},
        {"Shift+wheel, or the wheel over the lane names", "scroll the lanes"},
        {"Page Up / Page Down", "scroll the lanes by a page"},
        {"Drag", "pan"},
        {"Shift+drag", "zoom to the dragged range"},
        {"+ / −", "zoom in / out, about the selected event when it is in view"},
        {"← / →", "pan"},
        {"↑ / ↓", "previous / next event in time"},
        {"Home / End", "go to the start / end"},
        {"F", "fit everything"},
        {"Click / double-click", "select / zoom to an event"},
        {"Click on a count", "zoom into it, or list the events of one day"},
        {"Click on a lane's name", "collapse it to a thin row, or open it"},
        {nullptr, "Anywhere"},
        {"Ctrl+F", "search"},
        {"Esc", "clear the selection"},
        {"Tab / Shift+Tab", "the next / previous control"},
        {"Ctrl+O / Ctrl+I", "open a timeline / import events"},
        {"Ctrl+Shift+E / Ctrl+E", "export an image / the data"},
        {nullptr, "Writing and marking"},
        {"Ctrl+Shift+N", "a new, empty timeline"},
        {"Ctrl+N / F2 / Delete", "new event / edit / delete the selected event"},
        {"Right-click an event", "edit, delete, star, note, tags, link"},
        {"Ctrl+D / Ctrl+M / Ctrl+T", "star or unstar / add a note / your tags"},
        {"Ctrl+L", "link from the selected event (then right-click the other)"},
        {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo, imports included"},
        {"Ctrl+Shift+V", "save the current view"},
        {nullptr, "On the overview chart"},
        {"Click or drag", "move the timeline"},
        {"Drag the band's edges", "resize it"},
        {"Shift+drag", "filter by dates"},
    };
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(int(std::size(kRows)), 2, &dialog);
    table->horizontalHeader()->hide();
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setShowGrid(false);
    table->setFocusPolicy(Qt::NoFocus);
    QFont bold = table->font();
    bold.setBold(true);
    for (int row = 0; row < int(std::size(kRows)); ++row) {
        const Row &entry = kRows[row];
        if (!entry.keys) {
            auto *heading = new QTableWidgetItem(tr(entry.what));
            heading->setFont(bold);
            table->setItem(row, 0, heading);
            table->setSpan(row, 0, 1, 2);
            continue;
        }
        table->setItem(row, 0, new QTableWidgetItem(tr(entry.keys)));
        table->setItem(row, 1, new QTableWidgetItem(tr(entry.what)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMinimumSize(table->columnWidth(0) + table->columnWidth(1) + 40,
        std::min(640, table->verticalHeader()->length() + 2 * table->frameWidth()));
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

void showAbout(QWidget *parent)
{
    QMessageBox box(QMessageBox::NoIcon, tr("About Annals"),
        tr("Annals %1\n"
           "A timeline and event browser for people who follow world affairs.\n\n"
           "Licensed under the GNU General Public License, version 3 or later.\n"
           "Runs on Qt %2 and SQLite %3.\n\n"
           "Country names come from Debian's iso-codes (ISO 3166, LGPL 2.1 or later) and flags from iso-flags-svg "
           "(public domain). GDELT's country codes are read through tables of FIPS 10-4 (the NGA's Geopolitical "
           "Entities and Codes) and CAMEO (the CAMEO code book, Schrodt et al.) codes, which Annals ships.")
            .arg(QStringLiteral(ANNALS_VERSION), QString::fromLatin1(qVersion()), EventStore::sqliteVersion()),
        QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace HelpDialogs
