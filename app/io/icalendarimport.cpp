// SPDX-License-Identifier: GPL-3.0-or-later
#include "icalendarimport.h"

#include "io/html.h"
#include "io/jsonformat.h"

#include <QFile>

#include <libical/ical.h>

#include <memory>

namespace {

struct ComponentDeleter {
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};

QString text(const char *value)
{
    // libical has already undone the folding and the \n, \, and \; escapes.
    return value ? Html::toPlainText(QString::fromUtf8(value)) : QString();
}

// Seconds since 1970 in UTC, for UTC, TZID and floating (taken as UTC) times alike.
qint64 secondsOf(const icaltimetype &time)
{
    if (icaltime_is_date(time)) {
        return Calendar::toSeconds({time.year, time.month, time.day, 0, 0, 0});
    }
    const icaltimezone *zone = time.zone ? time.zone : icaltimezone_get_utc_timezone();
    return qint64(icaltime_as_timet_with_zone(time, zone));
}

// What tells one occurrence of a series from the others in its id: its start as ISO text, with the seconds when
// it has any (a SECONDLY rule), so that no two occurrences share an id.
QString occurrenceKey(qint64 start, Precision precision)
{
    const qint64 second = ((start % 60) + 60) % 60;
    if (precision != Precision::Minute || second == 0) {
        return TimePoint::toIso(start, precision);
    }
    QString iso = TimePoint::toIso(start, precision); // ...T00:00Z
    iso.insert(iso.size() - 1, QStringLiteral(":%1").arg(second, 2, 10, QLatin1Char('0')));
    return iso;
}

// The line each VEVENT begins on, for messages.
QList<int> eventLines(const QByteArray &ics)
{
    QList<int> lines;
    int line = 1;
    for (qsizetype i = 0; i < ics.size(); ++i) {
        if ((i == 0 || ics[i - 1] == '\n') && ics.mid(i, 12) == "BEGIN:VEVENT") {
            lines << line;
        }
        line += ics[i] == '\n' ? 1 : 0;
    }
    return lines;
}

} // namespace

namespace ICalendarImport {

std::optional<Result> read(const QByteArray &ics, const QString &fileName, bool skipInvalid, ImportError *error)
{
    const auto fail = [&](int line, const QString &field, const QString &message) -> std::optional<Result> {
        if (error) {
            *error = ImportError{fileName, line, 0, field, message};
        }
        return std::nullopt;
    };
    if (!ics.trimmed().startsWith("BEGIN:VCALENDAR")) {
        return fail(
            1, QString(), QStringLiteral("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
    }
    if (!ics.trimmed().endsWith("END:VCALENDAR")) {
        return fail(int(ics.count('\n') + (ics.endsWith('\n') ? 0 : 1)), QString(),
            QStringLiteral("the file ends before END:VCALENDAR; is it cut short?"));
    }
    // libical reads a C string: a NUL would end the calendar there in silence.
    if (const qsizetype nul = ics.indexOf('\0'); nul >= 0) {
        return fail(int(ics.left(nul).count('\n') + 1), QString(),
            QStringLiteral("this line holds a NUL byte; is this a text file?"));
    }
    icalerror_set_errors_are_fatal(false);
    const std::unique_ptr<icalcomponent, ComponentDeleter> root(icalparser_parse_string(ics.constData()));
    if (!root) {
        return fail(1, QString(), QStringLiteral("libical could not read this calendar"));
    }
    Result result;
    for (icalproperty *property = icalcomponent_get_first_property(root.get(), ICAL_X_PROPERTY); property;
         property = icalcomponent_get_next_property(root.get(), ICAL_X_PROPERTY)) {
        if (qstrcmp(icalproperty_get_x_name(property), "X-WR-CALNAME") == 0) {
            result.title = text(icalproperty_get_x(property));
        }
    }
    const QList<int> lines = eventLines(ics);
    int index = 0;
    for (icalcomponent *component = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); component;
         component = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT), ++index) {
        const int line = int(lines.value(index, 0));
        Event event;
        event.title = text(icalcomponent_get_summary(component));
        event.summary = text(icalcomponent_get_description(component));
        event.location.place = text(icalcomponent_get_location(component));
        const icaltimetype start = icalcomponent_get_dtstart(component);
        QString problem;
        QString field;
        if (event.title.isEmpty()) {
            field = u"SUMMARY"_qs;
            problem = QStringLiteral("an event needs a summary");
        } else if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start)) {
            field = u"DTSTART"_qs;
            problem = QStringLiteral("an event needs a valid start");
        }
        if (!problem.isEmpty()) {
            const ImportError found{
                fileName, line, 0, QStringLiteral("event %1, field \"%2\"").arg(index + 1).arg(field), problem};
            if (!skipInvalid) {
                if (error) {
                    *error = found;
                }
                return std::nullopt;
            }
            result.skipped.append(found);
            continue;
        }
        const bool allDay = icaltime_is_date(start);
        const Precision precision = allDay ? Precision::Day : Precision::Minute;
        const icaltimetype end = icalcomponent_get_dtend(component);
        // DTEND is exclusive: an all-day event on the 5th ends on the 6th.
        const qint64 duration = icaltime_is_null_time(end) ? 0 : std::max<qint64>(0, secondsOf(end) - secondsOf(start));
        const QString uid = QString::fromUtf8(icalcomponent_get_uid(component));

