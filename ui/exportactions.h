// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class EventFilter;
class EventStore;
class TimelineView;

QT_BEGIN_NAMESPACE
class QString;
class QWidget;
QT_END_NAMESPACE

// File > Export Data and File > Export Image: ask where (and, for an image, how), write, and report a failure in a
// box. Each returns what the status bar should say, or an empty string when nothing was written.
namespace ExportActions {

// The events the filter shows, as Annals JSON or CSV (by the name's suffix).
QString exportData(QWidget *parent, const EventStore &store, const EventFilter &filter);

// The timeline as PNG, SVG or PDF: the visible range or everything, with the filter described in the caption.
// The lanes as `view` shows them: in its order, with its collapsed lanes. Titled by the timeline's title, else by
// its file's name.
QString exportImage(QWidget *parent, const TimelineView &view, const QString &timelinePath,
    const QString &timelineTitle, const EventFilter &filter);

} // namespace ExportActions
