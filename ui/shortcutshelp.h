// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

// Help > Keyboard Shortcuts: every key and gesture of the window, in one box.
namespace ShortcutsHelp {
void show(QWidget *parent);
} // namespace ShortcutsHelp
