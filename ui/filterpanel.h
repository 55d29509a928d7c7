// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/eventfilter.h"

#include <QWidget>

class EventStore;
class FacetModel;
class FilterResult;
QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class QVBoxLayout;
QT_END_NAMESPACE

// The filters on the left: full text, active filters as removable chips, the analyst's marks (starred, with a note,
// and their own tags), dates, countries, actors, kinds and (where some dates are approximate or uncertain) the
// certainty of the date, each choice with its count under the other filters. It edits one EventFilter, the same value
// the CLI builds.
class FilterPanel final : public QWidget {
    Q_OBJECT

public:
    explicit FilterPanel(QWidget *parent = nullptr);
    ~FilterPanel() override;
    Q_DISABLE_COPY_MOVE(FilterPanel)

    // Not owned. Refreshes the data's years.
    void setStore(const EventStore *store);
    void refresh();
    // The choices and their counts under the other filters, from the filter's result.
    void showCounts(const FilterResult &result);

    EventFilter filter() const { return m_filter; }
    // Shows `filter` (from the settings, or the overview's brush) and announces it.
    void setFilter(const EventFilter &filter);
    void setDates(std::optional<qint64> from, std::optional<qint64> before);
    void focusSearch();

    FacetModel *countries() const { return m_countries; }
    FacetModel *actors() const { return m_actors; }
    FacetModel *kinds() const { return m_kinds; }
    FacetModel *certainties() const { return m_certainties; }
    FacetModel *markTags() const { return m_markTags; }
    QCheckBox *starredBox() const { return m_starred; }
    QCheckBox *notedBox() const { return m_noted; }
    // The section of the certainty filter: hidden while every date of the timeline is exact.
    QWidget *certaintySection() const { return m_certaintySection; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *datePresets() const { return m_presets; }
    // What the panel says about the search ("nothing to search for"), or empty.
    QString searchMessage() const;

signals:
    void filterChanged(const EventFilter &filter);

private:
    QWidget *facetSection(const QString &title, FacetModel *model, bool searchable);
    void readFacets();
    void readDates();
    void readSearch();
    void apply(const EventFilter &filter);
    void updateChips();
    void updateYears();
    void syncPresets();

    const EventStore *m_store = nullptr; // not owned
    EventFilter m_filter;
    FacetModel *m_countries = nullptr;
    FacetModel *m_actors = nullptr;
    FacetModel *m_kinds = nullptr;
    FacetModel *m_certainties = nullptr;
    FacetModel *m_markTags = nullptr;
    QWidget *m_certaintySection = nullptr;
    QWidget *m_markTagSection = nullptr;
    QCheckBox *m_starred = nullptr;
    QCheckBox *m_noted = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_searchMessage = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLabel *m_dateMessage = nullptr;
    QComboBox *m_presets = nullptr; // whole years of the data, or all dates
    QWidget *m_chips = nullptr;
    QVBoxLayout *m_chipLayout = nullptr;
    bool m_updating = false;
};
