// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanepalette.h"

#include <array>

namespace LanePalette {

QColor colour(int slot, bool dark)
{
    // Tableau's ten and two more of the same weight; beyond twelve lanes the colours repeat.
    static constexpr std::array<QRgb, 12> kColours{0x4e79a7, 0xe15759, 0xf28e2b, 0x59a14f, 0x76b7b2, 0xb07aa1, 0xedc948,
        0xff9da7, 0x9c755f, 0x499894, 0xd37295, 0x8cd17d};
    const QColor base = QColor::fromRgb(kColours[size_t(std::abs(slot)) % kColours.size()]);
    return dark ? base.lighter(120) : base;
}

} // namespace LanePalette
