// SPDX-License-Identifier: GPL-3.0-or-later
// The browser window as a user drives it: one filter and one selection, in step across the timeline, the table,
// the overview chart, the counts and the detail pane.
#include "eventdetailview.h"
#include "filterpanel.h"
#include "importdialog.h"
#include "io/importer.h"
#include "io/seed.h"
#include "mainwindow.h"
#include "models/eventlistmodel.h"
#include "models/facetmodel.h"
#include "overview/overviewchart.h"
#include "storage/eventstore.h"
#include "timeline/timelineindex.h"
#include "timeline/timelineview.h"
#include "timeline/timelinezoom.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <functional>
#include <memory>

namespace {

const QString kLavrov = QStringLiteral("seed-2023-04-29-lavrov-global-south");
const QString kTalks = QStringLiteral("seed-2023-03-21-putin-xi-talks");

int facetRow(const FacetModel *model, const QString &key)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(FacetModel::KeyRole).toString() == key) {
            return row;
        }
    }
    return -1;
}

int facetCount(const FacetModel *model, const QString &key)
{
    const int row = facetRow(model, key);
    return row < 0 ? -1 : model->index(row).data(FacetModel::CountRole).toInt();
}

// Waits for the import preview that a drop or File > Import… opens, and answers it as a user would: `answer`
// looks at the dialog and returns whether to import.
void answerImportPreview(const std::function<bool(ImportDialog *)> &answer)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            return;
        }
        poll->deleteLater();
        poll->stop();
        if (answer(dialog)) {
            dialog->accept();
        } else {
            dialog->reject();
        }
    });
    poll->start(10);
}

// Answers the modal windows that come up one after another, each by the next step, until the steps run out.
void answerModals(QList<std::function<void(QWidget *)>> steps)
{
    auto *poll = new QTimer;
    auto remaining = std::make_shared<QList<std::function<void(QWidget *)>>>(std::move(steps));
    auto last = std::make_shared<QPointer<QWidget>>();
    QObject::connect(poll, &QTimer::timeout, poll, [poll, remaining, last] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == last->data()) {
            return; // none yet, or the one just answered, still closing
        }
        *last = modal;
        const auto step = remaining->takeFirst();
        if (remaining->isEmpty()) {
            poll->stop();
            poll->deleteLater();
        }
        step(modal);
    });
    poll->start(10);
}

bool importEnabled(const ImportDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

} // namespace

class tst_Browser : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void uncheckingRussiaRemovesItsEventsEverywhere();
    void searchNarrowsEverything();
    void certaintyOfTheDateFilters();
    void malformedSearchIsGentle();
    void tableSelectionFillsDetailAndTimeline();
    void timelineSelectionSelectsInTable();
    void relatedEventsAndHighlights();
    void keysStepAndClear();
    void answersTheUsersQuestions();
    void filterIsRestoredAfterRestart();
    void dropImportsAnyFormat();
    void importPreviewWritesNothingUntilConfirmed();
    void aFailedImportKeepsTheDialogAndItsColumns();
    void importRunsBesideTheWindow();
    void cancellingAnImportWritesNothing();

