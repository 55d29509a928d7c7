// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"
#include "io/importerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

// Events from iCalendar (.ics), parsed by libical: folded lines, escapes, UTC, TZID and floating times, all-day
// events (day precision), and recurring events expanded within a bounded window as RFC 5545 has it: RRULE and
// RDATE add occurrences, EXDATE removes one, and a VEVENT with a RECURRENCE-ID replaces one (taking its id), with
// TZIDs resolved through the calendar's own VTIMEZONEs.
namespace ICalendarImport {

// A recurring event yields its occurrences up to this many, and none more than this many years after it starts.
inline constexpr int kMaxOccurrences = 500;
inline constexpr int kMaxYears = 10;

struct Result {
    QString title;
    QList<Event> events;
    QList<ImportError> skipped;
};

// `ics` is handed to libical as a C string: it must end in a NUL, as every QByteArray does unless made with
// QByteArray::fromRawData.
std::optional<Result> read(const QByteArray &ics, const QString &fileName, bool skipInvalid, ImportError *error);
std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error);

} // namespace ICalendarImport
