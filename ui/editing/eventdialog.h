// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QDialog>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
QT_END_NAMESPACE

// The form of one event: title, kind, start and end as people write dates (with their precision, or a precision
// chosen), countries, place, summary, tags, and on their own tabs the actors (with country, role and office), the
// quotes and the sources. Save hands the event to a submit function, which writes it or says why not; the form then
// stays open with the reason, to mend it.
class EventDialog final : public QDialog {
    Q_OBJECT

public:
    EventDialog(const Event &event, bool isNew, const QStringList &kinds, QWidget *parent = nullptr);
    ~EventDialog() override;
    Q_DISABLE_COPY_MOVE(EventDialog)

    // Returns why the event cannot be saved, or an empty string once it is.
    void setSubmit(std::function<QString(const Event &)> submit) { m_submit = std::move(submit); }
    // The event as the form says; nullopt, with *error naming the field, when part of it cannot be read.
    std::optional<Event> edited(QString *error) const;
    // What the form says is wrong, or empty.
    QString problem() const;

    QLineEdit *titleField() const { return m_title; }
    QComboBox *kindField() const { return m_kind; }
    QLineEdit *startField() const { return m_start; }
    QLineEdit *endField() const { return m_end; }
    QComboBox *precisionField() const { return m_precision; }
    QLineEdit *countriesField() const { return m_countries; }
    QLineEdit *placeField() const { return m_place; }
    QPlainTextEdit *summaryField() const { return m_summary; }
    QLineEdit *tagsField() const { return m_tags; }
    QTableWidget *actorsTable() const { return m_actors; }
    QTableWidget *quotesTable() const { return m_quotes; }
    QTableWidget *sourcesTable() const { return m_sources; }

    void accept() override;

private:
    void showDate();
    // The start and end, at the precision chosen; nullopt, with *error naming the field, when they cannot be read.
    std::optional<EventTime> readTime(QString *error) const;

    Event m_event; // as it came: the fields the form does not show stay as they were
    std::function<QString(const Event &)> m_submit;
    QLineEdit *m_title;
    QComboBox *m_kind;
    QLineEdit *m_start;
    QLineEdit *m_end;
    QComboBox *m_precision;
    QLabel *m_dateReading;
    QLineEdit *m_countries;
    QLineEdit *m_place;
    QPlainTextEdit *m_summary;
    QLineEdit *m_tags;
    QTableWidget *m_actors;
    QTableWidget *m_quotes;
    QTableWidget *m_sources;
    QLabel *m_problem;
};
