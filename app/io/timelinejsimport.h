// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

// Events from TimelineJS's JSON: date parts as strings (empty parts are ""), BC and deep-time years ("-490",
// "-13800000000"), HTML in the text, a title slide (not an event) and eras (imported as ranges of kind "era").
namespace TimelineJsImport {

struct Result {
    QString title;
    QList<Event> events;
    QList<ImportError> skipped;
};

// Whether JSON text looks like a TimelineJS file rather than Annals' own.
bool looksLikeTimelineJs(const QByteArray &json);

std::optional<Result> read(const QByteArray &json, const QString &fileName, bool skipInvalid, ImportError *error);
std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error);

} // namespace TimelineJsImport
