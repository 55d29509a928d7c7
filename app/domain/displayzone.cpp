// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayzone.h"

#include <QDateTime>

namespace DisplayZone {
namespace {

QTimeZone &current()
{
    static QTimeZone zone = QTimeZone::utc();
    return zone;
}

bool placeable(qint64 utcSeconds)
{
    // 0001-01-01 to 9999-12-31: where QTimeZone's rules apply at all.
    return utcSeconds > -62135596800LL && utcSeconds < 253402300800LL;
}

} // namespace

std::optional<QTimeZone> fromName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0) {
        return QTimeZone::utc();
    }
    if (trimmed.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0
        || trimmed.compare(QLatin1String("local"), Qt::CaseInsensitive) == 0) {
        return QTimeZone::systemTimeZone();
    }
    const QTimeZone zone(trimmed.toUtf8());
    if (!zone.isValid()) {
        return std::nullopt;
    }
    return zone;
}

QString nameOf(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == QTimeZone::utc()) {
        return QStringLiteral("UTC");
    }
    return QString::fromUtf8(zone.id());
}

void set(const QTimeZone &zone)
{
    current() = zone.isValid() ? zone : QTimeZone::utc();
}

QTimeZone zone()
{
    return current();
}

bool isUtc()
{
    return current() == QTimeZone::utc();
}

int offsetAt(qint64 utcSeconds)
{
    if (isUtc() || !placeable(utcSeconds)) {
        return 0;
    }
    return current().offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc()));
}

QString suffixAt(qint64 utcSeconds)
{
    if (isUtc() || !placeable(utcSeconds)) {
        return QStringLiteral("UTC");
    }
    const QDateTime at = QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc());
    const QString abbreviation = current().abbreviation(at);
    // Some zones' abbreviations are only their offset ("+0530"); say it the ISO way then.
    if (!abbreviation.isEmpty() && abbreviation.front().isLetter()) {
        return abbreviation;
    }
    const int offset = current().offsetFromUtc(at);
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offset < 0 ? u'−' : u'+')
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString describe()
{
    return nameOf(current());
}

} // namespace DisplayZone
