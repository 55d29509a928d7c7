// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

struct Actor;
struct Event;

// CAMEO (Conflict and Mediation Event Observations), the event codes GDELT and ICEWS share.
namespace Cameo {

// CAMEO's own name for the root of an event code ("04" or "042" -> "Consult"), or an empty string.
QString rootName(QStringView code);
// The kind Annals shows for it ("consultation"), or an empty string.
QString rootKind(QStringView code);
// Whether a code's root is one of the twenty (01 to 20).
bool hasRoot(QStringView code);
// GDELT's QuadClass (1 to 4) in words ("verbal cooperation"), or an empty string.
QString quadClassName(int quadClass);

// Gives an event the actors of a CAMEO dyad (its source and target, either may be missing), each once, and the
// title "Source → Target: Action". A target without a source is acted on by an "Unidentified actor": CAMEO
// could not tell who acted, and the target did not.
void setDyad(Event *event, const QList<Actor> &dyad, const QString &action);

} // namespace Cameo
