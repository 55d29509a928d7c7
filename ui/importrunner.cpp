// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunner.h"

#include "storage/eventstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace ImportRunner {

Outcome run(const QString &path, const Importer::Options &options, EventStore &store, QWidget *parent)
{
    // Progress and cancel cross between the threads by atomics.
    struct Job {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> cancel{false};
        std::optional<Importer::Summary> summary;
        ImportError error;
    };
    auto job = std::make_shared<Job>();
    const auto progress = [job](qint64 done, qint64 total) {
        job->done = done;
        job->total = total;
        return !job->cancel;
    };
    const QString storePath = store.path();
    QProgressDialog dialog(parent);
    auto *label = new QLabel(&dialog);
    label->setTextFormat(Qt::PlainText); // a file name may hold anything, markup included
    label->setText(QCoreApplication::translate("ImportRunner", "Importing %1…").arg(QFileInfo(path).fileName()));
    dialog.setLabel(label);
    dialog.setCancelButtonText(QCoreApplication::translate("ImportRunner", "Cancel"));
    dialog.setRange(0, 1000);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(0); // shown at once, so that nothing else reaches the window meanwhile
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [job] { job->cancel = true; });
    if (storePath == QLatin1String(":memory:")) {
        // An in-memory timeline has only this connection: import here, painting between batches.
        job->summary = Importer::importFile(path, options, store, &job->error, [&](qint64 done, qint64 total) {
            dialog.setValue(total > 0 ? int(done * 1000 / total) : 0);
            QCoreApplication::processEvents();
            return progress(done, total);
        });
    } else {
        QThread *worker = QThread::create([job, path, options, storePath, progress] {
            EventStore own(storePath);
            if (!own.open()) {
                job->error = ImportError{QString(), 0, 0, QString(), own.errorString()};
                return;
            }
            job->summary = Importer::importFile(path, options, own, &job->error, progress);
        });
        QEventLoop loop;
        QTimer ticks;
        QObject::connect(&ticks, &QTimer::timeout, &dialog, [&] {
            const qint64 total = job->total;
            dialog.setValue(total > 0 ? int(job->done * 1000 / total) : 0);
        });
        QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
        ticks.start(100);
        worker->start();
        loop.exec();
        worker->wait();
        delete worker;
    }
    dialog.reset();
    return {job->summary, job->error, job->cancel};
}

QString report(const QString &path, const Importer::Summary &summary, QWidget *parent)
{
    const WriteSummary &written = summary.written;
    QString message = QCoreApplication::translate("ImportRunner", "Imported %1: %2 added, %3 updated, %4 unchanged.")
                          .arg(QFileInfo(path).fileName())
                          .arg(written.added)
                          .arg(written.updated)
                          .arg(written.unchanged);
    if (written.repeated > 0) {
        message += u' '
            + QCoreApplication::translate("ImportRunner",
                "%n record(s) repeated an earlier one exactly and were kept once.", nullptr, written.repeated);
    }
    if (const QString note = Importer::unknownCountriesNote(summary.unknownCountries); !note.isEmpty()) {
        message += u' ' + note;
    }
    if (!summary.skipped.isEmpty()) {
        QStringList lines;
        for (const ImportError &skipped : summary.skipped) {
            lines << skipped.toString(ImportError::Audience::Window);
        }
        message += u' '
            + QCoreApplication::translate("ImportRunner", "%n invalid record(s) skipped.", nullptr, int(lines.size()));
        // Not blocking: the timeline is already there to look at; the list is for reading alongside it.
        auto *box = new QMessageBox(QMessageBox::Information, QCoreApplication::translate("ImportRunner", "Import"),
            message, QMessageBox::Ok, parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        box->setDetailedText(lines.join(u'\n'));
        box->setObjectName(QStringLiteral("skippedRecords"));
        box->open();
    }
    return message;
}

} // namespace ImportRunner
