// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE
struct sqlite3;
struct sqlite3_stmt;

// One prepared statement on SQLite's own API, for the write path and the working set's load, where QSqlQuery's QVariant per value costs more
// than SQLite's work. Values are bound in order with bind(); exec() runs the statement and readies it for the
// next set of values.
class SqliteStatement final {
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    SqliteStatement &bind(const QString &text); // a null string binds as '' (text columns are NOT NULL)
    SqliteStatement &bind(qint64 value);
    SqliteStatement &bind(int value) { return bind(qint64(value)); }
    SqliteStatement &bind(bool value) { return bind(qint64(value)); }
    SqliteStatement &bind(const std::optional<qint64> &value);
    SqliteStatement &bind(const std::optional<double> &value);
    SqliteStatement &bindBlob(const QByteArray &blob);

    // Runs the statement to its end. False, with errorString() set, on failure.
    bool exec();
    // Steps once: true while there is a row to read with int64() and blob(); call reset() when done.
    bool next();
    void reset();
    qint64 int64(int column) const;
    QByteArray blob(int column) const;
    // A text column's UTF-8 bytes, valid until the next step.
    std::string_view text(int column) const;
    QString string(int column) const;
    bool isNull(int column) const;
    // Whether the last step reached the end (rather than failing).
    bool done() const;

    QString errorString() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_index = 0;
    int m_status = 0;
    QString m_prepareError;
};

// The SQLite handle under a Qt connection, or nullptr when the driver is not SQLite.
sqlite3 *sqliteHandle(const QSqlDatabase &db);
