// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV reader alone: quoting, delimiters, encodings, line ends.
#include "fuzzinput.h"
#include "io/csvreader.h"

#include <QStringList>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    FuzzDevice file(input.bytes);
    CsvReader reader(file.device(), QChar(), input.choice ? QStringLiteral("latin1") : QString());
    QStringList fields;
    while (reader.next(&fields)) { }
    return 0;
}
