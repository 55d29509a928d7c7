// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordimport.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

// What every fuzz target starts from: libFuzzer's bytes (copied into a QByteArray, as the importers get them), and one
// bit of them for a choice (strict or
// --skip-invalid) so that both paths are explored from one corpus.
struct FuzzInput {
    FuzzInput(const uint8_t *data, size_t size)
        : bytes(reinterpret_cast<const char *>(data), qsizetype(size)) // a copy: it ends in a NUL, as a file read does
        , choice(size > 0 && (data[size - 1] & 1) != 0)
    {
    }
    QByteArray bytes;
    bool choice;
};

// The bytes as a device, as the importers read files.
class FuzzDevice {
public:
    explicit FuzzDevice(const QByteArray &bytes)
        : m_bytes(bytes)
        , m_buffer(&m_bytes)
    {
        m_buffer.open(QIODevice::ReadOnly);
    }
    QIODevice *device() { return &m_buffer; }

private:
    QByteArray m_bytes;
    QBuffer m_buffer;
};

// A record reader (CSV, GDELT, ACLED) over the input, strict or with --skip-invalid as the input chooses, its
// events going to a sink as in an import. `read(device, options, error, sink)` calls the reader.
template <typename Options, typename Read> void readRecords(const FuzzInput &input, Options options, const Read &read)
{
    FuzzDevice file(input.bytes);
    qsizetype events = 0;
    const RecordImport::Sink sink = [&events](const Event &, int) { return ++events < 100000; };
    options.skipInvalid = input.choice;
    ImportError error;
    read(file.device(), options, &error, sink);
}
