// SPDX-License-Identifier: GPL-3.0-or-later
// The date parsers: ISO 8601 as Annals stores it, and the forms people write (month names, "c. 383", "Between 47 and
// 50", EDTF). What parses must print as ISO text that parses back and prints the same, and no time may end before it
// starts.
#include "domain/datetext.h"
#include "domain/eventtime.h"
#include "fuzzinput.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    const QString text = QString::fromUtf8(input.bytes);
    QString error;
    if (const auto point = TimePoint::parse(text, &error)) {
        const QString iso = TimePoint::toIso(point->seconds, point->precision, point->millisecond);
        const auto again = TimePoint::parse(iso);
        if (!again || TimePoint::toIso(again->seconds, again->precision, again->millisecond) != iso) {
            std::abort(); // an ISO date that does not survive its own printing
        }
    }
    if (const auto time = DateText::parse(text, &error)) {
        if (time->end() && *time->end() < time->start()) {
            std::abort(); // a span that ends before it starts
        }
        (void)time->toDisplayString();
    }
    return 0;
}
