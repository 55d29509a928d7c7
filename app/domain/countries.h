// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// Country names and codes from Debian's iso-codes (iso_3166-1.json), loaded once on first use.
namespace Countries {

// The alpha-2 code for an alpha-2 or alpha-3 code or an English name, or an empty string. Names are ISO's (its
// name, common name and official name, its sorted forms read both ways) and those of the alias table
// (resources/data/country-aliases.tsv: what CAMEO, ICEWS and ACLED write), whatever their case, accents or
// leading "the". Kosovo is XK, the code in common use.
QString lookup(QStringView codeOrName);
// The English display name for an alpha-2 code ("China", "Russian Federation"), or an empty string.
QString name(QStringView alpha2);
// The alpha-2 code for a FIPS 10-4 country code, as GDELT's geography gives it ("GM" -> "DE", "UK" -> "GB"), or an
// empty string for a code with no ISO country (oceans, Kosovo, the Spratly Islands).
QString fromFips(QStringView code);
// The alpha-2 code for a CAMEO actor country code (mostly ISO alpha-3, with a few of its own, "ROM" -> "RO"), or
// an empty string for a region ("EUR", "AFR") or an unknown code.
QString fromCameo(QStringView code);
// How many countries were loaded; 0 means iso-codes is missing, which lookup() callers should report.
int count();
// Where the table is read from.
QString dataPath();

} // namespace Countries
