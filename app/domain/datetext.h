// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventtime.h"

#include <QStringView>

#include <optional>

// Dates as people write them, read into Annals' times. TimePoint::parse reads ISO 8601 and BC/AD years; this adds
// English month names as spreadsheets and historians write them, and what a source says of how sure it is: "c. 383",
// "circa 1200", "Between 47 and 50", and the Library of Congress's Extended Date/Time Format (EDTF, ISO 8601-2):
// "1984?" (uncertain), "1984~" (approximate), "1984%" (both), "198X" and "19XX" (unspecified digits), "2001-21" (a
// season), "1984/1986" (an interval), "[1667,1668]" (one of a set) and "{1667,1668}" (all of them).
namespace DateText {

// One point: everything TimePoint::parse reads, and English month names or their abbreviations in any case:
// "9-May-20", "01-January-2015", "22 May 2023", "30 may 1381", "May 22, 2023", "Dec 1192", "Sept. 1939".
std::optional<TimePoint> parsePoint(QStringView text, QString *error = nullptr);

// A date with its certainty: a point; an interval ("1984/1986", which the event lasts); a span within which it
// happened at some time ("Between 47 and 50", "198X", "[1667,1668]"); approximate ("c. 383", "1984~"), uncertain
// ("1984?") or both ("1984%"). A qualified date keeps its text as written (EventTime::written), so that it is shown
// and exported as the source wrote it. Nullopt, with *error saying what is wrong, when the text is not a date.
std::optional<EventTime> parse(QStringView text, QString *error = nullptr);

// The time of a start and an end given apart (two columns of a file): from the start to the end (its last period, if
// it is a span itself), at the coarser of their precisions, approximate or uncertain as either is. Where either is
// qualified, the written text joins both ("c. 1200 – 1250"). Nullopt, with *error, when the end comes before the
// start or the start already spans a time of its own.
std::optional<EventTime> join(const EventTime &start, const EventTime &end, QString *error = nullptr);

} // namespace DateText