private:
    std::unique_ptr<MainWindow> makeWindow(const QString &path) const;
    // Waits until the window shows the result of everything asked of it.
    static bool settle(MainWindow *window);
    void saveScreenshot(const QString &name) const;

    QTemporaryDir m_settings;
    QTemporaryDir m_data;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Browser::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("annals-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_browser"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

std::unique_ptr<MainWindow> tst_Browser::makeWindow(const QString &path) const
{
    auto store = std::make_unique<EventStore>(path);
    if (!store->open() || (store->count() == 0 && !store->write(Seed::events()))) {
        qFatal("%s", qUtf8Printable(store->errorString()));
    }
    auto window = std::make_unique<MainWindow>(std::move(store));
    window->show();
    settle(window.get());
    return window;
}

bool tst_Browser::settle(MainWindow *window)
{
    // A timeline in a file is read and filtered on a worker: the views fill in when its result comes.
    QElapsedTimer timer;
    timer.start();
    while (window->isBusy() && timer.elapsed() < 20000) {
        QTest::qWait(5);
    }
    return !window->isBusy();
}

void tst_Browser::init()
{
    QSettings().clear();
    m_window = makeWindow(QStringLiteral(":memory:"));
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_Browser::cleanup()
{
    m_window.reset();
}

void tst_Browser::uncheckingRussiaRemovesItsEventsEverywhere()
{
    FilterPanel *filters = m_window->filterPanel();
    QCOMPARE(m_window->statusText().left(13), QStringLiteral("9 of 9 events"));
    QCOMPARE(facetCount(filters->kinds(), u"statement"_qs), 3);

    FacetModel *countries = filters->countries();
    QVERIFY(countries->setData(countries->index(facetRow(countries, u"RU"_qs)), Qt::Unchecked, Qt::CheckStateRole));

    // Russia's own event (Lavrov's statement) leaves every view; the shared ones stay, as they are China's too.
    QCOMPARE(m_window->filter().countries, QStringList{u"CN"_qs});
    QCOMPARE(m_window->eventModel()->rowCount(), 8);
    QCOMPARE(m_window->eventModel()->rowOf(kLavrov), -1);
    QVERIFY(!m_window->timelineIndex()->itemById(kLavrov));
    QCOMPARE(m_window->timelineIndex()->size(), size_t(8));
    QCOMPARE(m_window->overview()->total(), quint64(8 + 8)); // eight events, in both lanes
    QCOMPARE(m_window->timelineIndex()->lanes()[0].items.size(), size_t(8));
    // Counts under the other filters: kinds now count only China's events; countries ignore their own choice.
    QCOMPARE(facetCount(filters->kinds(), u"statement"_qs), 2);
    QCOMPARE(facetCount(countries, u"RU"_qs), 9);
    QCOMPARE(m_window->statusText().left(13), QStringLiteral("8 of 9 events"));
}

void tst_Browser::searchNarrowsEverything()
{
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setText(u"BRICS"_qs);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_window->filter().text, QStringLiteral("BRICS"));
    QCOMPARE(m_window->eventModel()->rowCount(), 1);
    QCOMPARE(m_window->timelineIndex()->size(), size_t(1));
    QCOMPARE(m_window->overview()->total(), quint64(1));
    QCOMPARE(facetCount(m_window->filterPanel()->countries(), u"RU"_qs), 1);
    QCOMPARE(facetCount(m_window->filterPanel()->countries(), u"CN"_qs), -1);
}

void tst_Browser::certaintyOfTheDateFilters()
{
    // The seed's dates are all known: the section stays out of the way.
    FilterPanel *filters = m_window->filterPanel();
    QVERIFY(filters->certaintySection()->isHidden());
    // A timeline of historians' dates shows it, with counts, and its choices filter every view.
    const QString path = m_data.filePath(u"history.annals"_qs);
    {
        EventStore store(path);
        QVERIFY(store.open());
        QVERIFY(Importer::importFile(QStringLiteral(ANNALS_TEST_DATA "/dates/historians.csv"), {}, store, nullptr));
    }
    m_window = makeWindow(path);
    filters = m_window->filterPanel();
    QVERIFY(!filters->certaintySection()->isHidden());
    FacetModel *certainty = filters->certainties();
    QCOMPARE(facetCount(certainty, u"exact"_qs), 3);
    QCOMPARE(facetCount(certainty, u"approximate"_qs), 3);
    QCOMPARE(facetCount(certainty, u"uncertain"_qs), 2);
    certainty->checkOnly(u"approximate"_qs);
    QVERIFY(settle(m_window.get()));
    QCOMPARE(m_window->filter().certainties, QStringList{u"approximate"_qs});
    QCOMPARE(m_window->eventModel()->rowCount(), 3);
    QCOMPARE(m_window->timelineIndex()->size(), size_t(3));
    QCOMPARE(m_window->statusText().left(13), QStringLiteral("3 of 8 events"));
    // The table shows the date as written, and the detail pane says what it means.
    QCOMPARE(m_window->eventModel()->index(0, EventListModel::DateColumn).data().toString(), u"c. 383"_qs);
    m_window->tableView()->setCurrentIndex(m_window->eventModel()->index(0, EventListModel::TitleColumn));
    const QString detail = m_window->detailView()->toPlainText();
    QVERIFY2(detail.contains(u"c. 383"_qs) && detail.contains(u"Date: approximate, drawn at 383"_qs), qPrintable(detail));
}

void tst_Browser::malformedSearchIsGentle()
{
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setText(u"\"(("_qs);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY2(m_window->filterPanel()->searchMessage().contains(QStringLiteral("no words to search for")),
        qPrintable(m_window->filterPanel()->searchMessage()));
    QCOMPARE(m_window->eventModel()->rowCount(), 9); // nothing searchable: no constraint, and a word why
}

void tst_Browser::tableSelectionFillsDetailAndTimeline()
{
    QTableView *table = m_window->tableView();
    const int row = m_window->eventModel()->rowOf(kLavrov);
    table->setCurrentIndex(m_window->eventModel()->index(row, EventListModel::TitleColumn));
    QVERIFY(m_window->detailView()->toPlainText().startsWith(QStringLiteral("Lavrov: more Global South")));
    QCOMPARE(m_window->timelineView()->selectedId(), kLavrov);
    QCOMPARE(m_window->selectedId(), kLavrov);

    // A double-click centres the timeline on the event, at the same zoom.
    m_window->timelineZoom()->setVisibleRange(
        {TimePoint::parse(u"2023-03-01")->seconds, TimePoint::parse(u"2023-03-11")->seconds});
    const qint64 span = m_window->timelineZoom()->visibleRange().span();
    emit table->doubleClicked(table->currentIndex());
    const TimeScale::Range after = m_window->timelineZoom()->visibleRange();
    QCOMPARE(after.span(), span);
    QVERIFY(std::abs(after.start + span / 2 - TimePoint::parse(u"2023-04-29T12:00Z")->seconds) < 60);
}

void tst_Browser::timelineSelectionSelectsInTable()
{
    emit m_window->timelineView()->eventSelected(kTalks);
    const QModelIndex current = m_window->tableView()->currentIndex();
    QCOMPARE(current.data(EventListModel::EventIdRole).toString(), kTalks);
    QVERIFY(m_window->detailView()->toPlainText().startsWith(QStringLiteral("Putin and Xi hold talks")));
}

void tst_Browser::relatedEventsAndHighlights()
{
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setText(u"Moscow"_qs);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(m_window->selectEvent(kTalks));
    const QString text = m_window->detailView()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("RELATED EVENTS")));
    QVERIFY(text.contains(QStringLiteral("Putin and Xi sign two joint statements, 21 March 2023")));
    // The search's word is marked wherever it appears.
    int marked = 0;
    const QTextDocument *document = m_window->detailView()->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().hasProperty(QTextFormat::BackgroundBrush)
                && it.fragment().text().compare(QLatin1String("Moscow"), Qt::CaseInsensitive) == 0) {
                ++marked;
            }
        }
    }
    QVERIFY(marked >= 2); // the title and the summary at least
    // A related event is a link that selects it.
    QSignalSpy requested(m_window->detailView(), &EventDetailView::eventRequested);
    emit m_window->detailView()->anchorClicked(QUrl(u"annals-event:seed-2023-03-21-joint-statements"_qs));
    QCOMPARE(m_window->selectedId(), QStringLiteral("seed-2023-03-21-joint-statements"));
}

