// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"

#include <QByteArray>
#include <QString>

#include <optional>

// A named way of looking at a timeline: its filter, its lanes, the span in view and the selected event. Views are
// kept in the timeline's file, and one can be written to a small JSON file for a colleague to read back.
struct SavedView {
    QString name;
    EventFilter filter;
    QString lanes; // a lane mode's name (laneModeName), or empty to leave the lanes as they are
    std::optional<qint64> rangeStart; // the span in view, in seconds, when the view keeps one
    std::optional<qint64> rangeEnd;
    QString selected; // an event's id, or empty

    // {"format": "annals-view", "version": 1, "name": ..., "filter": {...}, "lanes": ..., "range": [start, end],
    // "selected": ...}
    QByteArray toJson() const;
    // nullopt, with *error naming the field and what is wrong with it, for anything else.
    static std::optional<SavedView> fromJson(const QByteArray &json, QString *error);

    friend bool operator==(const SavedView &, const SavedView &) = default;
};
