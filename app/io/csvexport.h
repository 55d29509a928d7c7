// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QByteArray>
#include <QList>

// Events as RFC 4180 CSV (UTF-8, CRLF), one row per event, for spreadsheets.
namespace CsvExport {

QStringList header();
QStringList row(const Event &event);
// One field, quoted where it holds a comma, a quote or a line break.
QString field(const QString &text);
QByteArray write(const QList<Event> &events);

} // namespace CsvExport
