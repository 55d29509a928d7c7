// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importerror.h"

#include <QByteArray>

#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

// The file an import reads: the file itself, or the one file inside a .zip, decompressed as it is read (GDELT and
// ACLED are downloaded zipped). Through libzip.
namespace InputFile {

// Whether the file is a ZIP archive (by its first bytes, whatever its name).
bool isZip(const QString &path);
// Opens the file, or the one file in a .zip, for reading from the start. size() is the uncompressed size and
// pos() how far the reading has come. nullptr, with *error naming the file and why, when it cannot.
std::unique_ptr<QIODevice> open(const QString &path, ImportError *error);
// The first bytes of what open() would read, for telling formats apart; empty when it cannot be read.
QByteArray head(const QString &path, qint64 bytes = 64 * 1024);

} // namespace InputFile