void tst_Browser::keysStepAndClear()
{
    QVERIFY(m_window->selectEvent(kLavrov));
    m_window->timelineView()->setFocus();
    QTest::keyClick(m_window->timelineView(), Qt::Key_Down);
    QCOMPARE(m_window->selectedId(), QStringLiteral("seed-2023-05-22-security-consultations"));
    QTest::keyClick(m_window->timelineView(), Qt::Key_Up);
    QTest::keyClick(m_window->timelineView(), Qt::Key_Up);
    QCOMPARE(m_window->selectedId(), QStringLiteral("seed-2023-03-21-joint-statements"));
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QCOMPARE(m_window->selectedId(), QString());
    QCOMPARE(m_window->timelineView()->selectedId(), QString());
    QVERIFY(m_window->detailView()->toPlainText().contains(QStringLiteral("Select an event")));
}

void tst_Browser::answersTheUsersQuestions()
{
    // "What did Russia's officials do in May 2023?"
    FacetModel *countries = m_window->filterPanel()->countries();
    countries->checkOnly(u"RU"_qs);
    m_window->filterPanel()->setDates(TimePoint::parse(u"2023-05")->seconds, TimePoint::parse(u"2023-06")->seconds);
    QCOMPARE(m_window->eventModel()->rowCount(), 5);
    m_window->timelineZoom()->fit();
    saveScreenshot(u"question-russia-may.png"_qs);
    // "Everything Xi Jinping took part in."
    m_window->setFilter({});
    m_window->filterPanel()->actors()->checkOnly(u"Xi Jinping"_qs);
    QCOMPARE(m_window->eventModel()->rowCount(), 4);
    m_window->setLaneMode(LaneMode::Actor);
    m_window->timelineZoom()->fit();
    saveScreenshot(u"question-xi.png"_qs);
    m_window->setLaneMode(LaneMode::Country);
    // "Which events mention BRICS?"
    m_window->setFilter({});
    m_window->filterPanel()->searchField()->setText(u"brics"_qs);
    QTest::keyClick(m_window->filterPanel()->searchField(), Qt::Key_Return);
    QCOMPARE(m_window->eventModel()->rowCount(), 1);
    QCOMPARE(m_window->eventModel()->index(0, EventListModel::TitleColumn).data().toString(),
        QStringLiteral("Lavrov: more Global South countries seek ties with the SCO and BRICS"));
    QVERIFY(m_window->selectEvent(kLavrov));
    saveScreenshot(u"question-brics.png"_qs);
}

