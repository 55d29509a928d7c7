// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanepalette.h"

#include <array>

namespace LanePalette {

QColor colour(int slot, bool dark)
{
    if (!hasOwnColour(slot)) {
        return neutral(dark);
    }
    // Tableau's ten and two more of the same weight.
    static constexpr std::array<QRgb, kColours> kRgb{0x4e79a7, 0xe15759, 0xf28e2b, 0x59a14f, 0x76b7b2, 0xb07aa1,
        0xedc948, 0xff9da7, 0x9c755f, 0x499894, 0xd37295, 0x8cd17d};
    const QColor base = QColor::fromRgb(kRgb[size_t(slot)]);
    return dark ? base.lighter(120) : base;
}

QColor neutral(bool dark)
{
    // Greyer than any lane's colour and of about their lightness, so that the coloured lanes stand out.
    return dark ? QColor(0x8a, 0x8a, 0x8a) : QColor(0xa8, 0xa8, 0xa8);
}

} // namespace LanePalette
