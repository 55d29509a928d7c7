// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar through libical, recurrences and all, strict and with --skip-invalid.
#include "fuzzinput.h"
#include "io/icalendarimport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    ImportError error;
    ICalendarImport::read(input.bytes, QStringLiteral("fuzz.ics"), input.choice, &error);
    return 0;
}
