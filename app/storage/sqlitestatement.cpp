// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include "storage/storefault.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    m_status = db ? sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) : SQLITE_MISUSE;
    if (db && !m_statement) {
        m_prepareError
            = StoreFault::describe(db, QString::fromUtf8(sqlite3_errmsg(db))); // kept: later calls overwrite it
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement &SqliteStatement::bind(const QString &text)
{
    // Qt's conversion to UTF-8 is faster than SQLite's; TRANSIENT copies, so the bytes may go before exec().
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(
        m_statement, ++m_index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(qint64 value)
{
    sqlite3_bind_int64(m_statement, ++m_index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(const std::optional<qint64> &value)
{
    if (value) {
        return bind(*value);
    }
    sqlite3_bind_null(m_statement, ++m_index);
    return *this;
}

SqliteStatement &SqliteStatement::bind(const std::optional<double> &value)
{
    if (value) {
        sqlite3_bind_double(m_statement, ++m_index, *value);
    } else {
        sqlite3_bind_null(m_statement, ++m_index);
    }
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(const QByteArray &blob)
{
    sqlite3_bind_blob(m_statement, ++m_index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

bool SqliteStatement::exec()
{
    if (!m_statement) {
        return false;
    }
    do {
        m_status = sqlite3_step(m_statement);
    } while (m_status == SQLITE_ROW);
    reset();
    return m_status == SQLITE_DONE;
}

bool SqliteStatement::next()
{
    if (!m_statement) {
        return false;
    }
    m_status = sqlite3_step(m_statement);
    return m_status == SQLITE_ROW;
}

void SqliteStatement::reset()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
    }
    m_index = 0;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

std::string_view SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return data ? std::string_view(data, size_t(sqlite3_column_bytes(m_statement, column))) : std::string_view();
}

QString SqliteStatement::string(int column) const
{
    const std::string_view utf8 = text(column);
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

bool SqliteStatement::done() const
{
    return m_status == SQLITE_DONE;
}

QString SqliteStatement::errorString() const
{
    if (!m_db) {
        return QStringLiteral("the timeline is not an SQLite file");
    }
    if (!m_prepareError.isEmpty()) {
        return m_prepareError;
    }
    // A full disk, a locked or damaged file: in plain words.
    return StoreFault::describe(m_db, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}
