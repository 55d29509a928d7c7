// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterpanel.h"

#include "domain/eventtime.h"
#include "facetdelegate.h"
#include "models/facetmodel.h"
#include "storage/eventstore.h"
#include "workingset/filterresult.h"
#include "workingset/workingset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace {

// A wheel over the box, while the Filters dock scrolls under the pointer, must not change the filter: the box
// passes wheel events on to the scroll area. A click or the keys still choose.
class PresetBox final : public QComboBox {
public:
    using QComboBox::QComboBox;

protected:
    void wheelEvent(QWheelEvent *event) override { event->ignore(); }
};

constexpr int kSearchDelayMs = 250;

QString dateText(std::optional<qint64> seconds, Precision precision = Precision::Day)
{
    return seconds ? TimePoint::toIso(*seconds, precision) : QString();
}

} // namespace

FilterPanel::FilterPanel(QWidget *parent)
    : QWidget(parent)
    , m_countries(new FacetModel(EventFilter::Dimension::Country, this))
    , m_actors(new FacetModel(EventFilter::Dimension::Actor, this))
    , m_kinds(new FacetModel(EventFilter::Dimension::Kind, this))
    , m_certainties(new FacetModel(EventFilter::Dimension::Certainty, this))
    , m_markTags(new FacetModel(EventFilter::Dimension::MarkTag, this))
    , m_starred(new QCheckBox(tr("Starred"), this))
    , m_noted(new QCheckBox(tr("With a note"), this))
    , m_search(new QLineEdit(this))
    , m_searchMessage(new QLabel(this))
    , m_searchTimer(new QTimer(this))
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_dateMessage(new QLabel(this))
    , m_presets(new PresetBox(this))
    , m_chips(new QWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Words match as prefixes (curren finds currencies), \"quoted words\" as a phrase, and OR "
                            "between two words finds either."));
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &FilterPanel::readSearch);
    connect(m_searchTimer, &QTimer::timeout, this, &FilterPanel::readSearch);
    m_searchMessage->setWordWrap(true);
    m_searchMessage->setForegroundRole(QPalette::PlaceholderText);
    m_searchMessage->hide();
    layout->addWidget(m_search);
    layout->addWidget(m_searchMessage);

    // Active filters, each removable, and "clear all".
    m_chipLayout = new QVBoxLayout(m_chips);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(2);
    layout->addWidget(m_chips);

    auto *dates = new QGroupBox(tr("Dates"), this);
    auto *dateLayout = new QVBoxLayout(dates);
    auto *fields = new QHBoxLayout;
    m_from->setPlaceholderText(tr("From"));
    m_to->setPlaceholderText(tr("To"));
    for (QLineEdit *field : {m_from, m_to}) {
        field->setToolTip(tr("2023, 2023-05, 2023-05-22 or 490 BC"));
        field->setClearButtonEnabled(true);
        connect(field, &QLineEdit::editingFinished, this, &FilterPanel::readDates);
        fields->addWidget(field);
    }
    dateLayout->addLayout(fields);
    m_dateMessage->setWordWrap(true);
    m_dateMessage->setForegroundRole(QPalette::PlaceholderText);
    m_dateMessage->hide();
    dateLayout->addWidget(m_dateMessage);
    dateLayout->addWidget(m_presets);
    connect(m_presets, &QComboBox::activated, this, [this](int row) {
        const QVariant year = m_presets->itemData(row);
        EventFilter next = m_filter;
        if (year.isValid()) {
            next.from = Calendar::toSeconds({year.toLongLong(), 1, 1, 0, 0, 0});
            next.before = Calendar::toSeconds({year.toLongLong() + 1, 1, 1, 0, 0, 0});
        } else {
            next.from.reset();
            next.before.reset();
        }
        m_from->setText(dateText(next.from));
        m_to->setText(dateText(next.before ? std::optional(*next.before - 1) : std::nullopt));
        apply(next);
    });
    m_presets->setPlaceholderText(tr("Dates as typed above"));
    layout->addWidget(dates);

    // The analyst's own marks, apart from what the sources say.
    auto *marks = new QGroupBox(tr("Your marks"), this);
    auto *markLayout = new QHBoxLayout(marks);
    markLayout->addWidget(m_starred);
    markLayout->addWidget(m_noted);
    markLayout->addStretch();
    for (QCheckBox *box : {m_starred, m_noted}) {
        connect(box, &QCheckBox::toggled, this, &FilterPanel::readFacets);
    }
    layout->addWidget(marks);
    m_markTagSection = facetSection(tr("Your tags"), m_markTags, false);
    m_markTagSection->hide();
    layout->addWidget(m_markTagSection, 1);

    layout->addWidget(facetSection(tr("Countries"), m_countries, true), 3);
    layout->addWidget(facetSection(tr("Actors"), m_actors, true), 3);
    layout->addWidget(facetSection(tr("Kinds"), m_kinds, false), 2);
    // How sure the dates are: shown once the timeline holds a date that is approximate or uncertain.
    m_certaintySection = facetSection(tr("Certainty of the date"), m_certainties, false);
    m_certaintySection->hide();
    layout->addWidget(m_certaintySection, 1);
    for (FacetModel *model : {m_countries, m_actors, m_kinds, m_certainties, m_markTags}) {
        connect(model, &FacetModel::selectionChanged, this, &FilterPanel::readFacets);
    }
    updateChips();
}

