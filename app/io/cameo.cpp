// SPDX-License-Identifier: GPL-3.0-or-later
#include "cameo.h"

#include "domain/event.h"

namespace {

struct RootEvent {
    const char *name; // CAMEO's own name for the root code
    const char *kind; // the kind Annals shows
};

// CAMEO 1.1b3, chapter 2: the twenty root event codes.
constexpr RootEvent kRootEvents[] = {
    {"Make public statement", "statement"},
    {"Appeal", "appeal"},
    {"Express intent to cooperate", "intent to cooperate"},
    {"Consult", "consultation"},
    {"Engage in diplomatic cooperation", "diplomatic cooperation"},
    {"Engage in material cooperation", "material cooperation"},
    {"Provide aid", "aid"},
    {"Yield", "yield"},
    {"Investigate", "investigation"},
    {"Demand", "demand"},
    {"Disapprove", "disapproval"},
    {"Reject", "rejection"},
    {"Threaten", "threat"},
    {"Protest", "protest"},
    {"Exhibit force posture", "force posture"},
    {"Reduce relations", "reduced relations"},
    {"Coerce", "coercion"},
    {"Assault", "assault"},
    {"Fight", "fight"},
    {"Use unconventional mass violence", "mass violence"},
};

// A code's root is its first two digits: "04" is a root, "042" and "0421" are under it.
const RootEvent *rootEvent(QStringView code)
{
    code = code.trimmed();
    if (code.size() < 2 || code.size() > 4
        || !std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'0' && c <= u'9'; })) {
        return nullptr;
    }
    const int root = code.left(2).toInt();
    return root >= 1 && root <= 20 ? &kRootEvents[root - 1] : nullptr;
}

const char *const kQuadClasses[]
    = {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"};

} // namespace

namespace Cameo {

QString rootName(QStringView code)
{
    const RootEvent *root = rootEvent(code);
    return root ? QString::fromLatin1(root->name) : QString();
}

QString rootKind(QStringView code)
{
    const RootEvent *root = rootEvent(code);
    return root ? QString::fromLatin1(root->kind) : QString();
}

bool hasRoot(QStringView code)
{
    return rootEvent(code) != nullptr;
}

void setDyad(Event *event, const QList<Actor> &dyad, const QString &action)
{
    QStringList names;
    if (!dyad.isEmpty() && dyad.first().role == QLatin1String("target")) {
        names << QStringLiteral("Unidentified actor");
    }
    for (const Actor &actor : dyad) {
        if (std::none_of(event->actors.cbegin(), event->actors.cend(),
                [&](const Actor &other) { return other.name == actor.name && other.country == actor.country; })) {
            event->actors.append(actor);
        }
        names << actor.name;
    }
    names.removeDuplicates();
    event->title = names.isEmpty() ? action : names.join(QStringLiteral(" → ")) + QStringLiteral(": ") + action;
}

QString quadClassName(int quadClass)
{
    return quadClass >= 1 && quadClass <= 4 ? QString::fromLatin1(kQuadClasses[quadClass - 1]) : QString();
}

} // namespace Cameo
