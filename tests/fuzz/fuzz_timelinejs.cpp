// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineJS JSON, strict and with --skip-invalid.
#include "fuzzinput.h"
#include "io/timelinejsimport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    ImportError error;
    TimelineJsImport::read(input.bytes, QStringLiteral("fuzz.json"), input.choice, &error);
    return 0;
}
