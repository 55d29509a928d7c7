// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunner.h"

#include "storage/eventstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
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

} // namespace ImportRunner
