// SPDX-License-Identifier: GPL-3.0-or-later
// What the window's tests share: a window on a timeline that has settled, a facet's counts, files to drop, and
// answers to the modal dialogs a user would answer.
#pragma once

#include "importdialog.h"
#include "io/seed.h"
#include "mainwindow.h"
#include "models/facetmodel.h"
#include "storage/eventstore.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace WindowTest {

// Settings in a folder of the test's own, under the test's name, so that no run sees another's.
inline void useSettingsIn(const QString &folder, const QString &application)
{
    QCoreApplication::setOrganizationName(QStringLiteral("annals-tests"));
    QCoreApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

// Waits until the window shows the result of everything asked of it: a timeline in a file is read and filtered on a
// worker, and the views fill in when its result comes.
inline bool settle(MainWindow *window)
{
    QElapsedTimer timer;
    timer.start();
    while (window->isBusy() && timer.elapsed() < 20000) {
        QTest::qWait(5);
    }
    return !window->isBusy();
}

// A window on the timeline at `path` (the seed, when it is empty), shown and settled.
inline std::unique_ptr<MainWindow> makeWindow(const QString &path)
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

// A file of these bytes: its path, or an empty string when it cannot be written.
inline QString writeData(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? path : QString();
}
inline int facetRow(const FacetModel *model, const QString &key)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(FacetModel::KeyRole).toString() == key) {
            return row;
        }
    }
    return -1;
}

inline int facetCount(const FacetModel *model, const QString &key)
{
    const int row = facetRow(model, key);
    return row < 0 ? -1 : model->index(row).data(FacetModel::CountRole).toInt();
}

// Waits for the import preview that a drop or File > Import… opens, and answers it as a user would: `answer`
// looks at the dialog and returns whether to import.
inline void answerImportPreview(const std::function<bool(ImportDialog *)> &answer)
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
inline void answerModals(QList<std::function<void(QWidget *)>> steps)
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

inline bool importEnabled(const ImportDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

} // namespace WindowTest
