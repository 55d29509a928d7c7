// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputfile.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QList>

#include <zip.h>

namespace {

// One file inside a ZIP archive, read forwards only.
class ZipEntryDevice final : public QIODevice {
public:
    ZipEntryDevice(zip_t *archive, zip_file_t *entry, qint64 size)
        : m_archive(archive)
        , m_entry(entry)
        , m_size(size)
    {
    }
    ~ZipEntryDevice() override
    {
        zip_fclose(m_entry);
        zip_discard(m_archive); // read only: nothing to write back
    }
    Q_DISABLE_COPY_MOVE(ZipEntryDevice)

    qint64 size() const override { return m_size; }
    bool seek(qint64 position) override { return position == pos() && QIODevice::seek(position); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const zip_int64_t read = zip_fread(m_entry, data, zip_uint64_t(maxSize));
        if (read < 0) {
            return fail();
        }
        m_read += read;
        // libzip checks the entry's checksum on the read that finds its end, which a reader that stops at
        // size() never makes: make it here.
        if (read > 0 && m_read == m_size) {
            char probe = 0;
            const zip_int64_t more = zip_fread(m_entry, &probe, 1);
            if (more < 0) {
                return fail();
            }
            if (more > 0) {
                setErrorString(QStringLiteral("the file inside is longer than the archive says"));
                return -1;
            }
        }
        return read;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 fail()
    {
        setErrorString(QString::fromUtf8(zip_error_strerror(zip_file_get_error(m_entry))));
        return -1;
    }

    zip_t *m_archive;
    zip_file_t *m_entry;
    qint64 m_size;
    qint64 m_read = 0;
};

ImportError failure(const QString &path, const QString &message)
{
    return ImportError{path, 0, 0, QString(), message};
}

} // namespace

namespace InputFile {

bool isZip(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArray("PK\x03\x04", 4);
}

std::unique_ptr<QIODevice> open(const QString &path, ImportError *error)
{
    const auto fail = [&](const QString &message) -> std::unique_ptr<QIODevice> {
        if (error) {
            *error = failure(path, message);
        }
        return nullptr;
    };
    if (QFileInfo(path).isDir()) {
        return fail(QStringLiteral("this is a folder, not a file"));
    }
    if (!isZip(path)) {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly)) {
            return fail(file->errorString());
        }
        return file;
    }
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!archive) {
        zip_error_t zipError;
        zip_error_init_with_code(&zipError, code);
        const QString message = QString::fromUtf8(zip_error_strerror(&zipError));
        zip_error_fini(&zipError);
        return fail(QStringLiteral("this .zip cannot be read (%1); is it cut short or damaged?").arg(message));
    }
    // The files in it, leaving out folders and the __MACOSX shadows that macOS adds.
    QList<zip_uint64_t> files;
    zip_stat_t stat;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        const char *name = zip_get_name(archive, zip_uint64_t(i), 0);
        const QByteArray entryName = name ? QByteArray(name) : QByteArray();
        if (!entryName.endsWith('/') && !entryName.startsWith("__MACOSX/")) {
            files << zip_uint64_t(i);
        }
    }
    if (files.size() != 1) {
        zip_discard(archive);
        return fail(QStringLiteral("this .zip holds %1 files; Annals reads a .zip of one file, as GDELT and ACLED "
                                   "give them. Unzip it and import the file you want")
                        .arg(files.size()));
    }
    zip_stat_init(&stat);
    if (zip_stat_index(archive, files.first(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        const QString message = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return fail(QStringLiteral("the file inside this .zip cannot be read: %1").arg(message));
    }
    zip_file_t *entry = zip_fopen_index(archive, files.first(), 0);
    if (!entry) {
        const QString message = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return fail(QStringLiteral("the file inside this .zip cannot be read: %1").arg(message));
    }
    auto device = std::make_unique<ZipEntryDevice>(archive, entry, qint64(stat.size));
    device->open(QIODevice::ReadOnly);
    return device;
}

QByteArray head(const QString &path, qint64 bytes)
{
    const std::unique_ptr<QIODevice> device = open(path, nullptr);
    return device ? device->read(bytes) : QByteArray();
}

} // namespace InputFile
