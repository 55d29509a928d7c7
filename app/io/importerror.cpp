// SPDX-License-Identifier: GPL-3.0-or-later
#include "importerror.h"

#include <QFile>
#include <QRegularExpression>

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

QString ImportError::mapHint(const QString &field, Audience audience)
{
    return audience == Audience::CommandLine
        ? QStringLiteral("name one with --map %1=COLUMN").arg(field)
        : QStringLiteral("choose its column under \"Columns\" in the Import dialog");
}

QString ImportError::toString(Audience audience) const
{
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0) {
            where += QLatin1Char(':') + QString::number(column);
        }
    }
    QString what = (field.isEmpty() ? QString() : field + QStringLiteral(": ")) + message;
    if (audience != Audience::CommandLine) {
        // The window's user has the Import dialog's controls, not the command line's flags.
        static const QRegularExpression hint(
            QRegularExpression::escape(mapHint(u"FIELD"_qs, Audience::CommandLine)).replace(u"FIELD"_qs, u"\\w+"_qs));
        what.replace(hint, mapHint(QString(), audience));
        what.replace(QStringLiteral("give --encoding latin1 if the file is Latin-1"),
            QStringLiteral("if the file is Latin-1, choose it under \"Encoding\" in the Import dialog"));
        static const QRegularExpression flag(QStringLiteral("(^|: )--(?:map|encoding|missing): "));
        what.replace(flag, QStringLiteral("\\1"));
    }
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}
