// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

#include "domain/eventmarks.h"

#include <QHash>
#include <QList>

struct Event;

// Shows one event: title, date in its own precision, kind, countries, actors, place, summary, quotes and sources.
// Everything in an event comes from files other people wrote, so it is inserted as plain text, never parsed as
// HTML; links open only for http and https, and no resource is ever loaded from anywhere.
class EventDetailView final : public QTextBrowser {
    Q_OBJECT

public:
    explicit EventDetailView(QWidget *parent = nullptr);
    ~EventDetailView() override;
    Q_DISABLE_COPY_MOVE(EventDetailView)

    // nullptr shows a hint instead. `related` are listed at the end as links that select them; `highlight` is
    // what the search asked for, marked wherever it appears.
    // `marks` are the analyst's own (star, tags, notes, links), shown apart from the source's fields, with
    // `titles` the titles of the linked events by id.
    void setEvent(const Event *event, const QList<Event> &related = {}, const QString &highlight = {},
        const EventMarks &marks = {}, const QHash<QString, QString> &titles = {});
    const EventMarks &marks() const { return m_marks; }

    static bool isSafeLink(const QUrl &url);

signals:
    // A related event was clicked.
    void eventRequested(const QString &id);
    // The analyst asked, from the pane's own links, to change the shown event's marks or the event itself.
    void starRequested(bool starred);
    void addNoteRequested();
    void tagsRequested();
    void editRequested();
    void noteEditRequested(const Note &note);
    void noteRemoveRequested(const Note &note);
    void linkRemoveRequested(const EventLink &link);

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void openLink(const QUrl &url);
    void highlightMatches(const QString &search);

    EventMarks m_marks;
};
