// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

// Finds where a value stands in JSON text, since QJsonDocument keeps no positions. Used only on the error path,
// so a file is scanned again only when something in it is wrong. The text must be valid JSON.
namespace JsonLocator {

using Step = std::variant<QString, int>; // an object key or an array index
struct Position {
    int line = 1; // 1-based
    int column = 1; // 1-based, in characters
};

// The position of the value at `path`, or of its deepest ancestor that exists (an object missing a key points at
// the object).
Position find(const QByteArray &json, const QList<Step> &path);
// The line and column of a byte offset.
Position positionOf(const QByteArray &text, qsizetype offset);

} // namespace JsonLocator
