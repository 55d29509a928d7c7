// SPDX-License-Identifier: GPL-3.0-or-later
#include "storefault.h"

#include "storage/sqlitestatement.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace {

QString readOnly()
{
    return QStringLiteral("the file is read-only, so Annals can show it but not change it; make it writable "
                          "(chmod u+w), or import into a copy");
}

} // namespace

namespace StoreFault {

QString describe(sqlite3 *db)
{
    if (!db) {
        return {};
    }
    const int code = sqlite3_extended_errcode(db);
    switch (code & 0xff) {
    case SQLITE_FULL:
        return QStringLiteral("the disk is full (or the file has reached its size limit); free some space and try "
                              "again");
    case SQLITE_READONLY:
        return readOnly();
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("another program is writing to this timeline (Annals waited %1 seconds); try again "
                              "when it has finished")
            .arg(kBusyTimeoutMs / 1000);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("the file is damaged (%1); 'annals check' or File > Check Timeline says where. "
                              "Export what can still be read, or go back to a backup")
            .arg(QString::fromUtf8(sqlite3_errmsg(db)));
    case SQLITE_IOERR:
        return QStringLiteral("the file cannot be read or written (%1); is its disk still there?")
            .arg(QString::fromUtf8(sqlite3_errmsg(db)));
    case SQLITE_CANTOPEN:
        return QStringLiteral("the file cannot be opened; was it moved or deleted?");
    default:
        return {};
    }
}

QString describe(sqlite3 *db, const QString &fallback)
{
    const QString plain = describe(db);
    return plain.isEmpty() ? fallback : plain;
}

bool isReadOnly(const QString &path)
{
    // The mode bits, not WriteUser: that one says whether this process may write, and root always may.
    constexpr auto anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    const QFileInfo info(path);
    return info.exists() && ((info.permissions() & anyWrite) == 0 || !info.isWritable());
}

QString whyNotWritable(const QString &path, sqlite3 *db)
{
    if (path == QLatin1String(":memory:")) {
        return {};
    }
    int moved = 0;
    if (db && sqlite3_file_control(db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved) {
        return QStringLiteral("the file was moved or deleted while Annals had it open; open it again where it is "
                              "now");
    }
    if (isReadOnly(path) || (db && sqlite3_db_readonly(db, "main") == 1)) {
        return readOnly();
    }
    return {};
}

QStringList check(sqlite3 *db, bool full, int limit)
{
    const QByteArray sql
        = QByteArray(full ? "PRAGMA integrity_check(" : "PRAGMA quick_check(") + QByteArray::number(limit) + ')';
    SqliteStatement statement(db, sql.constData());
    QStringList problems;
    while (statement.next()) {
        const std::string_view text = statement.text(0);
        const QString line = QString::fromUtf8(text.data(), qsizetype(text.size()));
        if (line != QLatin1String("ok")) {
            problems << line;
        }
    }
    if (!statement.done()) {
        problems << statement.errorString(); // in plain words already
    }
    return problems;
}

QStringList checkFile(const QString &path, bool full, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("%1: there is no such file").arg(path);
        return {};
    }
    sqlite3 *db = nullptr;
    const int opened = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    QStringList problems;
    if (opened != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(path, describe(db, QString::fromUtf8(sqlite3_errstr(opened))));
    } else {
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        problems = check(db, full);
    }
    sqlite3_close(db);
    return problems;
}

} // namespace StoreFault
