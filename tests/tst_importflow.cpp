// SPDX-License-Identifier: GPL-3.0-or-later
// The window's way in, as a user takes it: a dropped or opened file's preview (its format, its guessed columns, its
// problems), an import beside the window that can be cancelled, and a failed import that keeps the dialog.
#include "filterpanel.h"
#include "io/importer.h"
#include "models/eventlistmodel.h"
#include "timeline/timelineindex.h"
#include "windowtest.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace WindowTest;

class tst_ImportFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dropImportsAnyFormat();
    void importPreviewWritesNothingUntilConfirmed();
    void aFailedImportKeepsTheDialogAndItsColumns();
    void importRunsBesideTheWindow();
    void cancellingAnImportWritesNothing();

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_data;
    std::unique_ptr<MainWindow> m_window;
};

void tst_ImportFlow::initTestCase()
{
    useSettingsIn(m_settings.path(), u"tst_importflow"_qs);
}

void tst_ImportFlow::init()
{
    QSettings().clear();
    m_window = makeWindow(QStringLiteral(":memory:"));
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_ImportFlow::cleanup()
{
    m_window.reset();
}

void tst_ImportFlow::dropImportsAnyFormat()
{
    // A dropped file that is not a timeline is imported, in whatever format it is, after its preview.
    const QString csv
        = writeData(m_data.filePath(u"dropped.csv"_qs), "Date,Headline,Country\n2023-06-01,Dropped event,FR\n");
    QVERIFY(!csv.isEmpty());
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
    const QString kml = writeData(m_data.filePath(u"places.kml"_qs),
        "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>\n");
    QVERIFY(!kml.isEmpty());
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

void tst_ImportFlow::aFailedImportKeepsTheDialogAndItsColumns()
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

void tst_ImportFlow::importPreviewWritesNothingUntilConfirmed()
{
    // Columns whose names say nothing, and a record with no title.
    const QString csv
        = writeData(m_data.filePath(u"unnamed.csv"_qs),
            "Day,Word,Nation\n2023-06-01,First,FR\n2023-06-02,,DE\n2023-06-03,Third,IT\n");
    QVERIFY(!csv.isEmpty());
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

void tst_ImportFlow::importRunsBesideTheWindow()
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

void tst_ImportFlow::cancellingAnImportWritesNothing()
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

QTEST_MAIN(tst_ImportFlow)
#include "tst_importflow.moc"