FilterPanel::~FilterPanel() = default;

QWidget *FilterPanel::facetSection(const QString &title, FacetModel *model, bool searchable)
{
    auto *box = new QGroupBox(title, this);
    auto *layout = new QVBoxLayout(box);
    auto *proxy = new QSortFilterProxyModel(box);
    proxy->setSourceModel(model);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    if (searchable) {
        auto *find = new QLineEdit(box);
        find->setPlaceholderText(tr("Find %1").arg(title.toLower()));
        find->setClearButtonEnabled(true);
        connect(find, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
        layout->addWidget(find);
    }
    auto *list = new QListView(box);
    list->setModel(proxy);
    list->setItemDelegate(new FacetDelegate(list));
    list->setUniformItemSizes(true);
    list->setMinimumHeight(90);
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QListView::customContextMenuRequested, this, [this, list, model](const QPoint &at) {
        const QModelIndex index = list->indexAt(at);
        if (!index.isValid()) {
            return;
        }
        const QString key = index.data(FacetModel::KeyRole).toString();
        QMenu menu(list);
        menu.addAction(tr("Only “%1”").arg(index.data().toString()), this, [model, key] { model->checkOnly(key); });
        menu.addAction(tr("All"), model, &FacetModel::checkAll);
        menu.exec(list->viewport()->mapToGlobal(at));
    });
    layout->addWidget(list);
    auto *buttons = new QHBoxLayout;
    auto *all = new QPushButton(tr("All"), box);
    auto *none = new QPushButton(tr("None"), box);
    connect(all, &QPushButton::clicked, model, &FacetModel::checkAll);
    connect(none, &QPushButton::clicked, model, &FacetModel::checkNone);
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch();
    layout->addLayout(buttons);
    return box;
}

void FilterPanel::setStore(const EventStore *store)
{
    m_store = store;
    refresh();
}

void FilterPanel::refresh()
{
    updateYears();
    syncPresets();
}

void FilterPanel::focusSearch()
{
    // The panel scrolls in its dock: bring the box into view first.
    for (QWidget *widget = parentWidget(); widget; widget = widget->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(widget)) {
            area->ensureWidgetVisible(m_search);
            break;
        }
    }
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString FilterPanel::searchMessage() const
{
    return m_searchMessage->isVisible() ? m_searchMessage->text() : QString();
}

void FilterPanel::setFilter(const EventFilter &filter)
{
    m_updating = true;
    m_countries->setSelection(filter.countries);
    m_actors->setSelection(filter.actors);
    m_kinds->setSelection(filter.kinds);
    m_certainties->setSelection(filter.certainties);
    m_markTags->setSelection(filter.markTags);
    m_starred->setChecked(filter.starred);
    m_noted->setChecked(filter.hasNote);
    m_search->setText(filter.text);
    m_searchTimer->stop();
    m_from->setText(dateText(filter.from));
    m_to->setText(dateText(filter.before ? std::optional(*filter.before - 1) : std::nullopt));
    m_updating = false;
    apply(filter);
}

