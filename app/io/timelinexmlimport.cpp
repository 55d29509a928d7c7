// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinexmlimport.h"

#include "io/jsonformat.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace {

// One <event> or <era> as the file gives it: its child elements' texts, and the line it starts on.
struct Item {
    QHash<QString, QString> fields;
    int line = 0;
};

// The children of the element the reader is on, by name, as text (CDATA, entities and all).
Item readItem(QXmlStreamReader &xml)
{
    Item item;
    item.line = int(xml.lineNumber());
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        item.fields.insert(name, xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    return item;
}

// "2023-05-22 14:30:00", with a year of any length and sign, as Timeline's Gregorian time type writes it.
std::optional<qint64> timeOf(const QString &text, QString *problem)
{
    static const QRegularExpression form(
        QStringLiteral(R"(^(-?\d{1,12})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})$)"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch()) {
        *problem = QStringLiteral("\"%1\" is not a time in the form YYYY-MM-DD HH:MM:SS").arg(text.trimmed().left(40));
        return std::nullopt;
    }
    const Calendar::CivilTime t{m.captured(1).toLongLong(), m.captured(2).toInt(), m.captured(3).toInt(),
        m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()};
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > Calendar::daysInMonth(t.year, t.month) || t.hour > 23
        || t.minute > 59 || t.second > 59 || std::abs(t.year) > Calendar::kMaxAbsYear) {
        *problem = QStringLiteral("\"%1\" is not a date and time that exists").arg(text.trimmed().left(40));
        return std::nullopt;
    }
    return Calendar::toSeconds(t);
}

bool isTrue(const QString &text)
{
    return text.trimmed() == QLatin1String("True");
}

} // namespace

namespace TimelineXmlImport {

QString rootElement(const QByteArray &head)
{
    QXmlStreamReader xml(head);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            return xml.name().toString();
        }
    }
    return {};
}

