// SPDX-License-Identifier: GPL-3.0-or-later
#include "flags.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QSvgRenderer>

namespace Flags {

QString svgPath(const QString &alpha2)
{
    return QStringLiteral("/usr/share/iso-flags-svg/country-4x3/%1.svg").arg(alpha2.toLower());
}

QPixmap pixmap(const QString &alpha2, const QSize &size, qreal devicePixelRatio)
{
    static QHash<QString, QPixmap> cache;
    const QString key = alpha2 + QStringLiteral("/%1x%2@%3").arg(size.width()).arg(size.height()).arg(devicePixelRatio);
    if (const auto it = cache.constFind(key); it != cache.constEnd()) {
        return *it;
    }
    QPixmap result;
    if (alpha2.size() == 2 && QFile::exists(svgPath(alpha2))) {
        QSvgRenderer renderer(svgPath(alpha2));
        if (renderer.isValid()) {
            result = QPixmap(size * devicePixelRatio);
            result.setDevicePixelRatio(devicePixelRatio);
            result.fill(Qt::transparent);
            QPainter painter(&result);
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        }
    }
    cache.insert(key, result);
    return result;
}

} // namespace Flags
