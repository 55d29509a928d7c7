// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventdetailview.h"

#include "domain/countries.h"
#include "domain/event.h"

#include "domain/displayzone.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QLocale>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace {

class Writer {
public:
    Writer(QTextDocument *document, const QPalette &palette)
        : m_cursor(document)
        , m_palette(palette)
    {
    }

    void title(const QString &text)
    {
        QTextCharFormat format;
        format.setFontPointSize(m_base * 1.45);
        format.setFontWeight(QFont::DemiBold);
        block(0);
        m_cursor.insertText(text, format);
    }

    void line(const QString &text, bool muted = false)
    {
        block(2);
        m_cursor.insertText(text, muted ? mutedFormat() : QTextCharFormat());
    }

    void heading(const QString &text)
    {
        QTextCharFormat format;
        format.setFontWeight(QFont::DemiBold);
        format.setFontPointSize(m_base * 0.9);
        format.setForeground(m_palette.color(QPalette::PlaceholderText));
        block(10);
        m_cursor.insertText(text.toUpper(), format);
    }

    void labelled(const QString &label, const QString &value)
    {
        block(2);
        m_cursor.insertText(label + QStringLiteral(": "), mutedFormat());
        m_cursor.insertText(value, QTextCharFormat());
    }

    void quote(const QString &text, const QString &speaker)
    {
        QTextBlockFormat format;
        format.setLeftMargin(14);
        format.setTopMargin(6);
        m_cursor.insertBlock(format, {});
        QTextCharFormat italic;
        italic.setFontItalic(true);
        m_cursor.insertText(QChar(0x201C) + text + QChar(0x201D), italic);
        if (!speaker.isEmpty()) {
            m_cursor.insertText(QStringLiteral("\n") + QChar(0x2014) + QLatin1Char(' ') + speaker, mutedFormat());
        }
    }

    // A link made by Annals itself (to another event), never from imported text.
    void eventLink(const QString &text, const QString &href, const QString &detail)
    {
        block(2);
        m_cursor.insertText(QChar(0x2022) + QLatin1Char(' '), mutedFormat());
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorHref(href);
        format.setForeground(m_palette.color(QPalette::Link));
        m_cursor.insertText(text, format);
        if (!detail.isEmpty()) {
            m_cursor.insertText(QStringLiteral(", ") + detail, mutedFormat());
        }
    }

    void link(const QString &text, const QString &url, const QString &detail)
    {
        block(2);
        m_cursor.insertText(QChar(0x2022) + QLatin1Char(' '), mutedFormat());
        const QUrl parsed(url);
        if (EventDetailView::isSafeLink(parsed)) {
            QTextCharFormat format;
            format.setAnchor(true);
            format.setAnchorHref(parsed.toString(QUrl::FullyEncoded));
            format.setForeground(m_palette.color(QPalette::Link));
            format.setFontUnderline(true);
            format.setToolTip(Qt::convertFromPlainText(parsed.toDisplayString()));
            m_cursor.insertText(text.isEmpty() ? parsed.toDisplayString() : text, format);
        } else {
            m_cursor.insertText(text.isEmpty() ? url : text, QTextCharFormat());
            if (!text.isEmpty() && !url.isEmpty()) {
                m_cursor.insertText(QStringLiteral(" (") + url + QLatin1Char(')'), mutedFormat());
            }
        }
        if (!detail.isEmpty()) {
            m_cursor.insertText(QStringLiteral(", ") + detail, mutedFormat());
        }
    }

private:
    void block(qreal topMargin)
    {
        QTextBlockFormat format;
        format.setTopMargin(topMargin);
        if (m_first) {
            m_cursor.setBlockFormat(format);
            m_first = false;
        } else {
            m_cursor.insertBlock(format, {});
        }
    }

    QTextCharFormat mutedFormat() const
    {
        QTextCharFormat format;
        format.setForeground(m_palette.color(QPalette::PlaceholderText));
        return format;
    }

public:
    // Actions of the pane itself (a scheme of its own, never from imported text), side by side on one line.
    void actions(const QList<std::pair<QString, QString>> &actions)
    {
        block(6);
        for (qsizetype i = 0; i < actions.size(); ++i) {
            if (i > 0) {
                m_cursor.insertText(QStringLiteral("  ·  "), mutedFormat());
            }
            QTextCharFormat format;
            format.setAnchor(true);
            format.setAnchorHref(actions[i].second);
            format.setForeground(m_palette.color(QPalette::Link));
            m_cursor.insertText(actions[i].first, format);
        }
    }

private:
    QTextCursor m_cursor;
    QPalette m_palette;
    qreal m_base = QFont().pointSizeF() > 0 ? QFont().pointSizeF() : 10;
    bool m_first = true;
};

