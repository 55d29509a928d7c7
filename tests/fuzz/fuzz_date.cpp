// SPDX-License-Identifier: GPL-3.0-or-later
// The date parsers: ISO 8601 as Annals stores it, and the forms spreadsheets write. What parses must print as
// ISO text that parses back and prints the same.
#include "domain/eventtime.h"
#include "fuzzinput.h"
#include "io/csvimport.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    const QString text = QString::fromUtf8(input.bytes);
    QString error;
    if (const auto point = TimePoint::parse(text, &error)) {
        const QString iso = TimePoint::toIso(point->seconds, point->precision);
        const auto again = TimePoint::parse(iso);
        if (!again || TimePoint::toIso(again->seconds, again->precision) != iso) {
            std::abort(); // an ISO date that does not survive its own printing
        }
    }
    CsvImport::parseDate(text, &error);
    return 0;
}
