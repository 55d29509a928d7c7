// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class EventFilter;
class EventStore;
class TimelineIndex;
class TimelineZoom;

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
QString exportImage(QWidget *parent, const TimelineIndex &index, const TimelineZoom &zoom, const QString &timelinePath,
    const EventFilter &filter, const QString &selectedId);

} // namespace ExportActions