std::optional<Result> read(const QByteArray &data, const QString &fileName, bool skipInvalid, ImportError *error)
{
    Result result;
    QXmlStreamReader xml(data);
    const auto fail = [&](int line, const QString &field, const QString &message) -> std::optional<Result> {
        if (error) {
            *error = ImportError{fileName, line, 0, field, message};
        }
        return std::nullopt;
    };
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("timeline")) {
        if (xml.hasError()) {
            return fail(
                int(xml.lineNumber()), QString(), QStringLiteral("this is not valid XML: %1").arg(xml.errorString()));
        }
        return fail(int(xml.lineNumber()), QString(),
            QStringLiteral("a Timeline file begins with <timeline>, not <%1>").arg(xml.name().toString()));
    }
    QHash<QString, QString> parentOf; // category -> its parent
    QList<Item> events;
    QList<Item> eras;
    QString now;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == QLatin1String("timetype")) {
            const QString type = xml.readElementText().trimmed();
            if (type != QLatin1String("gregoriantime")) {
                return fail(int(xml.lineNumber()), u"field \"timetype\""_qs,
                    QStringLiteral("this timeline counts time as \"%1\"; Annals reads Gregorian timelines "
                                   "(gregoriantime) only")
                        .arg(type.left(40)));
            }
        } else if (name == QLatin1String("categories")) {
            while (xml.readNextStartElement()) {
                const Item category = readItem(xml);
                parentOf.insert(
                    category.fields.value(u"name"_qs).trimmed(), category.fields.value(u"parent"_qs).trimmed());
            }
        } else if (name == QLatin1String("events") || name == QLatin1String("eras")) {
            QList<Item> &list = name == QLatin1String("events") ? events : eras;
            while (xml.readNextStartElement()) {
                list.append(readItem(xml));
            }
        } else if (name == QLatin1String("now")) {
            now = xml.readElementText();
        } else {
            xml.skipCurrentElement(); // version, view: what the window showed
        }
    }
    if (xml.hasError()) {
        return fail(int(xml.lineNumber()), QString(),
            xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
                ? QStringLiteral("the file ends before </timeline>; is it cut short?")
                : QStringLiteral("this is not valid XML: %1").arg(xml.errorString()));
    }

    QString problem;
    const std::optional<qint64> savedNow = now.isEmpty() ? std::nullopt : timeOf(now, &problem);
    const qint64 today = savedNow.value_or(QDateTime::currentSecsSinceEpoch());
    // Containers by id, wherever they stand among their subevents.
    QHash<QString, QString> containers; // "1" -> "Talks"
    for (const Item &item : std::as_const(events)) {
        const QString text = item.fields.value(u"text"_qs);
        if (text.startsWith(u'[') && text.contains(u']')) {
            containers.insert(text.mid(1, text.indexOf(u']') - 1), text.mid(text.indexOf(u']') + 1).trimmed());
        }
    }
    for (const bool era : {false, true}) {
        int index = 0; // events and eras are numbered apart, as a user counts them
        for (const Item &item : era ? eras : events) {
            ++index;
            Event event;
            QString text = item.fields.value(era ? u"name"_qs : u"text"_qs);
            QString container; // a subevent's container id
            if (!era && text.startsWith(u'[') && text.contains(u']')) {
                // "[1]Talks": a container; its subevents say "(1)".
                text = text.mid(text.indexOf(u']') + 1);
                event.tags << text.trimmed();
            } else if (!era && text.startsWith(u'(') && text.contains(u')')) {
                container = text.mid(1, text.indexOf(u')') - 1);
                text = text.mid(text.indexOf(u')') + 1);
            } else if (text.startsWith(QLatin1String(" (")) || text.startsWith(QLatin1String(" ["))) {
                text.remove(0, 1); // Timeline's own escape of a leading bracket
            }
            event.title = text.trimmed();
            const QString field
                = QStringLiteral("%1 %2%3")
                      .arg(era ? u"era"_qs : u"event"_qs)
                      .arg(index)
                      .arg(event.title.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(event.title.left(60)));
            // False when the import stops here; with skipInvalid, the event is listed as skipped.
            const auto refuse = [&](const QString &name, const QString &message) {
                const ImportError found{
                    fileName, item.line, 0, QStringLiteral("%1, field \"%2\"").arg(field, name), message};
                if (skipInvalid) {
                    result.skipped.append(found);
                } else if (error) {
                    *error = found;
                }
                return skipInvalid;
            };
            if (event.title.isEmpty()) {
                if (!refuse(era ? u"name"_qs : u"text"_qs, QStringLiteral("an event needs a text"))) {
                    return std::nullopt;
                }
                continue;
            }
            const std::optional<qint64> start = timeOf(item.fields.value(u"start"_qs), &problem);
            if (!start) {
                if (!refuse(u"start"_qs, problem)) {
                    return std::nullopt;
                }
                continue;
            }
            // An event that "ends today" ends on the file's <now> (its day, for an event of days).
            const qint64 todayAsStart = *start % 86'400 == 0 ? today - ((today % 86'400) + 86'400) % 86'400 : today;
            const bool endsToday = isTrue(item.fields.value(u"ends_today"_qs));
            std::optional<qint64> end = endsToday
                ? std::optional<qint64>(std::max(todayAsStart, *start))
                : timeOf(item.fields.value(u"end"_qs, item.fields.value(u"start"_qs)), &problem);
            if (!end || *end < *start) {
                if (!refuse(u"end"_qs, end ? QStringLiteral("the end comes before the start") : problem)) {
                    return std::nullopt;
                }
                continue;
            }
            if (isTrue(item.fields.value(u"milestone"_qs))) {
                end = start;
            }
            // Midnight at both ends: a day, or days (Timeline's end is the last day's midnight).
            const bool days = *start % 86'400 == 0 && *end % 86'400 == 0;
            event.time = days ? EventTime::spanning(*start, *end, Precision::Day)
                              : EventTime::spanning(TimePoint::ofClock(*start), TimePoint::ofClock(*end));
            if (era) {
                event.kind = u"era"_qs;
            } else {
                QString category = item.fields.value(u"category"_qs).trimmed();
                event.kind = category.toLower();
                for (int depth = 0; !category.isEmpty() && depth < 32 && !event.tags.contains(category); ++depth) {
                    event.tags << category;
                    category = parentOf.value(category);
                }
                if (!container.isEmpty() && containers.contains(container)) {
                    event.tags << containers.value(container);
                }
                if (isTrue(item.fields.value(u"fuzzy"_qs)) || isTrue(item.fields.value(u"fuzzy_start"_qs))
                    || isTrue(item.fields.value(u"fuzzy_end"_qs))) {
                    event.time.setQualifiers(EventTime::Approximate);
                }
            }
            event.tags.removeDuplicates();
            event.summary = item.fields.value(u"description"_qs).trimmed(); // plain text, never HTML
            for (const QString &link : item.fields.value(u"hyperlink"_qs).split(u';', Qt::SkipEmptyParts)) {
                const QString url = link.trimmed();
                if (url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"))) {
                    event.sources.append({url.section(u'/', 2, 2), url, QString()});
                }
            }
            if (endsToday) {
                // Its end moves with the day it is imported on (without a saved <now>): its id must not, or
                // importing the file again would add it again. The id is of the event with an open end.
                Event open = event;
                open.time = EventTime::of(event.time.first());
                open.time.setQualifiers(event.time.qualifiers());
                open.time.setWritten(
                    QStringLiteral("%1 – today").arg(TimePoint::toIso(open.time.start(), open.time.precision())));
                event.id = JsonFormat::stableId(open);
            } else {
                event.id = JsonFormat::stableId(event);
            }
            result.events.append(event);
        }
    }
    return result;
}

std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error)
{
    return ImportError::readWhole(path, skipInvalid, error, &read);
}

} // namespace TimelineXmlImport