void FilterPanel::setDates(std::optional<qint64> from, std::optional<qint64> before)
{
    EventFilter next = m_filter;
    next.from = from;
    next.before = before;
    m_from->setText(dateText(from));
    m_to->setText(dateText(before ? std::optional(*before - 1) : std::nullopt));
    apply(next);
}

void FilterPanel::readFacets()
{
    if (m_updating) {
        return;
    }
    EventFilter next = m_filter;
    next.countries = m_countries->selection();
    next.actors = m_actors->selection();
    next.kinds = m_kinds->selection();
    next.certainties = m_certainties->selection();
    next.markTags = m_markTags->selection();
    next.starred = m_starred->isChecked();
    next.hasNote = m_noted->isChecked();
    apply(next);
}

void FilterPanel::readDates()
{
    EventFilter next = m_filter;
    QStringList problems;
    const auto read = [&](QLineEdit *field, bool isEnd) -> std::optional<qint64> {
        const QString text = field->text().trimmed();
        if (text.isEmpty()) {
            return std::nullopt;
        }
        QString why;
        const std::optional<TimePoint> point = TimePoint::parse(text, &why);
        if (!point) {
            problems << why;
            return isEnd ? m_filter.before : m_filter.from;
        }
        return isEnd ? TimePoint::periodEnd(point->seconds, point->precision) : point->seconds;
    };
    next.from = read(m_from, false);
    next.before = read(m_to, true);
    if (next.from && next.before && *next.before <= *next.from) {
        problems << tr("“To” comes before “From”.");
        next.before = m_filter.before;
    }
    m_dateMessage->setText(problems.join(u'\n'));
    m_dateMessage->setVisible(!problems.isEmpty());
    apply(next);
}

void FilterPanel::readSearch()
{
    m_searchTimer->stop();
    const QString text = m_search->text().trimmed();
    // Any text is safe to search (FullText quotes every word), but text with no word in it finds nothing: say so
    // gently rather than show an empty timeline without a reason.
    const bool searchable = text.isEmpty() || !FullText::matchExpression(text).isEmpty();
    m_searchMessage->setText(searchable
            ? QString()
            : tr("“%1” has no words to search for. Type words, or \"a phrase\" in quotes.").arg(text));
    m_searchMessage->setVisible(!searchable);
    EventFilter next = m_filter;
    next.text = searchable ? text : QString();
    apply(next);
}

void FilterPanel::apply(const EventFilter &filter)
{
    if (m_updating) {
        return;
    }
    const bool changed = !(filter == m_filter);
    m_filter = filter;
    updateChips();
    syncPresets();
    if (changed) {
        emit filterChanged(m_filter);
    }
}

void FilterPanel::showCounts(const FilterResult &result)
{
    m_updating = true;
    for (FacetModel *model : {m_countries, m_actors, m_kinds, m_certainties, m_markTags}) {
        model->setCounts(result.counts(model->dimension()));
    }
    m_markTagSection->setVisible(!result.workingSet().markTagKeys.isEmpty() || !m_filter.markTags.isEmpty());
    m_certaintySection->setVisible(result.workingSet().hasQualifiedDates() || !m_filter.certainties.isEmpty());
    m_updating = false;
}

void FilterPanel::syncPresets()
{
    // The box names the filter's dates: "All dates", a year it lists, or nothing (its placeholder) for other dates.
    int row = -1;
    if (!m_filter.from && !m_filter.before) {
        row = 0;
    } else if (m_filter.from && m_filter.before) {
        for (int i = 1; i < m_presets->count(); ++i) {
            const qint64 year = m_presets->itemData(i).toLongLong();
            if (*m_filter.from == Calendar::toSeconds({year, 1, 1, 0, 0, 0})
                && *m_filter.before == Calendar::toSeconds({year + 1, 1, 1, 0, 0, 0})) {
                row = i;
                break;
            }
        }
    }
    m_presets->setCurrentIndex(row);
}