void tst_Browser::saveScreenshot(const QString &name) const
{
    // Kept beside the test for a person to look at (the README shows them).
    m_window->resize(1360, 820);
    QCoreApplication::processEvents(); // widgets added to visible layouts show on the next turn of the loop
    QVERIFY(m_window->grab().toImage().save(name));
}

void tst_Browser::filterIsRestoredAfterRestart()
{
    m_window.reset();
    const QString path = m_data.filePath(QStringLiteral("restart.annals"));
    EventFilter filter;
    filter.kinds = {u"statement"_qs};
    filter.text = u"SCO"_qs;
    TimeScale::Range range;
    {
        auto window = makeWindow(path);
        window->setFilter(filter);
        window->setLaneMode(LaneMode::Kind);
        QVERIFY(settle(window.get()));
        window->timelineZoom()->setVisibleRange(
            {TimePoint::parse(u"2023-05-01")->seconds, TimePoint::parse(u"2023-05-31")->seconds});
        range = window->timelineZoom()->visibleRange();
        QCOMPARE(window->eventModel()->rowCount(), 2);
        window->close();
    }
    auto again = makeWindow(path);
    QCOMPARE(again->filter(), filter);
    QCOMPARE(again->eventModel()->rowCount(), 2);
    QCOMPARE(again->filterPanel()->searchField()->text(), QStringLiteral("SCO"));
    QCOMPARE(again->timelineIndex()->mode(), LaneMode::Kind);
    QCOMPARE(again->timelineZoom()->visibleRange(), range);
}

