// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "domain/eventmarks.h"
#include "io/importerror.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QJsonObject;
QT_END_NAMESPACE

// Annals' own JSON format: {"format": "annals", "version": 1, "title": "...", "events": [ {...}, ... ]}, or a bare
// array of events. The README documents every field.
namespace JsonFormat {

struct Document {
    QString title;
    QList<Event> events;
};

// Reads and checks every event. On the first problem returns nullopt and fills *error with the file, line,
// column, field and reason. Country names and alpha-3 codes are turned into alpha-2.
std::optional<Document> read(const QByteArray &json, const QString &fileName, ImportError *error);
std::optional<Document> readFile(const QString &path, ImportError *error);

// Indented JSON that read() turns back into equal events. With `marks`, each event's "marks" (the analyst's star,
// tags, notes and links) go beside its fields.
QByteArray write(const QList<Event> &events, const QString &title = {}, const QHash<QString, EventMarks> &marks = {});
QJsonObject toJson(const EventMarks &marks);
QJsonObject toJson(const Event &event);
// One line, keys sorted: the same event always gives the same bytes.
QByteArray toCompactJson(const Event &event);
// An id for an event its file gave none: from everything the event says, so that re-importing the same file
// adds nothing, and two events that share a title and a day (two press conferences) still differ.
QString stableId(const Event &event);

} // namespace JsonFormat
