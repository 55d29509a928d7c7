// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

OutputFile::OutputFile(const QString &path)
    : m_path(path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        m_file = std::make_unique<QFile>(path);
    } else {
        m_file = std::make_unique<QSaveFile>(path);
    }
}

OutputFile::~OutputFile() = default;

bool OutputFile::open()
{
    return m_file->open(QIODevice::WriteOnly);
}

QIODevice *OutputFile::device() const
{
    return m_file.get();
}

bool OutputFile::commit()
{
    if (auto *save = dynamic_cast<QSaveFile *>(m_file.get())) {
        return save->commit();
    }
    const bool ok = m_file->flush() && m_file->error() == QFileDevice::NoError;
    m_file->close();
    return ok && m_file->error() == QFileDevice::NoError;
}

QString OutputFile::errorString() const
{
    return m_file->errorString();
}

bool OutputFile::write(const QString &path, const QByteArray &data, QString *error)
{
    OutputFile file(path);
    if (!file.open() || file.device()->write(data) != data.size() || !file.commit()) {
        if (error) {
            *error = path + QStringLiteral(": ") + file.errorString();
        }
        return false;
    }
    return true;
}
