// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/eventmarks.h"
#include "timeline/timelinerenderer.h"

// Paints the analyst's marks over a frame the renderer painted: a star beside each starred event, and each link
// between two events in view as an arrow from the first to the second with its label.
namespace MarkPainter {

void paint(QPainter *painter, const TimelineRenderer::Frame &frame, const TimelineIndex &index,
    const QList<EventLink> &links, const QPalette &palette);

} // namespace MarkPainter