void tst_Browser::dropImportsAnyFormat()
{
    // A dropped file that is not a timeline is imported, in whatever format it is, after its preview.
    const QString csv = m_data.filePath(QStringLiteral("dropped.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Date,Headline,Country\n2023-06-01,Dropped event,FR\n");
    file.close();
    QString format;
    answerImportPreview([&](ImportDialog *dialog) {
        format = dialog->preview()->format;
        return dialog->previewTable()->rowCount() == 1 && importEnabled(dialog);
    });
    m_window->openOrImport(csv);
    QCOMPARE(format, u"csv"_qs);
    QCOMPARE(m_window->eventModel()->rowCount(), 10);
    QCOMPARE(m_window->timelineIndex()->size(), size_t(10));
    QVERIFY(m_window->filterPanel()->countries()->rowCount() == 3);
    answerImportPreview([&](ImportDialog *dialog) {
        format = dialog->preview()->format;
        return true;
    });
    m_window->openOrImport(QStringLiteral(ANNALS_SHARED_DIR "/data/real/ics/lgbthistoryfestival_2015_academic.ics"));
    QCOMPARE(format, u"ics"_qs);
    QCOMPARE(m_window->eventModel()->rowCount(), 30);
    // GDELT: no columns to map; the first records of a long file, with the rest read on import.
    int shown = 0;
    answerImportPreview([&](ImportDialog *dialog) {
        format = dialog->preview()->format;
        shown = dialog->previewTable()->rowCount();
        QCoreApplication::processEvents();
        dialog->grab().save(u"import-preview-gdelt.png"_qs); // kept for a person to look at
        return false;
    });
    m_window->openOrImport(QStringLiteral(ANNALS_SHARED_DIR "/data/real/gdelt/gdelt2_20191024143000.export.CSV"));
    QCOMPARE(format, u"gdelt"_qs);
    QCOMPARE(shown, ImportDialog::kPreviewRecords);
    QCOMPARE(m_window->eventModel()->rowCount(), 30);
    // XML that is not Timeline's (a KML map) is named as such, not read as JSON or CSV, and cannot be imported.
    const QString kml = m_data.filePath(QStringLiteral("places.kml"));
    QFile map(kml);
    QVERIFY(map.open(QIODevice::WriteOnly));
    map.write("<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>\n");
    map.close();
    QString problems;
    bool enabled = true;
    answerImportPreview([&](ImportDialog *dialog) {
        format = dialog->preview() ? dialog->preview()->format : dialog->options().format;
        problems = dialog->problemsText();
        enabled = importEnabled(dialog);
        return false;
    });
    m_window->openOrImport(kml);
    QCOMPARE(format, u"xml"_qs);
    QVERIFY2(problems.contains(u"<kml>"_qs), qPrintable(problems));
    QVERIFY(!enabled);
    QCOMPARE(m_window->eventModel()->rowCount(), 30);
    // A Wikidata query's result: records whose columns the preview guesses from their keys and cells (the label is
    // the title, a link the source, the dates days), ready to import.
    QStringList guessed;
    answerImportPreview([&](ImportDialog *dialog) {
        format = dialog->preview()->format;
        const Importer::Preview &preview = *dialog->preview();
        for (const QString &field : {u"title"_qs, u"start"_qs, u"url"_qs}) {
            guessed << field + u'=' + preview.headers.value(preview.columns.value(field, -1));
        }
        enabled = importEnabled(dialog);
        shown = dialog->previewTable()->rowCount();
        return false;
    });
    m_window->openOrImport(QStringLiteral(ANNALS_TEST_DATA "/dates/wikidata-battles.json"));
    QCOMPARE(format, u"json-records"_qs);
    QCOMPARE(guessed, QStringList({u"title=label"_qs, u"start=date"_qs, u"url=article"_qs}));
    QCOMPARE(shown, 3);
    QVERIFY(enabled);
}

void tst_Browser::aFailedImportKeepsTheDialogAndItsColumns()
{
    // 150 good records, which the preview's first 100 show, then a bad date that only the import reaches.
    const QString csv = m_data.filePath(QStringLiteral("late-error.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("When,What\n");
    for (int i = 1; i <= 150; ++i) {
        file.write(
            QStringLiteral("2023-07-%1,Meeting number %2\n").arg(1 + i % 28, 2, 10, QLatin1Char('0')).arg(i).toUtf8());
    }
    file.write("2023-02-30,A day that does not exist\n");
    file.close();
    QStringList seen;
    answerModals({
        [&](QWidget *modal) {
            auto *dialog = qobject_cast<ImportDialog *>(modal);
            QVERIFY(dialog);
            // Guessed from the cells: a column of dates and one of words.
            seen << QStringLiteral("guessed %1").arg(dialog->preview()->columns.value(u"title"_qs));
            dialog->setColumn(u"summary"_qs, u"What"_qs); // the user's own mapping, to find again
            dialog->accept();
        },
        [&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            seen << (box->text().contains(u"late-error.csv:152: field \"When\": \"2023-02-30\" has day 30"_qs)
                    ? u"refused at line 152"_qs
                    : box->text());
            box->accept();
        },
        [&](QWidget *modal) {
            auto *dialog = qobject_cast<ImportDialog *>(modal);
            QVERIFY(dialog); // back, as the user left it
            seen << QStringLiteral("again, summary from %1").arg(dialog->options().map.value(u"summary"_qs));
            dialog->reject();
        },
    });
    m_window->openOrImport(csv);
    QCOMPARE(seen, QStringList({u"guessed 1"_qs, u"refused at line 152"_qs, u"again, summary from What"_qs}));
    QCOMPARE(m_window->eventModel()->rowCount(), 9); // nothing was written
}

void tst_Browser::importPreviewWritesNothingUntilConfirmed()
{
    // Columns whose names say nothing, and a record with no title.
    const QString csv = m_data.filePath(QStringLiteral("unnamed.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Day,Word,Nation\n2023-06-01,First,FR\n2023-06-02,,DE\n2023-06-03,Third,IT\n");
    file.close();
    QStringList seen;
    const auto mapAndLook = [&](ImportDialog *dialog) {
        seen << QStringLiteral("unmapped: %1, %2")
                    .arg(importEnabled(dialog) ? u"enabled"_qs : u"disabled"_qs,
                        dialog->problemsText().contains(
                            u"no column gives the title; choose its column under \"Columns\" "
                            "in the Import dialog"_qs)
                                && !dialog->problemsText().contains(u"--map"_qs) // the window's words, not the CLI's
                            ? u"says why"_qs
                            : dialog->problemsText());
        dialog->setColumn(u"title"_qs, u"Word"_qs);
        dialog->setColumn(u"start"_qs, u"Day"_qs);
        dialog->setColumn(u"countries"_qs, u"Nation"_qs);
        seen << QStringLiteral("mapped: %1 rows, %2, %3")
                    .arg(dialog->previewTable()->rowCount())
                    .arg(importEnabled(dialog) ? u"enabled"_qs : u"disabled"_qs,
                        dialog->problemsText().contains(u"unnamed.csv:3: field \"Word\": an event needs a title"_qs)
                            ? u"line 3 named"_qs
                            : dialog->problemsText());
        dialog->findChild<QCheckBox *>()->setChecked(true); // skip invalid records
        seen << QStringLiteral("skipping: %1").arg(importEnabled(dialog) ? u"enabled"_qs : u"disabled"_qs);
    };
    answerImportPreview([&](ImportDialog *dialog) {
        mapAndLook(dialog);
        return false; // cancel: nothing is written
    });
    m_window->openOrImport(csv);
    QCOMPARE(seen,
        QStringList({u"unmapped: disabled, says why"_qs, u"mapped: 2 rows, disabled, line 3 named"_qs,
            u"skipping: enabled"_qs}));
    QCOMPARE(m_window->eventModel()->rowCount(), 9);

    answerImportPreview([&](ImportDialog *dialog) {
        mapAndLook(dialog);
        QCoreApplication::processEvents();
        dialog->grab().save(u"import-preview.png"_qs); // kept for a person to look at
        return true;
    });
    m_window->openOrImport(csv);
    QCOMPARE(m_window->eventModel()->rowCount(), 11);
    QVERIFY(m_window->selectEvent(m_window->eventModel()->eventAt(0)->id)); // the window works on
    auto *skipped = m_window->findChild<QMessageBox *>(QStringLiteral("skippedRecords"));
    QVERIFY(skipped);
    QVERIFY2(skipped->detailedText().contains(u"unnamed.csv:3: field \"Word\": an event needs a title"_qs),
        qPrintable(skipped->detailedText()));
    skipped->close();
}

void tst_Browser::importRunsBesideTheWindow()
{
    // A timeline in a file imports on a worker thread through its own connection; the window then shows it all.
    const QString path = m_data.filePath(QStringLiteral("threaded.annals"));
    QFile::remove(path);
    auto window = makeWindow(path);
    QVERIFY(window->importPath(
        QStringLiteral(ANNALS_SHARED_DIR "/data/real/gdelt/gdelt2_20191024143000.export.CSV"), Importer::Options()));
    QVERIFY(settle(window.get()));
    QCOMPARE(window->eventModel()->rowCount(), 9 + 2111);
    QVERIFY2(window->statusText().startsWith(QStringLiteral("%1 of %1 events").arg(QLocale().toString(2120))),
        qPrintable(window->statusText()));
    // Again: the same ids, nothing new.
    QVERIFY(window->importPath(
        QStringLiteral(ANNALS_SHARED_DIR "/data/real/gdelt/gdelt2_20191024143000.export.CSV"), Importer::Options()));
    QVERIFY(settle(window.get()));
    QCOMPARE(window->eventModel()->rowCount(), 9 + 2111);
}

void tst_Browser::cancellingAnImportWritesNothing()
{
    const QString path = m_data.filePath(QStringLiteral("cancelled.annals"));
    QFile::remove(path);
    auto window = makeWindow(path);
    const QString csv = m_data.filePath(QStringLiteral("long.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Date,Title\n");
        for (int i = 0; i < 60000; ++i) {
            file.write("2023-06-01,Event " + QByteArray::number(i) + '\n');
        }
    }
    // The user presses Cancel as soon as the progress dialog shows.
    bool pressed = false;
    auto *poll = new QTimer(window.get());
    connect(poll, &QTimer::timeout, poll, [&] {
        if (auto *progress = window->findChild<QProgressDialog *>(); progress && progress->isVisible() && !pressed) {
            pressed = true;
            QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
        }
    });
    poll->start(1);
    QVERIFY(!window->importPath(csv, Importer::Options()));
    poll->stop();
    QVERIFY(pressed);
    QCOMPARE(window->eventModel()->rowCount(), 9);
    QVERIFY2(window->statusBar()->currentMessage().startsWith(u"Import cancelled"_qs),
        qPrintable(window->statusBar()->currentMessage()));
    window.reset();
    EventStore store(path);
    QVERIFY(store.open());
    QCOMPARE(store.count(), 9); // nothing of it reached the file
}

QTEST_MAIN(tst_Browser)
#include "tst_browser.moc"
