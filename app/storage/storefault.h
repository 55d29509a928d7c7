// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

struct sqlite3;

// What goes wrong with a timeline's file rather than with its events, in words a user can act on: a full disk, a
// file made read-only, moved or deleted while open, another program writing, a damaged page. SQLite's own wording
// ("attempt to write a readonly database") is kept only where no plainer sentence fits.
namespace StoreFault {

// How long a write waits for another program's write to finish before it gives up.
inline constexpr int kBusyTimeoutMs = 5000;

// The plain sentence for the connection's last error when it is one of the faults above, else empty.
QString describe(sqlite3 *db);
// The plain sentence for the last error, else `fallback`.
QString describe(sqlite3 *db, const QString &fallback);

// Whether a write may start on the file at `path`, open on `db`: empty when it may, else why not (the file was
// moved or deleted since it was opened, or nobody may write it, as its permissions say even for root).
QString whyNotWritable(const QString &path, sqlite3 *db);

// Whether no one may write the file, by its permissions (root included, who could but should not).
bool isReadOnly(const QString &path);

// SQLite's quick_check (or the full integrity_check): empty when the file is sound, else what is wrong, one
// problem a line, at most `limit` of them.
QStringList check(sqlite3 *db, bool full = false, int limit = 20);
// The same on a file, opened read-only on its own connection, so that it works however damaged the file is. An
// error (no such file, not SQLite) goes to *error and gives an empty list.
QStringList checkFile(const QString &path, bool full, QString *error);

} // namespace StoreFault
