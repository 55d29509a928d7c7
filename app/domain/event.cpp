// SPDX-License-Identifier: GPL-3.0-or-later
#include "event.h"

#include <cmath>

QString Actor::typeName(Type type)
{
    return type == Type::Organisation ? QStringLiteral("organisation") : QStringLiteral("person");
}

std::optional<Actor::Type> Actor::typeFromName(QStringView name)
{
    if (name.compare(QLatin1String("person"), Qt::CaseInsensitive) == 0) {
        return Type::Person;
    }
    if (name.compare(QLatin1String("organisation"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("organization"), Qt::CaseInsensitive) == 0) {
        return Type::Organisation;
    }
    return std::nullopt;
}

QStringList Event::allCountries() const
{
    QStringList result = countries;
    for (const Actor &actor : actors) {
        if (!actor.country.isEmpty() && !result.contains(actor.country)) {
            result.append(actor.country);
        }
    }
    // An event that names no country, nor any actor's, is about the country it took place in (GDELT's
    // "Minsk, Belarus" where neither actor has a CAMEO country).
    if (result.isEmpty() && !location.country.isEmpty()) {
        result.append(location.country);
    }
    result.removeDuplicates();
    return result;
}

bool Location::isCoordinate(double value, double limit)
{
    return std::isfinite(value) && std::abs(value) <= limit;
}