void FilterPanel::updateYears()
{
    m_presets->clear();
    m_presets->addItem(tr("All dates"));
    if (!m_store) {
        return;
    }
    // The data's own years, when there are few enough to list.
    const QList<Event> first = m_store->events({}, 1, 0);
    const QList<Event> last = m_store->events({}, 1, 0, {EventOrder::Key::Time, true});
    if (first.isEmpty() || last.isEmpty()) {
        return;
    }
    const qint64 a = Calendar::fromSeconds(first.first().time.start()).year;
    const qint64 b = Calendar::fromSeconds(last.first().time.coverEnd() - 1).year;
    if (b - a > 60) {
        return;
    }
    for (qint64 year = b; year >= a; --year) {
        m_presets->addItem(
            EventTime(Calendar::toSeconds({year, 1, 1, 0, 0, 0}), Precision::Year).toDisplayString(), year);
    }
}

void FilterPanel::updateChips()
{
    while (QLayoutItem *item = m_chipLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto chip = [this](const QString &text, const std::function<void(EventFilter &)> &remove) {
        auto *button = new QToolButton(m_chips);
        button->setText(text + QStringLiteral("  ✕"));
        button->setToolTip(tr("Remove this filter"));
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(button, &QToolButton::clicked, this, [this, remove] {
            EventFilter next = m_filter;
            remove(next);
            setFilter(next);
        });
        m_chipLayout->addWidget(button, 0, Qt::AlignLeft);
    };
    const auto names = [](FacetModel *model, const QStringList &keys) {
        QStringList labels;
        for (const QString &key : keys) {
            labels << (key == FacetModel::nothing() ? tr("none") : model->label(key));
        }
        return labels.join(QStringLiteral(", "));
    };
    if (!m_filter.text.isEmpty()) {
        chip(tr("Search: %1").arg(m_filter.text), [](EventFilter &f) { f.text.clear(); });
    }
    if (m_filter.from || m_filter.before) {
        QString range = m_filter.from ? EventTime(*m_filter.from, Precision::Day).toDisplayString() : QString();
        range += QStringLiteral(" – ");
        range += m_filter.before ? EventTime(*m_filter.before - 1, Precision::Day).toDisplayString() : QString();
        chip(tr("Dates: %1").arg(range.trimmed()), [](EventFilter &f) {
            f.from.reset();
            f.before.reset();
        });
    }
    if (!m_filter.countries.isEmpty()) {
        chip(tr("Countries: %1").arg(names(m_countries, m_filter.countries)),
            [](EventFilter &f) { f.countries.clear(); });
    }
    if (!m_filter.actors.isEmpty()) {
        chip(tr("Actors: %1").arg(names(m_actors, m_filter.actors)), [](EventFilter &f) { f.actors.clear(); });
    }
    if (!m_filter.kinds.isEmpty()) {
        chip(tr("Kinds: %1").arg(names(m_kinds, m_filter.kinds)), [](EventFilter &f) { f.kinds.clear(); });
    }
    if (!m_filter.certainties.isEmpty()) {
        chip(tr("Certainty: %1").arg(names(m_certainties, m_filter.certainties)),
            [](EventFilter &f) { f.certainties.clear(); });
    }
    if (m_filter.starred) {
        chip(tr("Starred"), [](EventFilter &f) { f.starred = false; });
    }
    if (m_filter.hasNote) {
        chip(tr("With a note"), [](EventFilter &f) { f.hasNote = false; });
    }
    if (!m_filter.markTags.isEmpty()) {
        chip(tr("Your tags: %1").arg(names(m_markTags, m_filter.markTags)), [](EventFilter &f) { f.markTags.clear(); });
    }
    if (!m_filter.isEmpty()) {
        auto *clear = new QPushButton(tr("Clear all filters"), m_chips);
        connect(clear, &QPushButton::clicked, this, [this] { setFilter({}); });
        m_chipLayout->addWidget(clear, 0, Qt::AlignLeft);
    }
    m_chips->setVisible(!m_filter.isEmpty());
}
