// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The measures the timeline's layout and painting share (timelinelayout.cpp, timelinerenderer.cpp).

#include <QColor>
#include <QSize>

namespace TimelineMetrics {

inline constexpr double kMarkerRadius = 4.5;
inline constexpr double kBarHeight = 10;
inline constexpr double kMinInsideLabel = 60; // a bar this wide carries its label inside
inline constexpr double kLabelPad = 5;
inline constexpr double kGap = 8;
inline constexpr double kLanePad = 4;
inline constexpr QSize kFlagSize(20, 15);

inline QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace TimelineMetrics
