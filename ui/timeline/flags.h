// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPixmap>
#include <QString>

// Country flags from Debian's iso-flags-svg, drawn once per code and size and cached.
namespace Flags {

// A null pixmap when there is no flag for the code (or iso-flags-svg is missing).
QPixmap pixmap(const QString &alpha2, const QSize &size, qreal devicePixelRatio = 1);
QString svgPath(const QString &alpha2);

} // namespace Flags
