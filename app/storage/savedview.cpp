// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedview.h"

#include "timeline/timelineindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QLatin1String kFormat("annals-view");

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QByteArray SavedView::toJson() const
{
    QJsonObject filterObject;
    const auto put = [&](const char *key, const QStringList &list) {
        if (!list.isEmpty()) {
            filterObject.insert(QLatin1String(key), strings(list));
        }
    };
    put("countries", filter.countries);
    put("actors", filter.actors);
    put("kinds", filter.kinds);
    put("certainties", filter.certainties);
    put("markTags", filter.markTags);
    if (!filter.text.isEmpty()) {
        filterObject.insert(QStringLiteral("text"), filter.text);
    }
    if (filter.from) {
        filterObject.insert(QStringLiteral("from"), double(*filter.from));
    }
    if (filter.before) {
        filterObject.insert(QStringLiteral("before"), double(*filter.before));
    }
    if (filter.starred) {
        filterObject.insert(QStringLiteral("starred"), true);
    }
    if (filter.hasNote) {
        filterObject.insert(QStringLiteral("hasNote"), true);
    }
    QJsonObject object{{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), 1},
        {QStringLiteral("name"), name}, {QStringLiteral("filter"), filterObject}};
    if (!lanes.isEmpty()) {
        object.insert(QStringLiteral("lanes"), lanes);
    }
    if (rangeStart && rangeEnd) {
        object.insert(QStringLiteral("range"), QJsonArray{double(*rangeStart), double(*rangeEnd)});
    }
    if (!selected.isEmpty()) {
        object.insert(QStringLiteral("selected"), selected);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

std::optional<SavedView> SavedView::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const auto fail = [&](const QString &why) {
        *error = why;
        return std::nullopt;
    };
    if (parseError.error != QJsonParseError::NoError) {
        return fail(
            QStringLiteral("it is not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != kFormat) {
        return fail(QStringLiteral("\"format\" must be \"annals-view\": this is not a saved view of Annals"));
    }
    if (object.value(QStringLiteral("version")).toInt() != 1) {
        return fail(QStringLiteral("\"version\" %1 is not one this Annals reads (1)")
                        .arg(object.value(QStringLiteral("version")).toVariant().toString()));
    }
    SavedView view;
    view.name = object.value(QStringLiteral("name")).toString().trimmed();
    if (view.name.isEmpty()) {
        return fail(QStringLiteral("\"name\" is missing or empty"));
    }
    const QJsonValue filterValue = object.value(QStringLiteral("filter"));
    if (!filterValue.isUndefined() && !filterValue.isObject()) {
        return fail(QStringLiteral("\"filter\" must be an object"));
    }
    const QJsonObject filterObject = filterValue.toObject();
    QString why;
    const auto list = [&](const char *key) {
        const QJsonValue value = filterObject.value(QLatin1String(key));
        QStringList out;
        if (value.isUndefined()) {
            return out;
        }
        if (!value.isArray()) {
            why = QStringLiteral("\"filter.%1\" must be a list of strings").arg(QLatin1String(key));
            return out;
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString()) {
                why = QStringLiteral("\"filter.%1\" must be a list of strings").arg(QLatin1String(key));
                return QStringList();
            }
            out << item.toString();
        }
        return out;
    };
    const auto seconds = [&](const char *key) -> std::optional<qint64> {
        const QJsonValue value = filterObject.value(QLatin1String(key));
        if (value.isUndefined()) {
            return std::nullopt;
        }
        if (!value.isDouble()) {
            why = QStringLiteral("\"filter.%1\" must be a number of seconds").arg(QLatin1String(key));
            return std::nullopt;
        }
        return qint64(value.toDouble());
    };
    view.filter.countries = list("countries");
    view.filter.actors = list("actors");
    view.filter.kinds = list("kinds");
    view.filter.certainties = list("certainties");
    view.filter.markTags = list("markTags");
    view.filter.text = filterObject.value(QStringLiteral("text")).toString();
    view.filter.from = seconds("from");
    view.filter.before = seconds("before");
    view.filter.starred = filterObject.value(QStringLiteral("starred")).toBool();
    view.filter.hasNote = filterObject.value(QStringLiteral("hasNote")).toBool();
    if (!why.isEmpty()) {
        return fail(why);
    }
    view.lanes = object.value(QStringLiteral("lanes")).toString();
    if (!view.lanes.isEmpty() && !laneModeFromName(view.lanes)) {
        return fail(QStringLiteral("\"lanes\" must be country, actor, kind or none, not \"%1\"").arg(view.lanes));
    }
    const QJsonValue range = object.value(QStringLiteral("range"));
    if (!range.isUndefined()) {
        const QJsonArray ends = range.toArray();
        if (ends.size() != 2 || !ends[0].isDouble() || !ends[1].isDouble()
            || ends[1].toDouble() <= ends[0].toDouble()) {
            return fail(QStringLiteral("\"range\" must be two numbers of seconds, the start before the end"));
        }
        view.rangeStart = qint64(ends[0].toDouble());
        view.rangeEnd = qint64(ends[1].toDouble());
    }
    view.selected = object.value(QStringLiteral("selected")).toString();
    return view;
}
