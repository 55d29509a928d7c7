// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

// Events from the `.timeline` XML of Timeline, the desktop program (thetimelineproj; its schema is
// documentation/timeline.xsd there): <timeline><version/><timetype/><eras/><categories/><events/><view/>, read
// with QXmlStreamReader (no DTD, no external entity is loaded). Only the Gregorian time type is read; its times
// are "YYYY-MM-DD HH:MM:SS", and an event whose start and end both fall at midnight is a day (or days).
// - an event's category is its kind, and the category with its parents its tags;
// - "fuzzy" (or fuzzy_start, fuzzy_end) makes the date approximate (EventTime::Approximate);
// - "ends_today" ends the event on the file's <now>, or the day of the import (its id does not change with it);
// - a container ("[1]Talks", its subevents "(1)Round one") is an event, and its name a tag of each subevent;
// - a milestone is an event of one moment; eras become ranges of kind "era";
// - the description is the summary, as plain text; each http or https hyperlink is a source.
namespace TimelineXmlImport {

struct Result {
    QList<Event> events;
    QList<ImportError> skipped;
};

// The name of the XML document's root element ("timeline", "kml", ...), or an empty string for no XML.
QString rootElement(const QByteArray &head);

std::optional<Result> read(const QByteArray &xml, const QString &fileName, bool skipInvalid, ImportError *error);
std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error);

} // namespace TimelineXmlImport
