// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline's .timeline XML through QXmlStreamReader, strict and with --skip-invalid.
#include "fuzzinput.h"
#include "io/timelinexmlimport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    ImportError error;
    TimelineXmlImport::read(input.bytes, QStringLiteral("fuzz.timeline"), input.choice, &error);
    TimelineXmlImport::rootElement(input.bytes);
    return 0;
}
