// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordimport.h"

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

// GDELT event exports: TAB-separated, no header, no quoting. The field count tells the version apart: 57 (GDELT
// 1.0 before April 2013), 58 (1.0 with SOURCEURL) or 61 (2.0, with an ADM2 code in each geography block), line by
// line, so that a back file and daily files joined into one read as they are.
// Each record becomes one event: the GLOBALEVENTID its id (so re-importing updates rather than duplicates), the
// two actors with their CAMEO countries as ISO countries, the CAMEO root event as the kind, SQLDATE the day,
// ActionGeo the place (its FIPS 10-4 country as ISO, which is the event's country when no actor has one) and
// SOURCEURL the source.
namespace GdeltImport {

// Whether a file's first line looks like a GDELT export.
bool looksLikeGdelt(const QByteArray &head);

std::optional<RecordImport::Result> read(QIODevice *device, const QString &fileName,
    const RecordImport::Options &options, ImportError *error, const RecordImport::Sink &sink = {},
    const QString &encoding = QString());

} // namespace GdeltImport
