// SPDX-License-Identifier: GPL-3.0-or-later
// IcewsImport's records, from bytes to events, strict and with --skip-invalid.
#include "fuzzinput.h"
#include "io/icewsimport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    readRecords(FuzzInput(data, size), RecordImport::Options(),
        [](QIODevice *device, const auto &options, ImportError *error, const auto &sink) {
            IcewsImport::read(device, QStringLiteral("fuzz.tab"), options, error, sink);
        });
    return 0;
}
