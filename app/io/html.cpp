// SPDX-License-Identifier: GPL-3.0-or-later
#include "html.h"

#include <QHash>
#include <QRegularExpression>

namespace Html {

QString toPlainText(const QString &html)
{
    if (!html.contains(u'<') && !html.contains(u'&')) {
        return html.trimmed();
    }
    QString text = html;
    static const QRegularExpression breaks(
        QStringLiteral(R"(<\s*br\s*/?\s*>|</\s*(p|div|li|h[1-6]|tr|blockquote)\s*>)"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(breaks, QStringLiteral("\n"));
    static const QRegularExpression scripts(QStringLiteral(R"(<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    text.remove(scripts);
    static const QRegularExpression tags(QStringLiteral(R"(<[^>]*>)"));
    text.remove(tags);

    static const QHash<QString, QString> named{{u"amp"_qs, u"&"_qs}, {u"lt"_qs, u"<"_qs}, {u"gt"_qs, u">"_qs},
        {u"quot"_qs, u"\""_qs}, {u"apos"_qs, u"'"_qs}, {u"nbsp"_qs, u" "_qs}, {u"ndash"_qs, u"–"_qs},
        {u"mdash"_qs, u"—"_qs}, {u"hellip"_qs, u"…"_qs}, {u"lsquo"_qs, u"‘"_qs}, {u"rsquo"_qs, u"’"_qs},
        {u"ldquo"_qs, u"“"_qs}, {u"rdquo"_qs, u"”"_qs}};
    static const QRegularExpression entity(QStringLiteral(R"(&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);)"));
    QString decoded;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        QString replacement = match.captured(0);
        if (name.startsWith(u"#x", Qt::CaseInsensitive)) {
            const uint code = name.mid(2).toUInt(nullptr, 16);
            replacement = code > 0 && code < 0x110000 ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1)
                                                      : QString();
        } else if (name.startsWith(u'#')) {
            const uint code = name.mid(1).toUInt();
            replacement = code > 0 && code < 0x110000 ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1)
                                                      : QString();
        } else if (named.contains(name.toLower())) {
            replacement = named.value(name.toLower());
        }
        decoded += replacement;
        last = match.capturedEnd();
    }
    decoded += QStringView(text).mid(last);

    // Fold spaces within lines, and blank lines to one.
    QStringList lines;
    for (const QString &line : decoded.split(u'\n')) {
        const QString simple = line.simplified();
        if (!simple.isEmpty() || (!lines.isEmpty() && !lines.last().isEmpty())) {
            lines << simple;
        }
    }
    while (!lines.isEmpty() && lines.last().isEmpty()) {
        lines.removeLast();
    }
    return lines.join(u'\n');
}

} // namespace Html
