// SPDX-License-Identifier: GPL-3.0-or-later
// What the store's tests share: times from ISO text, ids and titles of a list, a one-line event, and events whose
// dates say how sure they are.
#pragma once

#include "domain/datetext.h"
#include "domain/event.h"

#include <QList>
#include <QStringList>

namespace StoreTest {

inline qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

inline QStringList titles(const QList<Event> &events)
{
    QStringList result;
    for (const Event &event : events) {
        result << event.title;
    }
    return result;
}

inline QStringList ids(const QList<Event> &events)
{
    QStringList result;
    for (const Event &event : events) {
        result << event.id;
    }
    return result;
}

inline Event simpleEvent(const QString &id, const QString &title, const char *start)
{
    Event event;
    event.id = id;
    event.title = title;
    const TimePoint point = *TimePoint::parse(QString::fromLatin1(start));
    event.time = EventTime(point.seconds, point.precision);
    return event;
}

// Events whose dates say how sure they are, or are known to the millisecond, as a file would hold them.
inline QList<Event> qualifiedEvents()
{
    QList<Event> events;
    const auto add = [&](const char *id, const char *date) {
        events << simpleEvent(QString::fromLatin1(id), QString::fromLatin1(id), "2000");
        events.last().time = *DateText::parse(QString::fromUtf8(date));
    };
    add("circa", "c. 383");
    add("uncertain", "1984?");
    add("both", "1984%");
    add("between", "Between 47 and 50");
    add("decade", "198X");
    add("later", "2023-05-22T14:30:15.250Z");
    add("earlier", "2023-05-22T14:30:15.004Z");
    add("span of milliseconds", "2023-05-22T14:30:15.100Z/2023-05-22T14:30:15.900Z");
    return events;
}

} // namespace StoreTest
