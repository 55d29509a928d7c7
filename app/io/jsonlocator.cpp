// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlocator.h"

namespace {

class Scanner {
public:
    explicit Scanner(const QByteArray &text)
        : m_text(text)
    {
    }

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_text.size() && (m_text[i] == ' ' || m_text[i] == '\t' || m_text[i] == '\n' || m_text[i] == '\r')) {
            ++i;
        }
        return i;
    }

    // i at an opening quote; returns the index after the closing quote, and the raw content in *content.
    qsizetype skipString(qsizetype i, QByteArray *content = nullptr) const
    {
        const qsizetype start = ++i;
        while (i < m_text.size() && m_text[i] != '"') {
            i += m_text[i] == '\\' ? 2 : 1;
        }
        if (content) {
            *content = m_text.mid(start, i - start);
        }
        return i + 1;
    }

    // i at the start of a value; returns the index after it.
    qsizetype skipValue(qsizetype i) const
    {
        if (i >= m_text.size()) {
            return i;
        }
        const char c = m_text[i];
        if (c == '"') {
            return skipString(i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (i < m_text.size()) {
                const char d = m_text[i];
                if (d == '"') {
                    i = skipString(i);
                    continue;
                }
                if (d == '{' || d == '[') {
                    ++depth;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return i + 1;
                }
                ++i;
            }
            return i;
        }
        while (i < m_text.size() && !QByteArrayView(",}] \t\r\n").contains(m_text[i])) {
            ++i;
        }
        return i;
    }

    // i at '{'; returns the index of the value for key, or -1.
    qsizetype member(qsizetype i, const QString &key) const
    {
        const QByteArray wanted = key.toUtf8();
        i = skipSpace(i + 1);
        while (i < m_text.size() && m_text[i] == '"') {
            QByteArray name;
            i = skipSpace(skipString(i, &name));
            i = skipSpace(i + 1); // past ':'
            if (name == wanted) {
                return i;
            }
            i = skipSpace(skipValue(i));
            if (i < m_text.size() && m_text[i] == ',') {
                i = skipSpace(i + 1);
            }
        }
        return -1;
    }

    // i at '['; returns the index of element n, or -1.
    qsizetype element(qsizetype i, int n) const
    {
        i = skipSpace(i + 1);
        for (int k = 0; i < m_text.size() && m_text[i] != ']'; ++k) {
            if (k == n) {
                return i;
            }
            i = skipSpace(skipValue(i));
            if (i < m_text.size() && m_text[i] == ',') {
                i = skipSpace(i + 1);
            }
        }
        return -1;
    }

    char at(qsizetype i) const { return i < m_text.size() ? m_text[i] : '\0'; }

private:
    const QByteArray &m_text;
};

} // namespace

namespace JsonLocator {

Position positionOf(const QByteArray &text, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, text.size());
    Position position;
    const QByteArrayView before(text.constData(), offset);
    position.line = int(before.count('\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    position.column = int(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    return position;
}

Position find(const QByteArray &json, const QList<Step> &path)
{
    const Scanner scanner(json);
    qsizetype at = scanner.skipSpace(json.startsWith("\xEF\xBB\xBF") ? 3 : 0);
    for (const Step &step : path) {
        qsizetype next = -1;
        if (const QString *key = std::get_if<QString>(&step); key && scanner.at(at) == '{') {
            next = scanner.member(at, *key);
        } else if (const int *index = std::get_if<int>(&step); index && scanner.at(at) == '[') {
            next = scanner.element(at, *index);
        }
        if (next < 0) {
            break;
        }
        at = next;
    }
    return positionOf(json, at);
}

} // namespace JsonLocator
