// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

// Lane colours: distinct, calm, and legible on a light or a dark background. A lane's slot comes from the
// TimelineIndex, which keeps it the same under every filter and in every export: the whole timeline's largest lanes
// get the first slots. There are kColours distinguishable colours and no more: every lane past them is drawn in one
// neutral grey, which the legends name "other lanes", so that no colour ever stands for two lanes.
namespace LanePalette {

inline constexpr int kColours = 12;

// Whether the slot has a colour of its own (false: the neutral grey).
inline bool hasOwnColour(int slot)
{
    return slot >= 0 && slot < kColours;
}
QColor colour(int slot, bool dark = false);
QColor neutral(bool dark = false);

} // namespace LanePalette
