// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QString;
class QWidget;
QT_END_NAMESPACE

// A warning box whose text is never read as HTML: errors quote titles and file names from imported files.
void showPlainWarning(QWidget *parent, const QString &title, const QString &text);
