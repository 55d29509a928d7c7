// SPDX-License-Identifier: GPL-3.0-or-later
#include "importerror.h"

#include <QFile>

std::optional<QByteArray> ImportError::readFile(const QString &path, ImportError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = ImportError{path, 0, 0, QString(), file.errorString()};
        }
        return std::nullopt;
    }
    if (file.size() > kMaxWholeFileBytes) {
        if (error) {
            *error = ImportError{path, 0, 0, QString(),
                QStringLiteral("this file is %1 MB; Annals reads JSON and iCalendar files of up to %2 MB whole. "
                               "Split it, or write it as CSV, which is read as a stream of any length")
                    .arg(file.size() / 1024 / 1024)
                    .arg(kMaxWholeFileBytes / 1024 / 1024)};
        }
        return std::nullopt;
    }
    return file.readAll();
}

QString ImportError::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0) {
            where += QLatin1Char(':') + QString::number(column);
        }
    }
    const QString what = (field.isEmpty() ? QString() : field + QStringLiteral(": ")) + message;
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}
