// SPDX-License-Identifier: GPL-3.0-or-later
// Annals JSON: what it reads must write out and read back to the same events.
#include "fuzzinput.h"
#include "io/jsonformat.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    ImportError error;
    const auto document = JsonFormat::read(input.bytes, QStringLiteral("fuzz.json"), &error);
    if (!document || document->events.isEmpty()) {
        return 0;
    }
    const auto again = JsonFormat::read(JsonFormat::write(document->events), QStringLiteral("again.json"), &error);
    if (!again || again->events.size() != document->events.size()) {
        std::abort(); // Annals cannot read back what it wrote
    }
    return 0;
}
