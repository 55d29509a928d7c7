// SPDX-License-Identifier: GPL-3.0-or-later
#include "countries.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// A two-column table from the resources: "key<TAB>ISO", with # comments.
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
            table.insert(QString::fromUtf8(columns[0]), QString::fromLatin1(columns[1]));
        }
    }
    return table;
}

// How a name is looked up: lower case, without accents ("Côte" is "cote"), with one kind of apostrophe and of
// space, and without a leading "the".
QString key(QStringView name)
{
    const QString decomposed = name.trimmed().toString().normalized(QString::NormalizationForm_KD).toLower();
    QString folded;
    folded.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        }
        if (c.isSpace()) {
            space = !folded.isEmpty();
            continue;
        }
        if (space) {
            folded += u' ';
            space = false;
        }
        folded += c == u'\u2019' || c == u'`' ? QChar(u'\'') : c;
    }
    if (folded.startsWith(QLatin1String("the "))) {
        folded.remove(0, 4);
    }
    return folded;
}

struct Table {
    QHash<QString, QString> codeByKey; // key() of alpha-2, alpha-3 and names -> alpha-2
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
        const auto add = [&](const QString &name, const QString &code) {
            if (!name.isEmpty() && !t.codeByKey.contains(key(name))) {
                t.codeByKey.insert(key(name), code);
            }
        };
        const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).object().value(u"3166-1").toArray();
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const QString code = entry.value(u"alpha_2").toString();
            // The common name reads better where there is one ("Bolivia", "Taiwan").
            const QString common = entry.value(u"common_name").toString();
            t.nameByCode.insert(code, common.isEmpty() ? entry.value(u"name").toString() : common);
            for (const char *field : {"alpha_2", "alpha_3", "name", "common_name", "official_name"}) {
                add(entry.value(QLatin1String(field)).toString(), code);
            }
        }
        // ISO's sorted forms, read as people write them, where that names no other country (checked below): "Iran,
        // Islamic Republic of" is also "Iran" and "Islamic Republic of Iran"; "Congo, The Democratic Republic of the"
        // is "Democratic Republic of the Congo"; "Holy See (Vatican City State)" is "Holy See". ("Korea, Republic of"
        // leaves "Korea" to the alias table.)
        QHash<QString, QString> sorted; // key -> code, or empty where two countries claim it
        const auto offer = [&](const QString &name, const QString &code) {
            const QString k = key(name);
            if (!t.codeByKey.contains(k)) {
                const auto it = sorted.constFind(k);
                sorted.insert(k, it == sorted.cend() || *it == code ? code : QString());
            }
        };
        for (const QJsonValue &value : entries) {
            const QString name = value.toObject().value(u"name").toString();
            const QString code = value.toObject().value(u"alpha_2").toString();
            if (const qsizetype comma = name.indexOf(u','); comma > 0) {
                offer(name.left(comma), code);
                offer(name.mid(comma + 1).trimmed() + u' ' + name.left(comma), code);
            }
            if (const qsizetype paren = name.indexOf(QLatin1String(" (")); paren > 0) {
                offer(name.left(paren), code);
            }
        }
        for (auto it = sorted.cbegin(); it != sorted.cend(); ++it) {
            if (!it.value().isEmpty()) { // "Virgin Islands" is British and U.S.: neither, unless an alias says
                t.codeByKey.insert(it.key(), it.value());
            }
        }
        if (t.nameByCode.isEmpty()) {
            return t;
        }
        // Kosovo has no ISO code; XK is the code in common use (see the alias table).
        t.nameByCode.insert(u"XK"_qs, u"Kosovo"_qs);
        // The names data sets and people write that ISO spells otherwise; they win over the sorted forms.
        const QHash<QString, QString> aliases = readCodeTable(QStringLiteral(":/data/country-aliases.tsv"));
        for (auto it = aliases.cbegin(); it != aliases.cend(); ++it) {
            t.codeByKey.insert(key(it.key()), it.value());
        }
        return t;
    }();
    return instance;
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
    return table().codeByKey.value(key(codeOrName));
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
