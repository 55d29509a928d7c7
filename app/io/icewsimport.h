// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordimport.h"

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

// ICEWS (Integrated Crisis Early Warning System) coded event data, as Harvard Dataverse serves it
// (doi:10.7910/DVN/28075): TAB-separated, no quoting, a header of 20 named columns (Event ID, Event Date, Source
// Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target
// Country, Story ID, Sentence Number, Publisher, City, District, Province, Country, Latitude, Longitude), found by
// name; "NA" or an empty cell for a missing value.
// Each record becomes one event: "Source → Target: Event Text" its title, the two actors with their countries
// (by name, as ICEWS writes them) and their sectors as their titles, the CAMEO root as the kind, the Intensity
// (−10 to +10) in the summary, the publisher with the Story ID and sentence as the source, and the city,
// district, province and country as the place. Releases run to 18.6M rows: records stream, memory stays flat.
namespace IcewsImport {

// Whether a file's first line is an ICEWS header.
bool looksLikeIcews(const QByteArray &head);

std::optional<RecordImport::Result> read(QIODevice *device, const QString &fileName,
    const RecordImport::Options &options, ImportError *error, const RecordImport::Sink &sink = {},
    const QString &encoding = QString());

} // namespace IcewsImport
