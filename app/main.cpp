// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandline.h"
#include "cli/commands.h"
#include "io/seed.h"
#include "storage/eventstore.h"

#include "exportimagecommand.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    const CommandLineOptions options = parseCommandLine(arguments);

    if (options.command == CommandLineOptions::Command::ExportImage) {
        // Drawing needs a GUI application, not a screen: with no display, draw offscreen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            // What Qt would choose anyway, without its warning on every run.
            const QString runtime
                = QDir::tempPath() + QStringLiteral("/runtime-") + qEnvironmentVariable("USER", u"annals"_qs);
            if (QDir().mkpath(runtime)) {
                QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
            }
        }
        QGuiApplication app(argc, argv);
        QGuiApplication::setApplicationName(QStringLiteral("annals"));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return ExportImageCommand::run(options, out, err);
    }

    if (options.command != CommandLineOptions::Command::Window) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("annals"));
        QCoreApplication::setApplicationVersion(QStringLiteral(ANNALS_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Commands::run(options, out, err);
    }

#ifdef Q_OS_LINUX
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("annals: the window needs a display, and there is none. The commands (annals --help) work "
                   "without one.\n",
            stderr);
        return 1;
    }
#endif
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("annals"));
    QApplication::setApplicationDisplayName(QStringLiteral("Annals"));
    QApplication::setApplicationVersion(QStringLiteral(ANNALS_VERSION));
    // A file of events given instead of a timeline (an "Open with Annals" of a .csv, .ics or .json) opens the
    // default timeline and its import preview, rather than failing as a damaged timeline.
    QString importLater;
    if (QFileInfo info(options.timeline);
        info.isFile() && info.suffix().compare(u"annals"_qs, Qt::CaseInsensitive) != 0) {
        QFile file(options.timeline);
        if (file.open(QIODevice::ReadOnly) && !file.read(16).startsWith("SQLite format 3")) {
            importLater = options.timeline;
        }
    }
    QString error;
    std::unique_ptr<EventStore> store
        = Seed::openTimeline(importLater.isEmpty() ? options.timeline : QString(), &error);
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("Annals"), error);
        return 1;
    }
    MainWindow window(std::move(store));
    window.show();
    if (!importLater.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, importLater] { window.openOrImport(importLater); });
    }
    return app.exec();
}
