// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A note the analyst wrote on an event, with when they wrote it.
struct Note {
    qint64 id = 0; // the file's, unique in it; 0 before it is stored
    qint64 written = 0; // seconds since 1970, UTC
    QString text;
    friend bool operator==(const Note &, const Note &) = default;
};

// A link the analyst drew from one event to another: "follows", "responds to", "part of", or a free label.
struct EventLink {
    QString source; // event ids
    QString target;
    QString label;
    friend bool operator==(const EventLink &, const EventLink &) = default;

    // The labels offered first; any other text is as good.
    static QStringList suggestedLabels()
    {
        return {QStringLiteral("follows"), QStringLiteral("responds to"), QStringLiteral("part of")};
    }
};

// What the analyst has added to one event, kept apart from what its sources say, by the event's id: a re-import
// that updates the event never touches it.
struct EventMarks {
    bool starred = false;
    QStringList tags; // the analyst's own, in the order of their names
    QList<Note> notes; // oldest first
    QList<EventLink> links; // from this event or to it

    bool isEmpty() const { return !starred && tags.isEmpty() && notes.isEmpty() && links.isEmpty(); }
    friend bool operator==(const EventMarks &, const EventMarks &) = default;
};