        const auto add = [&](qint64 from, int occurrence) {
            Event copy = event;
            const qint64 last = allDay ? from + std::max<qint64>(0, duration - 86'400) : from + duration;
            const qint64 a = TimePoint::parse(TimePoint::toIso(from, precision))->seconds;
            const qint64 b = TimePoint::parse(TimePoint::toIso(last, precision))->seconds;
            copy.time = a == b ? EventTime(a, precision) : EventTime(a, b, precision);
            copy.id = uid.isEmpty() ? JsonFormat::stableId(copy)
                : occurrence == 0   ? uid
                                    : uid + QStringLiteral("/") + occurrenceKey(from, precision);
            result.events.append(copy);
        };

        icalproperty *rule = icalcomponent_get_first_property(component, ICAL_RRULE_PROPERTY);
        if (!rule) {
            add(secondsOf(start), 0);
            continue;
        }
        // A recurring event: its occurrences, bounded so that an endless rule still ends.
        const icalrecurrencetype recurrence = icalproperty_get_rrule(rule);
        icalrecur_iterator *it = icalrecur_iterator_new(recurrence, start);
        const qint64 limit = secondsOf(start) + qint64(kMaxYears) * 31'556'952;
        int occurrence = 0;
        icaltimetype next = it ? icalrecur_iterator_next(it) : icaltime_null_time();
        for (; !icaltime_is_null_time(next) && occurrence < kMaxOccurrences && secondsOf(next) <= limit;
             next = icalrecur_iterator_next(it), ++occurrence) {
            add(secondsOf(next), occurrence);
        }
        if (!icaltime_is_null_time(next) && occurrence > 0) {
            // Cut short, as a series without end must be: say so rather than lose the rest in silence.
            result.skipped.append({fileName, line, 0, QStringLiteral("event %1, field \"RRULE\"").arg(index + 1),
                QStringLiteral("the series \"%1\" goes on past %2 occurrences or %3 years; only those up to %4 are "
                               "imported")
                    .arg(event.title.left(60))
                    .arg(kMaxOccurrences)
                    .arg(kMaxYears)
                    .arg(TimePoint::toIso(result.events.constLast().time.start(), precision))});
        }
        if (it) {
            icalrecur_iterator_free(it);
        }
    }
    return result;
}

std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error)
{
    const std::optional<QByteArray> data = ImportError::readFile(path, error);
    if (!data) {
        return std::nullopt;
    }
    return read(*data, path, skipInvalid, error);
}

} // namespace ICalendarImport
