// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTimeZone>

#include <optional>

// The time zone in which times of day are shown: UTC (the default), the system's, or a named IANA zone. Stored
// times stay UTC, and so do dates: a day, month or year has no zone, so only minute-precision times move. The
// window sets it per timeline, the CLI from --tz; it is set from the main thread only, before anything is shown.
namespace DisplayZone {

// "UTC", "system" or an IANA id such as "Europe/Berlin"; nullopt when Qt does not know the name.
std::optional<QTimeZone> fromName(const QString &name);
// The name fromName() takes back.
QString nameOf(const QTimeZone &zone);

void set(const QTimeZone &zone);
QTimeZone zone();
bool isUtc();
// Seconds east of UTC at that moment (0 in UTC, and outside the years QDateTime can place, 1 to 9999).
int offsetAt(qint64 utcSeconds);
// What follows a time shown in the zone: "UTC", "CET", or "UTC+05:30" where the zone has no abbreviation.
QString suffixAt(qint64 utcSeconds);
// For people: "UTC", or "Europe/Berlin".
QString describe();

} // namespace DisplayZone
