// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QFileDevice;
class QIODevice;
QT_END_NAMESPACE

// A file being written by an export. A regular file is written beside its target and renamed over it on commit,
// so that a failure never leaves half a file and never harms the file that was there. A path that is not a
// regular file (a device such as /dev/stdout, a pipe) is written in place: renaming over it would replace it.
class OutputFile final {
public:
    explicit OutputFile(const QString &path);
    ~OutputFile();
    Q_DISABLE_COPY_MOVE(OutputFile)

    bool open();
    QIODevice *device() const;
    // Flushes and, for a regular file, renames into place. False on any write error.
    bool commit();
    QString errorString() const;

    // Writes `data` whole; on failure says why in *error, naming the path.
    static bool write(const QString &path, const QByteArray &data, QString *error);

private:
    QString m_path;
    std::unique_ptr<QFileDevice> m_file;
};