QString countryText(const QString &code)
{
    const QString name = Countries::name(code);
    return name.isEmpty() ? code : name;
}

} // namespace

EventDetailView::EventDetailView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &EventDetailView::openLink);
    setEvent(nullptr);
}

EventDetailView::~EventDetailView() = default;

bool EventDetailView::isSafeLink(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

QVariant EventDetailView::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {}; // never fetch: not from disk, not from the network
}

namespace {
// Links to other events use a scheme of their own, made here and never taken from an imported file.
const QString kEventScheme = QStringLiteral("annals-event");
const QString kActionScheme = QStringLiteral("annals-action");

QString actionLink(const QString &action, qsizetype index = 0)
{
    return kActionScheme + u':' + action + u'/' + QString::number(index);
}
} // namespace

void EventDetailView::openLink(const QUrl &url)
{
    if (url.scheme() == kEventScheme) {
        emit eventRequested(QUrl::fromPercentEncoding(url.path().toUtf8()));
        return;
    }
    if (url.scheme() == kActionScheme) {
        const QStringList parts = url.path().split(u'/');
        const QString action = parts.value(0);
        const qsizetype index = parts.value(1).toLongLong();
        if (action == QLatin1String("star")) {
            emit starRequested(!m_marks.starred);
        } else if (action == QLatin1String("note")) {
            emit addNoteRequested();
        } else if (action == QLatin1String("tags")) {
            emit tagsRequested();
        } else if (action == QLatin1String("edit")) {
            emit editRequested();
        } else if (action == QLatin1String("edit-note") && index < m_marks.notes.size()) {
            emit noteEditRequested(m_marks.notes[index]);
        } else if (action == QLatin1String("delete-note") && index < m_marks.notes.size()) {
            emit noteRemoveRequested(m_marks.notes[index]);
        } else if (action == QLatin1String("remove-link") && index < m_marks.links.size()) {
            emit linkRemoveRequested(m_marks.links[index]);
        }
        return;
    }
    if (isSafeLink(url)) {
        QDesktopServices::openUrl(url);
    }
}

