// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

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

    // nullptr shows a hint instead.
    void setEvent(const Event *event);

    static bool isSafeLink(const QUrl &url);

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void openLink(const QUrl &url);
};
