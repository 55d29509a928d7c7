// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

// A digest of the schema and of every row of every table of a timeline file: a failed or cancelled write must
// leave it as it was. The schema counts too, since a write into an empty timeline drops its indexes and must
// bring them back.
inline QByteArray tableChecksum(const QString &path)
{
    QByteArray result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("checksum"));
        db.setDatabaseName(path);
        if (!db.open()) {
            return {};
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QStringList tables;
        for (QSqlQuery schema(QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY name"), db);
             schema.next();) {
            hash.addData(
                (schema.value(0).toString() + schema.value(1).toString() + schema.value(2).toString()).toUtf8());
            if (schema.value(0).toString() == QLatin1String("table")) {
                tables << schema.value(1).toString();
            }
        }
        for (const QString &table : tables) {
            hash.addData(table.toUtf8());
            for (QSqlQuery rows(QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(table), db); rows.next();) {
                for (int c = 0; c < rows.record().count(); ++c) {
                    hash.addData(rows.value(c).toString().toUtf8());
                    hash.addData("\x1f");
                }
            }
        }
        result = hash.result();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("checksum"));
    return result;
}
