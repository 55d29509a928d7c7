// SPDX-License-Identifier: GPL-3.0-or-later
// JSON records (an array of plain objects, or SPARQL results) through the CSV importer's columns and guesses.
#include "fuzzinput.h"
#include "io/csvimport.h"
#include "io/jsonrecords.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    JsonRecords::looksLikeRecords(input.bytes);
    JsonRecords source(input.bytes);
    CsvImport::Options options;
    options.skipInvalid = input.choice;
    qsizetype events = 0;
    ImportError error;
    CsvImport::readRecords(source, QStringLiteral("fuzz.json"), options, &error,
        [&events](const Event &, int) { return ++events < 100000; });
    return 0;
}
