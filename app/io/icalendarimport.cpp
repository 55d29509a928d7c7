// SPDX-License-Identifier: GPL-3.0-or-later
#include "icalendarimport.h"

#include "io/html.h"
#include "io/jsonformat.h"

#include <QFile>
#include <QHash>
#include <QSet>

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

// A DATE or DATE-TIME property's value with its TZID resolved through the calendar's own VTIMEZONEs (or
// libical's built-in zones), in seconds.
qint64 secondsOf(icalproperty *property, icalcomponent *component)
{
    return secondsOf(icalproperty_get_datetime_with_component(property, component));
}

// The seconds each property of a kind gives (EXDATE, RDATE), for one event.
QSet<qint64> datesOf(icalcomponent *component, icalproperty_kind kind)
{
    QSet<qint64> dates;
    for (icalproperty *property = icalcomponent_get_first_property(component, kind); property;
         property = icalcomponent_get_next_property(component, kind)) {
        const icaltimetype time = icalproperty_get_datetime_with_component(property, component);
        if (!icaltime_is_null_time(time) && icaltime_is_valid_time(time)) {
            dates.insert(secondsOf(time));
        }
    }
    return dates;
}

// What tells one occurrence of a series from the others in its id: its start as ISO text, with the seconds when
// it has any (a SECONDLY rule), so that no two occurrences share an id.
QString occurrenceKey(qint64 start, Precision precision)
{
    return TimePoint::toIso(start, precision == Precision::Day ? precision : TimePoint::ofClock(start).precision);
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
    // RFC 5545 3.8.4.4: a VEVENT with a RECURRENCE-ID and its series' UID replaces that one occurrence. Found
    // first, since an override may come before its series.
    QHash<QString, QSet<qint64>> overridden; // UID -> the RECURRENCE-IDs, in seconds
    QHash<QString, qint64> seriesFirst; // UID -> the series' DTSTART, in seconds
    for (icalcomponent *component = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); component;
         component = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT)) {
        const QString uid = QString::fromUtf8(icalcomponent_get_uid(component));
        if (icalproperty *id = icalcomponent_get_first_property(component, ICAL_RECURRENCEID_PROPERTY)) {
            overridden[uid].insert(secondsOf(id, component));
        } else if (!seriesFirst.contains(uid)) {
            seriesFirst.insert(uid, secondsOf(icalcomponent_get_dtstart(component)));
        }
    }
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

        // An occurrence's id: the UID for the first (DTSTART), the UID and the occurrence's own start for the
        // others, so that a re-import finds each again; an override takes the id of the occurrence it replaces.
        const qint64 first = secondsOf(start);
        const auto add = [&](qint64 from, qint64 occurrence) {
            Event copy = event;
            const qint64 last = allDay ? from + std::max<qint64>(0, duration - 86'400) : from + duration;
            copy.time = allDay ? EventTime::spanning(from, last, precision)
                               : EventTime::spanning(TimePoint::ofClock(from), TimePoint::ofClock(last));
            copy.id = uid.isEmpty()   ? JsonFormat::stableId(copy)
                : occurrence == first ? uid
                                      : uid + QStringLiteral("/") + occurrenceKey(occurrence, precision);
            result.events.append(copy);
        };

        if (icalproperty *id = icalcomponent_get_first_property(component, ICAL_RECURRENCEID_PROPERTY)) {
            // An override: its own start and end, under the id of the occurrence it replaces (whose kind of
            // value, date or date-time, RECURRENCE-ID shares with its series' DTSTART).
            const icaltimetype replaced = icalproperty_get_datetime_with_component(id, component);
            add(first, first);
            const auto series = seriesFirst.constFind(uid);
            if (!uid.isEmpty() && (series == seriesFirst.cend() || *series != secondsOf(replaced))) {
                result.events.last().id = uid + QStringLiteral("/")
                    + occurrenceKey(
                        secondsOf(replaced), icaltime_is_date(replaced) ? Precision::Day : Precision::Minute);
            }
            continue;
        }
        icalproperty *rule = icalcomponent_get_first_property(component, ICAL_RRULE_PROPERTY);
        const QSet<qint64> excluded = datesOf(component, ICAL_EXDATE_PROPERTY);
        const QSet<qint64> replaced = overridden.value(uid);
        QList<qint64> starts{first};
        bool cutShort = false;
        if (rule) {
            // A recurring event: its occurrences, bounded so that an endless rule still ends. (UNTIL is
            // inclusive, as libical reads it.)
            const icalrecurrencetype recurrence = icalproperty_get_rrule(rule);
            icalrecur_iterator *it = icalrecur_iterator_new(recurrence, start);
            const qint64 limit = first + qint64(kMaxYears) * 31'556'952;
            starts.clear();
            icaltimetype next = it ? icalrecur_iterator_next(it) : icaltime_null_time();
            for (; !icaltime_is_null_time(next) && starts.size() < kMaxOccurrences && secondsOf(next) <= limit;
                 next = icalrecur_iterator_next(it)) {
                starts << secondsOf(next);
            }
            cutShort = !icaltime_is_null_time(next) && !starts.isEmpty();
            if (it) {
                icalrecur_iterator_free(it);
            }
            if (starts.isEmpty() || starts.first() != first) {
                starts.prepend(first); // DTSTART is always the first instance, whether or not the rule gives it
            }
        }
        // RDATE adds occurrences; EXDATE takes them away; an override replaces one.
        for (const qint64 extra : datesOf(component, ICAL_RDATE_PROPERTY)) {
            if (!starts.contains(extra) && starts.size() < kMaxOccurrences) {
                starts << extra;
            }
        }
        std::sort(starts.begin(), starts.end());
        for (const qint64 from : std::as_const(starts)) {
            if (!excluded.contains(from) && !replaced.contains(from)) {
                add(from, from);
            }
        }
        if (cutShort) {
            // Cut short, as a series without end must be: say so rather than lose the rest in silence.
            result.skipped.append({fileName, line, 0, QStringLiteral("event %1, field \"RRULE\"").arg(index + 1),
                QStringLiteral("the series \"%1\" goes on past %2 occurrences or %3 years; only those up to %4 are "
                               "imported")
                    .arg(event.title.left(60))
                    .arg(kMaxOccurrences)
                    .arg(kMaxYears)
                    .arg(TimePoint::toIso(starts.constLast(), precision))});
        }
    }
    return result;
}

std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error)
{
    return ImportError::readWhole(path, skipInvalid, error, &read);
}

} // namespace ICalendarImport
