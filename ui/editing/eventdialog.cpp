// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventdialog.h"

#include "domain/countries.h"
#include "domain/datetext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace {

// The precisions a person may choose instead of the one the text gives.
const std::pair<Precision, const char *> kPrecisions[] = {
    {Precision::Year, QT_TRANSLATE_NOOP("EventDialog", "Year")},
    {Precision::Month, QT_TRANSLATE_NOOP("EventDialog", "Month")},
    {Precision::Day, QT_TRANSLATE_NOOP("EventDialog", "Day")},
    {Precision::Minute, QT_TRANSLATE_NOOP("EventDialog", "Minute")},
    {Precision::Second, QT_TRANSLATE_NOOP("EventDialog", "Second")},
};

// A table of plain text cells with a button row to add and remove rows.
QWidget *tableWithButtons(QTableWidget *table, const QStringList &headers)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(table);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(QObject::tr("Add"));
    auto *remove = new QPushButton(QObject::tr("Remove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    QObject::connect(add, &QPushButton::clicked, table, [table] {
        table->insertRow(table->rowCount());
        table->setCurrentCell(table->rowCount() - 1, 0);
        table->editItem(table->currentItem() ? table->currentItem() : nullptr);
    });
    QObject::connect(remove, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0) {
            table->removeRow(table->currentRow());
        }
    });
    return page;
}

void addRow(QTableWidget *table, const QStringList &cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.simplified().isEmpty()) {
            out << part.simplified();
        }
    }
    return out;
}

// A date as the form shows it: as the source wrote it, else ISO at its precision.
std::pair<QString, QString> dateTexts(const EventTime &time)
{
    if (!time.written().isEmpty()) {
        return {time.written(), QString()};
    }
    const TimePoint first = time.first();
    const QString start = TimePoint::toIso(first.seconds, first.precision, first.millisecond);
    if (!time.isRange()) {
        return {start, QString()};
    }
    const TimePoint last = time.last();
    return {start, TimePoint::toIso(last.seconds, last.precision, last.millisecond)};
}

} // namespace

EventDialog::EventDialog(const Event &event, bool isNew, const QStringList &kinds, QWidget *parent)
    : QDialog(parent)
    , m_event(event)
    , m_title(new QLineEdit)
    , m_kind(new QComboBox)
    , m_start(new QLineEdit)
    , m_end(new QLineEdit)
    , m_precision(new QComboBox)
    , m_dateReading(new QLabel)
    , m_countries(new QLineEdit)
    , m_place(new QLineEdit)
    , m_summary(new QPlainTextEdit)
    , m_tags(new QLineEdit)
    , m_actors(new QTableWidget)
    , m_quotes(new QTableWidget)
    , m_sources(new QTableWidget)
    , m_problem(new QLabel)
{
    setWindowTitle(isNew ? tr("New Event") : tr("Edit Event"));
    if (isNew && m_event.id.isEmpty()) {
        m_event.id = QStringLiteral("user-") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    }
    m_title->setText(event.title);
    m_kind->setEditable(true);
    m_kind->addItems(kinds);
    m_kind->setCurrentText(event.kind);
    const auto [start, end] = dateTexts(event.time);
    m_start->setText(start);
    m_end->setText(end);
    m_start->setPlaceholderText(tr("2023-05-01, 2023-05-01 10:30, 1 May 2023, May 2023, c. 1200, 1984?"));
    m_end->setPlaceholderText(tr("when it lasted: its last day, month or year"));
    m_precision->addItem(tr("As written"));
    for (const auto &[precision, name] : kPrecisions) {
        m_precision->addItem(tr(name), int(precision));
    }
    m_dateReading->setTextFormat(Qt::PlainText);
    m_dateReading->setWordWrap(true);
    m_countries->setText(event.countries.join(QStringLiteral(", ")));
    m_countries->setPlaceholderText(tr("CN, RU or China, Russia"));
    m_place->setText(event.location.place);
    m_summary->setPlainText(event.summary);
    m_tags->setText(event.tags.join(QStringLiteral(", ")));
    m_tags->setPlaceholderText(tr("the source's tags, separated by commas"));

    auto *tabs = new QTabWidget;
    auto *main = new QWidget;
    auto *form = new QFormLayout(main);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Start:"), m_start);
    form->addRow(tr("&End:"), m_end);
    form->addRow(tr("&Precision:"), m_precision);
    form->addRow(QString(), m_dateReading);
    form->addRow(tr("&Countries:"), m_countries);
    form->addRow(tr("P&lace:"), m_place);
    form->addRow(tr("S&ummary:"), m_summary);
    form->addRow(tr("Ta&gs:"), m_tags);
    auto *id = new QLabel(tr("Id: %1").arg(m_event.id));
    id->setTextFormat(Qt::PlainText);
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), id);
    tabs->addTab(main, tr("Event"));
    tabs->addTab(tableWithButtons(m_actors, {tr("Name"), tr("Country"), tr("Role"), tr("Office")}), tr("Actors"));
    for (const Actor &actor : event.actors) {
        addRow(m_actors, {actor.name, actor.country, actor.role, actor.title});
    }
    tabs->addTab(tableWithButtons(m_quotes, {tr("Speaker"), tr("Quote")}), tr("Quotes"));
    for (const Quote &quote : event.quotes) {
        addRow(m_quotes, {quote.speaker, quote.text});
    }
    tabs->addTab(tableWithButtons(m_sources, {tr("Name"), tr("Address (http or https)"), tr("Date")}), tr("Sources"));
    for (const Source &source : event.sources) {
        addRow(m_sources, {source.name, source.url, source.date});
    }

    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problem->setPalette(warning);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &EventDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EventDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (QLineEdit *field : {m_start, m_end}) {
        connect(field, &QLineEdit::textChanged, this, &EventDialog::showDate);
    }
    connect(m_precision, &QComboBox::currentIndexChanged, this, &EventDialog::showDate);
    showDate();
    m_title->setFocus();
    resize(560, 520);
}