void EventDetailView::highlightMatches(const QString &search)
{
    // The words and phrases of the search, as the full-text index reads them: prefixes, in any case.
    QStringList terms;
    const QString text = search;
    static const QRegularExpression parts(QStringLiteral(R"re("([^"]+)"?|([^\s"]+))re"));
    for (auto it = parts.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString term = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        if (term.compare(QLatin1String("or"), Qt::CaseInsensitive) != 0 && term.size() >= 2) {
            terms << term.trimmed();
        }
    }
    QTextCharFormat marked;
    QColor colour(0xff, 0xd5, 0x4f);
    colour.setAlphaF(palette().color(QPalette::Base).lightnessF() < 0.5f ? 0.45f : 0.75f);
    marked.setBackground(colour);
    for (const QString &term : std::as_const(terms)) {
        QTextCursor cursor(document());
        while (!(cursor = document()->find(term, cursor)).isNull()) {
            cursor.mergeCharFormat(marked);
        }
    }
}

void EventDetailView::setEvent(const Event *event, const QList<Event> &related, const QString &highlight,
    const EventMarks &marks, const QHash<QString, QString> &titles)
{
    document()->clear();
    m_marks = event ? marks : EventMarks();
    Writer out(document(), palette());
    if (!event) {
        out.line(tr("Select an event to see its details."), true);
        return;
    }
    out.title(event->title);
    QString when = event->time.toDisplayString();
    if (!event->kind.isEmpty()) {
        when += QStringLiteral("  ·  ") + event->kind;
    }
    out.line(when, true);
    out.actions({{marks.starred ? tr("★ Starred") : tr("☆ Star"), actionLink(QStringLiteral("star"))},
        {tr("Add note"), actionLink(QStringLiteral("note"))}, {tr("Your tags"), actionLink(QStringLiteral("tags"))},
        {tr("Edit"), actionLink(QStringLiteral("edit"))}});
    if (event->time.qualifiers() != 0) {
        // What the date as written means, in words: how sure the source is, and the dates it is drawn at.
        EventTime plain = event->time;
        plain.setQualifiers(0);
        plain.setWritten(QString());
        QStringList sure;
        if (event->time.isApproximate()) {
            sure << tr("approximate");
        }
        if (event->time.isUncertain()) {
            sure << tr("uncertain");
        }
        if (event->time.isWithin()) {
            sure << tr("at some time from %1 to %2")
                        .arg(EventTime::of(plain.first()).toDisplayString(),
                            EventTime::of(plain.last()).toDisplayString());
        } else {
            sure << tr("drawn at %1").arg(plain.toDisplayString());
        }
        out.labelled(tr("Date"), sure.join(QStringLiteral(", ")));
    }

    const QStringList countries = event->allCountries();
    if (!countries.isEmpty()) {
        QStringList names;
        for (const QString &code : countries) {
            names << countryText(code);
        }
        out.labelled(tr("Countries"), names.join(QStringLiteral(", ")));
    }
    if (!event->location.isEmpty()) {
        QString place = event->location.place;
        if (!event->location.country.isEmpty()) {
            place += (place.isEmpty() ? QString() : QStringLiteral(", ")) + countryText(event->location.country);
        }
        out.labelled(tr("Place"), place);
    }
    if (!marks.tags.isEmpty()) {
        out.labelled(tr("Your tags"), marks.tags.join(QStringLiteral(", ")));
    }
    if (!marks.notes.isEmpty()) {
        out.heading(tr("Your notes"));
        for (qsizetype i = 0; i < marks.notes.size(); ++i) {
            const Note &note = marks.notes[i];
            out.line(QLocale().toString(
                         QDateTime::fromSecsSinceEpoch(note.written, DisplayZone::zone()), QLocale::ShortFormat),
                true);
            out.line(note.text);
            out.actions({{tr("edit"), actionLink(QStringLiteral("edit-note"), i)},
                {tr("delete"), actionLink(QStringLiteral("delete-note"), i)}});
        }
    }
    if (!marks.links.isEmpty()) {
        out.heading(tr("Links"));
        for (qsizetype i = 0; i < marks.links.size(); ++i) {
            const EventLink &link = marks.links[i];
            const bool outgoing = link.source == event->id;
            const QString other = outgoing ? link.target : link.source;
            const QString label = link.label.isEmpty() ? tr("linked to") : link.label;
            QUrl href;
            href.setScheme(kEventScheme);
            href.setPath(other);
            // "follows → Title" from this event; "Title → follows this" to it.
            const QString title = titles.value(other, other);
            out.eventLink(outgoing ? tr("%1 → %2").arg(label, title) : tr("%1 → %2 this").arg(title, label),
                href.toString(QUrl::FullyEncoded), QString());
            out.actions({{tr("remove link"), actionLink(QStringLiteral("remove-link"), i)}});
        }
    }
    if (!event->summary.isEmpty()) {
        out.heading(tr("Summary"));
        out.line(event->summary);
    }
    if (!event->actors.isEmpty()) {
        out.heading(tr("Actors"));
        for (const Actor &actor : event->actors) {
            QStringList details;
            if (!actor.title.isEmpty()) {
                details << actor.title;
            }
            if (!actor.role.isEmpty()) {
                details << actor.role;
            }
            if (!actor.country.isEmpty()) {
                details << countryText(actor.country);
            }
            out.line(actor.name
                + (details.isEmpty() ? QString() : QStringLiteral(" — ") + details.join(QStringLiteral(", "))));
        }
    }
    if (!event->quotes.isEmpty()) {
        out.heading(tr("Quotes"));
        for (const Quote &quote : event->quotes) {
            out.quote(quote.text, quote.speaker);
        }
    }
    if (!event->sources.isEmpty()) {
        out.heading(tr("Sources"));
        for (const Source &source : event->sources) {
            out.link(source.name, source.url, source.date);
        }
    }
    if (!event->tags.isEmpty()) {
        out.labelled(tr("Tags"), event->tags.join(QStringLiteral(", ")));
    }
    if (!related.isEmpty()) {
        out.heading(tr("Related events"));
        for (const Event &other : related) {
            QUrl link;
            link.setScheme(kEventScheme);
            link.setPath(other.id);
            out.eventLink(other.title, link.toString(QUrl::FullyEncoded), other.time.toDisplayString());
        }
    }
    highlightMatches(highlight);
    moveCursor(QTextCursor::Start);
}
