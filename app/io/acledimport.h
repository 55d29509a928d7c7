// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordimport.h"

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

// ACLED (Armed Conflict Location & Event Data) CSV exports, in each of their eras: the lower-case 2020 exports
// (assoc_actor_*, sub_event_type, iso3), the older API with ally_actor_* in alphabetical column order, and the
// UPPER-CASE regional releases. Columns are found by name, whatever their case and order. Dates come as ISO,
// 09 May 2020, 9-May-20 or 01-January-2015; time_precision 3 (within the month) gives a month, 1 and 2 a day.
// The event_id_cnty is the id, so re-importing updates rather than duplicates.
namespace AcledImport {

// Whether a header line is an ACLED one.
bool looksLikeAcled(const QByteArray &head);

std::optional<RecordImport::Result> read(QIODevice *device, const QString &fileName,
    const RecordImport::Options &options, ImportError *error, const RecordImport::Sink &sink = {},
    const QString &encoding = QString());

} // namespace AcledImport
