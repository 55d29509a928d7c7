// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

// Lane colours: distinct, calm, and legible on a light or a dark background. A lane's slot comes from the
// TimelineIndex, which keeps it the same under every filter and in every export.
namespace LanePalette {

QColor colour(int slot, bool dark = false);

} // namespace LanePalette
