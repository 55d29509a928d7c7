// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonrecords.h"

#include "io/jsonlocator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace {

// The records' array: the document itself, or a SPARQL result's bindings.
QJsonArray recordsOf(const QJsonDocument &document)
{
    if (document.isArray()) {
        return document.array();
    }
    return document.object().value(u"results").toObject().value(u"bindings").toArray();
}

// The line each element of the array that begins at `from` starts on, in one pass over the text.
QList<int> elementLines(const QByteArray &json, qsizetype from)
{
    QList<int> lines;
    int line = 1 + int(json.left(from).count('\n'));
    int depth = 0;
    bool inString = false;
    bool expectValue = false;
    for (qsizetype i = from; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '\n') {
            ++line;
        }
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (depth == 1 && expectValue && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ']') {
            lines << line;
            expectValue = false;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth == 1) {
                expectValue = true;
            }
        } else if (c == ']' || c == '}') {
            if (--depth == 0) {
                break;
            }
        } else if (c == ',' && depth == 1) {
            expectValue = true;
        }
    }
    return lines;
}

QString textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // The range first: converting a double beyond qint64 to one is undefined.
        return std::abs(number) < 1e15 && number == std::trunc(number) ? QString::number(qint64(number))
                                                                       : QString::number(number, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &part : value.toArray()) {
            parts << textOf(part);
        }
        return parts.join(QStringLiteral("; "));
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.value(u"value").isString()) {
            return object.value(u"value").toString(); // a SPARQL binding
        }
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    default:
        return {};
    }
}

} // namespace

bool JsonRecords::looksLikeRecords(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonArray records = recordsOf(document);
    if (records.isEmpty() || !records.first().isObject()) {
        return false;
    }
    const QJsonObject first = records.first().toObject();
    // Annals' own events have a title and a start; TimelineJS's slides a start_date (and live in an object).
    return !document.isArray() || !(first.contains(u"title") && first.contains(u"start"));
}

JsonRecords::JsonRecords(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_line = JsonLocator::positionOf(json, parseError.offset).line;
        m_error = QStringLiteral("this is not valid JSON: %1").arg(parseError.errorString());
        return;
    }
    m_objects = recordsOf(document);
    if (m_objects.isEmpty() && !document.isArray()) {
        m_error = QStringLiteral("this JSON holds no array of records (objects in [ ])");
        return;
    }
    qsizetype from = json.indexOf('[');
    if (!document.isArray()) {
        const qsizetype bindings = json.indexOf("\"bindings\"");
        from = bindings < 0 ? -1 : json.indexOf('[', bindings);
    }
    m_lines = elementLines(json, std::max<qsizetype>(0, from));
    // SPARQL results name their columns in the query's order; other objects' keys come sorted (as QJsonObject
    // keeps them).
    for (const QJsonValue &name : document.object().value(u"head").toObject().value(u"vars").toArray()) {
        m_keys << name.toString();
    }
    QSet<QString> known(m_keys.cbegin(), m_keys.cend());
    for (const QJsonValue &value : std::as_const(m_objects)) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                known.insert(it.key());
                m_keys << it.key();
            }
        }
    }
}

bool JsonRecords::next(QStringList *fields)
{
    if (!m_error.isEmpty()) {
        return false;
    }
    if (m_next < 0) {
        m_next = 0;
        m_line = m_lines.value(0, 1);
        *fields = m_keys;
        return true;
    }
    if (m_next >= m_objects.size()) {
        return false;
    }
    m_line = m_lines.value(m_next, int(m_line));
    const QJsonValue value = m_objects.at(m_next++);
    if (!value.isObject()) {
        m_error = QStringLiteral("record %1 is not an object in { }").arg(m_next);
        return false;
    }
    const QJsonObject object = value.toObject();
    fields->clear();
    for (const QString &key : std::as_const(m_keys)) {
        fields->append(textOf(object.value(key)));
    }
    return true;
}
