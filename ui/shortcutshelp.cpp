// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutshelp.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace ShortcutsHelp {

void show(QWidget *parent)
{
    QMessageBox box(QMessageBox::NoIcon, QCoreApplication::translate("ShortcutsHelp", "Keyboard Shortcuts"),
        QCoreApplication::translate("ShortcutsHelp",
            "On the timeline:\n"
            "Wheel\tzoom at the cursor\n"
            "Drag\tpan\n"
            "Shift+drag\tzoom to the dragged range\n"
            "+ / −\tzoom in / out (back through your zooms)\n"
            "← / →\tpan\n"
            "↑ / ↓\tprevious / next event in time\n"
            "Home / End\tgo to the start / end\n"
            "F\tfit everything\n"
            "Click / double-click\tselect / zoom to an event or open a cluster\n\n"
            "Anywhere:\n"
            "Ctrl+F\tsearch\n"
            "Esc\tclear the selection\n"
            "Ctrl+O / Ctrl+I\topen a timeline / import events\n"
            "Ctrl+Shift+E / Ctrl+E\texport an image / the data\n\n"
            "On the overview chart: click or drag to move the timeline, drag the band's edges to resize it, "
            "Shift+drag to filter by dates."),
        QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace ShortcutsHelp
