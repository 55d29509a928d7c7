// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinejsimport.h"

#include "io/html.h"
#include "io/jsonformat.h"
#include "io/jsonlocator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// A date part, written as a string ("05", "", "-490") or a number.
QString part(const QJsonObject &date, QStringView key)
{
    const QJsonValue value = date.value(key);
    if (value.isDouble()) {
        return QString::number(qint64(value.toDouble()));
    }
    return value.toString().trimmed();
}

// The date as Annals reads it, at the precision the parts give; the error names the part.
std::optional<TimePoint> dateOf(const QJsonObject &date, QString *error)
{
    const QString year = part(date, u"year");
    if (year.isEmpty()) {
        *error = QStringLiteral("the date has no year");
        return std::nullopt;
    }
    bool ok = false;
    const qint64 y = year.toLongLong(&ok);
    if (!ok) {
        *error = QStringLiteral("\"%1\" is not a year").arg(year);
        return std::nullopt;
    }
    // TimelineJS shows year -490 as "490 BCE"; year 0 does not occur in its files.
    const QString yearText
        = y <= 0 ? QStringLiteral("%1 BC").arg(y == 0 ? 1 : -y) : QStringLiteral("%1").arg(y, 4, 10, QLatin1Char('0'));
    const QString month = part(date, u"month");
    const QString day = part(date, u"day");
    const QString hour = part(date, u"hour");
    const QString minute = part(date, u"minute");
    const QString second = part(date, u"second");
    const QString millisecond = part(date, u"millisecond");
    if (month.isEmpty() || y <= 0) {
        return TimePoint::parse(yearText, error);
    }
    QString iso = QStringLiteral("%1-%2").arg(yearText, month.rightJustified(2, u'0'));
    if (!day.isEmpty()) {
        iso += u'-' + day.rightJustified(2, u'0');
        if (!hour.isEmpty()) {
            const auto twoDigits
                = [](const QString &n) { return (n.isEmpty() ? QStringLiteral("0") : n).rightJustified(2, u'0'); };
            iso += QStringLiteral("T%1:%2:%3").arg(hour.rightJustified(2, u'0'), twoDigits(minute), twoDigits(second));
            if (!millisecond.isEmpty()) {
                // Its millisecond part, 0 to 999: events a few milliseconds apart stay apart, and in order.
                bool ok = false;
                const int ms = millisecond.toInt(&ok);
                if (!ok || ms < 0 || ms > 999) {
                    *error = QStringLiteral("\"%1\" is not a millisecond from 0 to 999").arg(millisecond);
                    return std::nullopt;
                }
                iso += QStringLiteral(".%1").arg(ms, 3, 10, QLatin1Char('0'));
            }
            iso += u'Z';
        }
    }
    return TimePoint::parse(iso, error);
}

struct Problem {
    QList<JsonLocator::Step> path;
    QString field;
    QString message;
};

std::variant<Event, Problem> eventOf(const QJsonObject &object, const QString &kind)
{
    Event event;
    event.kind = kind;
    const QJsonObject text = object.value(u"text").toObject();
    event.title = Html::toPlainText(text.value(u"headline").toString());
    event.summary = Html::toPlainText(text.value(u"text").toString());
    if (event.title.isEmpty()) {
        // Headline-less slides are common: their text's first line, their media's caption or their display date
        // names them.
        const QStringList fallbacks{event.summary.section(u'\n', 0, 0),
            Html::toPlainText(object.value(u"media").toObject().value(u"caption").toString()),
            object.value(u"display_date").toString().trimmed()};
        for (const QString &fallback : fallbacks) {
            if (event.title.isEmpty() && !fallback.isEmpty()) {
                event.title = fallback.left(120);
            }
        }
    }
    if (event.title.isEmpty()) {
        return Problem{{u"text"_qs}, u"text.headline"_qs,
            QStringLiteral("an event needs a headline, a text or a media caption to be named by")};
    }
    if (!object.value(u"start_date").isObject()) {
        return Problem{{}, u"start_date"_qs, QStringLiteral("an event needs a start_date")};
    }
    QString why;
    const std::optional<TimePoint> start = dateOf(object.value(u"start_date").toObject(), &why);
    if (!start) {
        return Problem{{u"start_date"_qs}, u"start_date"_qs, why};
    }
    event.time = EventTime::of(*start);
    if (object.value(u"end_date").isObject() && !part(object.value(u"end_date").toObject(), u"year").isEmpty()) {
        const std::optional<TimePoint> end = dateOf(object.value(u"end_date").toObject(), &why);
        if (!end) {
            return Problem{{u"end_date"_qs}, u"end_date"_qs, why};
        }
        if (end->isBefore(*start)) {
            return Problem{{u"end_date"_qs}, u"end_date"_qs, QStringLiteral("the end comes before the start")};
        }
        event.time = EventTime::spanning(*start, *end); // at the coarser of the two precisions
    }
    const QString group = object.value(u"group").toString().trimmed();
    if (!group.isEmpty()) {
        event.tags << group;
    }
    const QJsonObject media = object.value(u"media").toObject();
    const QString url = media.value(u"url").toString().trimmed();
    if (url.startsWith(u"http://") || url.startsWith(u"https://")) {
        const QString credit = Html::toPlainText(media.value(u"credit").toString());
        event.sources.append(
            {credit.isEmpty() ? Html::toPlainText(media.value(u"caption").toString()).left(120) : credit, url,
                QString()});
    }
    const QJsonObject location = object.value(u"location").toObject();
    if (location.value(u"lat").isDouble() && location.value(u"lon").isDouble()
        && std::abs(location.value(u"lat").toDouble()) <= 90 && std::abs(location.value(u"lon").toDouble()) <= 180) {
        event.location.latitude = location.value(u"lat").toDouble();
        event.location.longitude = location.value(u"lon").toDouble();
        event.location.place = location.value(u"name").toString().trimmed();
    }
    event.id = object.value(u"unique_id").toString().trimmed();
    if (event.id.isEmpty()) {
        event.id = JsonFormat::stableId(event);
    }
    return event;
}

} // namespace

namespace TimelineJsImport {

bool looksLikeTimelineJs(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value(u"format").toString() == QLatin1String("annals")) {
        return false;
    }
    const QJsonArray events = root.value(u"events").toArray();
    return root.value(u"title").isObject() || root.contains(u"eras")
        || (!events.isEmpty() && events.first().toObject().contains(u"start_date"));
}

std::optional<Result> read(const QByteArray &json, const QString &fileName, bool skipInvalid, ImportError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const JsonLocator::Position at = JsonLocator::positionOf(json, parseError.offset);
        if (error) {
            *error = ImportError{fileName, at.line, at.column, QString(),
                QStringLiteral("this is not valid JSON: %1").arg(parseError.errorString())};
        }
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    Result result;
    result.title
        = Html::toPlainText(root.value(u"title").toObject().value(u"text").toObject().value(u"headline").toString());
    for (const char *list : {"events", "eras"}) {
        const QJsonArray items = root.value(QLatin1String(list)).toArray();
        const bool eras = qstrcmp(list, "eras") == 0;
        for (int i = 0; i < items.size(); ++i) {
            std::variant<Event, Problem> read = eventOf(items[i].toObject(), eras ? u"era"_qs : QString());
            if (Event *event = std::get_if<Event>(&read)) {
                result.events.append(std::move(*event));
                continue;
            }
            const Problem &problem = std::get<Problem>(read);
            const JsonLocator::Position at
                = JsonLocator::find(json, QList<JsonLocator::Step>{QString::fromLatin1(list), i} + problem.path);
            const QString headline = items[i].toObject().value(u"text").toObject().value(u"headline").toString();
            QString field = QStringLiteral("%1 %2").arg(eras ? u"era"_qs : u"event"_qs).arg(i + 1);
            if (!headline.trimmed().isEmpty()) {
                field += QStringLiteral(" (\"%1\")").arg(Html::toPlainText(headline).left(60));
            }
            field += QStringLiteral(", field \"%1\"").arg(problem.field);
            const ImportError found{fileName, at.line, at.column, field, problem.message};
            if (!skipInvalid) {
                if (error) {
                    *error = found;
                }
                return std::nullopt;
            }
            result.skipped.append(found);
        }
    }
    return result;
}

std::optional<Result> readFile(const QString &path, bool skipInvalid, ImportError *error)
{
    return ImportError::readWhole(path, skipInvalid, error, &read);
}

} // namespace TimelineJsImport