EventDialog::~EventDialog() = default;

std::optional<Event> EventDialog::edited(QString *error) const
{
    Event event = m_event;
    event.title = m_title->text().simplified();
    event.kind = m_kind->currentText().simplified();
    event.summary = m_summary->toPlainText().trimmed();
    event.location.place = m_place->text().simplified();
    event.tags = commaList(m_tags->text());
    const std::optional<EventTime> time = readTime(error);
    if (!time) {
        return std::nullopt;
    }
    event.time = *time;
    event.countries.clear();
    for (const QString &name : commaList(m_countries->text())) {
        const QString code = Countries::lookup(name);
        if (code.isEmpty()) {
            *error = tr("Countries: \u201C%1\u201D is not a country known to ISO 3166-1").arg(name);
            return std::nullopt;
        }
        if (!event.countries.contains(code)) {
            event.countries << code;
        }
    }
    event.actors.clear();
    for (int row = 0; row < m_actors->rowCount(); ++row) {
        const QString name = cell(m_actors, row, 0);
        if (name.isEmpty()) {
            continue; // an empty row is no actor
        }
        const QString country
            = cell(m_actors, row, 1).isEmpty() ? QString() : Countries::lookup(cell(m_actors, row, 1));
        if (!cell(m_actors, row, 1).isEmpty() && country.isEmpty()) {
            *error = tr("Actors: %1's country \u201C%2\u201D is not known to ISO 3166-1")
                         .arg(name, cell(m_actors, row, 1));
            return std::nullopt;
        }
        const auto known = std::find_if(
            m_event.actors.begin(), m_event.actors.end(), [&](const Actor &actor) { return actor.name == name; });
        const Actor::Type type = known != m_event.actors.end() ? known->type : Actor::Type::Person;
        event.actors.append({name, country, cell(m_actors, row, 2), cell(m_actors, row, 3), type});
    }
    event.quotes.clear();
    for (int row = 0; row < m_quotes->rowCount(); ++row) {
        if (!cell(m_quotes, row, 1).isEmpty()) {
            event.quotes.append({cell(m_quotes, row, 0), cell(m_quotes, row, 1)});
        }
    }
    event.sources.clear();
    for (int row = 0; row < m_sources->rowCount(); ++row) {
        const Source source{cell(m_sources, row, 0), cell(m_sources, row, 1), cell(m_sources, row, 2)};
        if (source.name.isEmpty() && source.url.isEmpty()) {
            continue;
        }
        const QUrl url(source.url);
        if (!source.url.isEmpty()
            && (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))) {
            *error = tr("Sources: \u201C%1\u201D is not an http or https address").arg(source.url);
            return std::nullopt;
        }
        event.sources.append(source);
    }
    if (event.title.isEmpty()) {
        *error = tr("Title: give the event a title");
        return std::nullopt;
    }
    return event;
}

std::optional<EventTime> EventDialog::readTime(QString *error) const
{
    QString why;
    std::optional<EventTime> time = DateText::parse(m_start->text().trimmed(), &why);
    if (!time) {
        *error = tr("Start: %1").arg(m_start->text().trimmed().isEmpty() ? tr("give a date") : why);
        return std::nullopt;
    }
    if (!m_end->text().trimmed().isEmpty()) {
        const std::optional<EventTime> end = DateText::parse(m_end->text().trimmed(), &why);
        if (end) {
            time = DateText::join(*time, *end, &why);
        }
        if (!end || !time) {
            *error = tr("End: %1").arg(why);
            return std::nullopt;
        }
    }
    if (const QVariant precision = m_precision->currentData(); precision.isValid()) {
        time = time->withPrecision(Precision(precision.toInt()));
    }
    return time;
}

void EventDialog::showDate()
{
    // The date as the timeline will show it, whatever else the form still lacks.
    QString error;
    const std::optional<EventTime> time = readTime(&error);
    m_dateReading->setText(time ? tr("Shown as: %1").arg(time->toDisplayString()) : error);
}

QString EventDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void EventDialog::accept()
{
    QString error;
    const std::optional<Event> event = edited(&error);
    if (event && m_submit) {
        error = m_submit(*event);
    }
    if (!error.isEmpty()) {
        m_problem->setText(error);
        m_problem->show();
        return;
    }
    QDialog::accept();
}
