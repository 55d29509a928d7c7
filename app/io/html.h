// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// HTML written by other people (TimelineJS text, iCalendar descriptions) turned into the plain text Annals keeps:
// tags dropped, line breaks kept for <br> and block ends, entities decoded, runs of spaces folded. Nothing is
// ever rendered or fetched; this only reads characters. QtCore only, so the core can use it.
namespace Html {

QString toPlainText(const QString &html);

} // namespace Html
