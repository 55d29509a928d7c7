// SPDX-License-Identifier: GPL-3.0-or-later
// A generated timeline with every shape a filter meets, for the tests that compare the working set with SQL.
#pragma once

#include "domain/event.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

namespace {

const QStringList kCountries{u"CN"_qs, u"RU"_qs, u"IN"_qs, u"BR"_qs, u"ZA"_qs, u"FR"_qs, u"DE"_qs, u"KZ"_qs};
// Names that differ only in case, and one spelled with a non-ASCII letter: NOCASE folds ASCII only.
const QStringList kActors{u"Xi Jinping"_qs, u"Vladimir Putin"_qs, u"Sergei Lavrov"_qs, u"LI HUI"_qs, u"Li Hui"_qs,
    u"Narendra Modi"_qs, u"Lula"_qs, u"Ms Émilie"_qs, u"ms émilie"_qs, u"Cyril Ramaphosa"_qs, u"Kassym Tokayev"_qs};
const QStringList kKinds{u"visit"_qs, u"Visit"_qs, u"talks"_qs, u"statement"_qs, u"agreement"_qs, QString()};
// The analyst's tags: two spellings of one, as people type them.
const QStringList kMarkTags{u"watch"_qs, u"Watch"_qs, u"follow-up"_qs, u"doubtful"_qs};
const QStringList kWords{u"nuclear"_qs, u"grain"_qs, u"summit"_qs, u"pipeline"_qs, u"border"_qs, u"trade"_qs,
    u"Moscow"_qs, u"Beijing"_qs, u"security"_qs};

qint64 at(const char *iso)
{
    return TimePoint::parse(QString::fromLatin1(iso))->seconds;
}

// A timeline with every shape the filter meets: each precision, ranges, events without a country, actor or kind,
// actors of several countries, the same start for many events (so that the rowid decides the order).
QList<Event> generated(int count)
{
    QRandomGenerator random(1234);
    QList<Event> events;
    const qint64 t0 = at("2020-01-01");
    for (int i = 0; i < count; ++i) {
        Event event;
        event.id = QStringLiteral("g%1").arg(i);
        event.title = QStringLiteral("%1 event %2").arg(i % 3 == 0 ? u"alpha"_qs : u"Beta"_qs).arg(count - i);
        const auto precision = Precision(random.bounded(4));
        // A third of the events on a few shared days.
        qint64 start = i % 3 == 0 ? t0 + qint64(random.bounded(5)) * 86400
                                  : t0 + qint64(random.bounded(3 * 365)) * 86400 + qint64(random.bounded(86400));
        start = TimePoint::parse(TimePoint::toIso(start, precision))->seconds;
        if (random.bounded(6) == 0) {
            const qint64 end = TimePoint::parse(
                TimePoint::toIso(start + qint64(random.bounded(200)) * 86400 + 86400 * 40, precision))->seconds;
            event.time = end > start ? EventTime(start, end, precision) : EventTime(start, precision);
        } else {
            event.time = EventTime(start, precision);
        }
        if (i % 11 == 0) {
            // Several events in one shared second, ordered by their milliseconds (not their rowids).
            event.time = EventTime(t0 + 3600, Precision::Millisecond);
            event.time.setMilliseconds(int(random.bounded(1000)), 0);
        }
        // How sure the dates are: some approximate, uncertain or both, and ranges that are a span within which
        // the date falls.
        const int sure = int(random.bounded(8));
        event.time.setQualifiers(sure == 0 ? EventTime::Approximate
                : sure == 1                ? EventTime::Uncertain
                : sure == 2                ? EventTime::Approximate | EventTime::Uncertain
                : sure == 3 && event.time.isRange() ? EventTime::Within
                                                    : 0);
        for (int c = int(random.bounded(3)); c > 0; --c) {
            const QString country = kCountries[random.bounded(kCountries.size())];
            if (!event.countries.contains(country)) {
                event.countries << country;
            }
        }
        for (int a = int(random.bounded(3)); a > 0; --a) {
            const QString name = kActors[random.bounded(kActors.size())];
            // The same name for two countries sometimes: two actors, one lane.
            const QString country = random.bounded(4) == 0 ? QString() : kCountries[random.bounded(kCountries.size())];
            event.actors.append({name, country, QString(), QString(), Actor::Type::Person});
        }
        event.kind = kKinds[random.bounded(kKinds.size())];
        QStringList words;
        for (int w = 0; w < 6; ++w) {
            words << kWords[random.bounded(kWords.size())];
        }
        event.summary = words.join(u' ');
        events.append(event);
    }
    return events;
}

} // namespace
