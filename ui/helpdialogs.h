// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

// The Help menu's boxes.
namespace HelpDialogs {

// Help > Keyboard Shortcuts: every key and gesture of the window, in a two-column table per place.
void showShortcuts(QWidget *parent);
// Help > About Annals: the version, the licence, the Qt and SQLite it runs on, and the data it ships.
void showAbout(QWidget *parent);

} // namespace HelpDialogs
