// SPDX-License-Identifier: GPL-3.0-or-later
// AcledImport's records, from bytes to events, strict and with --skip-invalid.
#include "fuzzinput.h"
#include "io/acledimport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    readRecords(FuzzInput(data, size), RecordImport::Options(),
        [](QIODevice *device, const auto &options, ImportError *error, const auto &sink) {
            AcledImport::read(device, QStringLiteral("fuzz.csv"), options, error, sink);
        });
    return 0;
}
