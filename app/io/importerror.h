// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Why a file could not be read, and where: every importer reports through this, so that every message names the
// file, the line (and column where it is known), the field and what is wrong.
struct ImportError {
    QString file;
    int line = 0; // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString field; // "event 3, field \"start\"", or empty
    QString message;

    // Who reads the message: the command line's user is told of --map, the window's of the Import dialog.
    enum class Audience { CommandLine, Window };
    // "broken.json:12:14: event 3, field "start": "2023-13-01" has month 13; a month runs from 1 to 12"
    QString toString(Audience audience = Audience::CommandLine) const;
    // How to give a field its column, in the audience's words ("name one with --map title=COLUMN"); a message
    // that holds the command line's words says the window's in toString(Audience::Window).
    static QString mapHint(const QString &field, Audience audience);

    // Formats read whole (JSON, iCalendar) are read up to this size, so that memory stays bounded.
    static constexpr qint64 kMaxWholeFileBytes = qint64(512) * 1024 * 1024;
    // A whole input file; on failure nullopt, with *error naming the file and why.
    static std::optional<QByteArray> readFile(const QString &path, ImportError *error);
    // A whole-file reader's readFile: the file, then `read(bytes, path, skipInvalid, error)` on it.
    template <typename Read>
    static auto readWhole(const QString &path, bool skipInvalid, ImportError *error, Read read)
        -> decltype(read(QByteArray(), path, skipInvalid, error))
    {
        const std::optional<QByteArray> data = readFile(path, error);
        if (!data) {
            return std::nullopt;
        }
        return read(*data, path, skipInvalid, error);
    }
};
