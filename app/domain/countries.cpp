// SPDX-License-Identifier: GPL-3.0-or-later
#include "countries.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

struct Table {
    QHash<QString, QString> codeByKey; // lower-cased alpha-2, alpha-3 and names -> alpha-2
    QHash<QString, QString> nameByCode;
};

const Table &table()
{
    static const Table instance = [] {
        Table t;
        QFile file(Countries::dataPath());
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("Annals: cannot read %s; install Debian's iso-codes", qUtf8Printable(file.fileName()));
            return t;
        }
        const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).object().value(u"3166-1").toArray();
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const QString code = entry.value(u"alpha_2").toString();
            // The common name reads better where there is one ("Bolivia", "Taiwan").
            const QString common = entry.value(u"common_name").toString();
            t.nameByCode.insert(code, common.isEmpty() ? entry.value(u"name").toString() : common);
            for (const char *key : {"alpha_2", "alpha_3", "name", "common_name", "official_name"}) {
                const QString text = entry.value(QLatin1String(key)).toString();
                if (!text.isEmpty()) {
                    t.codeByKey.insert(text.toLower(), code);
                }
            }
        }
        return t;
    }();
    return instance;
}

} // namespace

namespace Countries {

QString dataPath()
{
    return QStringLiteral(ANNALS_ISO_CODES_DIR "/iso_3166-1.json");
}

QString lookup(QStringView codeOrName)
{
    return table().codeByKey.value(codeOrName.trimmed().toString().toLower());
}

QString name(QStringView alpha2)
{
    return table().nameByCode.value(alpha2.toString().toUpper());
}

int count()
{
    return int(table().nameByCode.size());
}

} // namespace Countries
