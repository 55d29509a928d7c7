// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventtime.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// An actor as they took part in one event. Name, country and type say who they are; role and title say what they
// were in this event ("host", "President of Russia"), since both change from one event to the next.
struct Actor {
    enum class Type : quint8 { Person, Organisation };

    QString name;
    QString country; // ISO 3166-1 alpha-2, or empty (an international organisation)
    QString role; // open vocabulary: host, guest, speaker, participant, ...
    QString title; // the office held at the time, or empty
    Type type = Type::Person;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(QStringView name);

    friend bool operator==(const Actor &, const Actor &) = default;
};

struct Location {
    // Whether a value is a finite number of degrees within ±limit (90 for a latitude, 180 for a longitude).
    static bool isCoordinate(double value, double limit);

    QString place;
    QString country; // ISO 3166-1 alpha-2, or empty
    std::optional<double> latitude;
    std::optional<double> longitude;

    bool isEmpty() const { return place.isEmpty() && country.isEmpty() && !latitude && !longitude; }
    friend bool operator==(const Location &, const Location &) = default;
};

struct Quote {
    QString speaker;
    QString text;
    friend bool operator==(const Quote &, const Quote &) = default;
};

struct Source {
    QString name;
    QString url;
    QString date; // ISO date as the source gives it, or empty
    friend bool operator==(const Source &, const Source &) = default;
};

// One thing that happened: a visit, a statement, a round of talks, an agreement.
struct Event {
    QString id; // stable across imports: the same id updates rather than duplicates
    QString title;
    QString summary;
    QString kind; // open vocabulary: visit, talks, statement, consultation, agreement, announcement, ...
    EventTime time;
    QList<Actor> actors;
    QStringList countries; // given explicitly, ISO alpha-2
    Location location;
    QList<Quote> quotes;
    QList<Source> sources;
    QStringList tags;

    // The explicit countries followed by those of the actors, each once, in order of first mention; where there
    // are none, the place's country.
    QStringList allCountries() const;

    friend bool operator==(const Event &, const Event &) = default;
};
