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
                    // "Iran, Islamic Republic of" is also "Iran"; "Korea, Republic of" stays ambiguous below.
                    const qsizetype comma = text.indexOf(u',');
                    if (comma > 0 && !t.codeByKey.contains(text.left(comma).toLower())) {
                        t.codeByKey.insert(text.left(comma).toLower(), code);
                    }
                }
            }
        }
        // The names people write that ISO spells otherwise.
        static const std::pair<const char *, const char *> kAliases[] = {{"russia", "RU"}, {"uk", "GB"},
            {"britain", "GB"}, {"great britain", "GB"}, {"england", "GB"}, {"usa", "US"}, {"america", "US"},
            {"united states of america", "US"}, {"turkey", "TR"}, {"south korea", "KR"}, {"north korea", "KP"},
            {"korea", "KR"}, {"vietnam", "VN"}, {"syria", "SY"}, {"laos", "LA"}, {"moldova", "MD"}, {"tanzania", "TZ"},
            {"venezuela", "VE"}, {"bolivia", "BO"}, {"iran", "IR"}, {"czech republic", "CZ"}, {"ivory coast", "CI"},
            {"palestine", "PS"}, {"taiwan", "TW"}, {"macedonia", "MK"}, {"burma", "MM"}, {"the netherlands", "NL"},
            {"holland", "NL"}, {"vatican", "VA"}, {"brunei", "BN"}, {"micronesia", "FM"}};
        if (!t.nameByCode.isEmpty()) {
            for (const auto &[alias, code] : kAliases) {
                t.codeByKey.insert(QLatin1String(alias), QLatin1String(code));
            }
        }
        return t;
    }();
    return instance;
}

// A two-column table from the resources: "FIPS<TAB>ISO", with # comments.
QHash<QString, QString> readCodeTable(const QString &path)
{
    QHash<QString, QString> table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qWarning("Annals: the resource %s is missing", qUtf8Printable(path));
        return table;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        const QList<QByteArray> columns = line.split('\t');
        if (!line.startsWith('#') && columns.size() == 2) {
            table.insert(QString::fromLatin1(columns[0]), QString::fromLatin1(columns[1]));
        }
    }
    return table;
}

} // namespace

namespace Countries {

QString fromFips(QStringView code)
{
    static const QHash<QString, QString> fips = readCodeTable(QStringLiteral(":/data/fips10-4.tsv"));
    return fips.value(code.trimmed().toString().toUpper());
}

QString fromCameo(QStringView code)
{
    static const QHash<QString, QString> cameo = readCodeTable(QStringLiteral(":/data/cameo-countries.tsv"));
    const QString key = code.trimmed().toString().toUpper();
    if (key.size() != 3) {
        return {};
    }
    if (const auto it = cameo.constFind(key); it != cameo.constEnd()) {
        return *it;
    }
    const QString alpha2 = lookup(key);
    // Only an alpha-3 code: a three-letter name such as "USA" is an alias too, but no region is.
    return alpha2;
}

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
