// SPDX-License-Identifier: GPL-3.0-or-later
#include "importerror.h"

QString ImportError::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0) {
            where += QLatin1Char(':') + QString::number(column);
        }
    }
    return where + QStringLiteral(": ") + (field.isEmpty() ? QString() : field + QStringLiteral(": ")) + message;
}
