// SPDX-License-Identifier: GPL-3.0-or-later
// CSV with any columns, from bytes to events, strict and with --skip-invalid, NA meaning "no value".
#include "fuzzinput.h"
#include "io/csvimport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CsvImport::Options options;
    options.missing = {QStringLiteral("NA")};
    readRecords(FuzzInput(data, size), options,
        [](QIODevice *device, const auto &options, ImportError *error, const auto &sink) {
            CsvImport::read(device, QStringLiteral("fuzz.csv"), options, error, sink);
        });
    return 0;
}
