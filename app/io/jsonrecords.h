// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordsource.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>

// The objects of a JSON array as the records of a table, so that the CSV importer's columns, --map and guesses
// serve them too: a Wikidata query's results, an API's export. The first record is the header (every key, in
// the order keys first appear), then one record per object, its values as text: numbers as written, arrays
// joined by "; " (a list, as CSV cells write one), SPARQL bindings ({"type": "uri", "value": ...}) by their value,
// other objects as compact JSON. A SPARQL results document ({"results": {"bindings": [...]}}) reads the same.
class JsonRecords final : public RecordSource {
public:
    // Whether JSON text is such an array (or SPARQL results), rather than Annals events (with a title and a
    // start) or TimelineJS.
    static bool looksLikeRecords(const QByteArray &json);

    explicit JsonRecords(const QByteArray &json);
    bool next(QStringList *fields) override;
    qint64 line() const override { return m_line; }
    QString error() const override { return m_error; }

private:
    QJsonArray m_objects;
    QStringList m_keys;
    QList<int> m_lines; // the line each object starts on
    qsizetype m_next = -1; // -1: the header comes next
    qint64 m_line = 1;
    QString m_error;
};
