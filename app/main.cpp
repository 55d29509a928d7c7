// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandline.h"
#include "cli/commands.h"
#include "io/seed.h"
#include "storage/eventstore.h"

#include "mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    const CommandLineOptions options = parseCommandLine(arguments);

    if (options.command != CommandLineOptions::Command::Window) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("annals"));
        QCoreApplication::setApplicationVersion(QStringLiteral(ANNALS_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Commands::run(options, out, err);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("annals"));
    QApplication::setApplicationDisplayName(QStringLiteral("Annals"));
    QApplication::setApplicationVersion(QStringLiteral(ANNALS_VERSION));
    QString error;
    std::unique_ptr<EventStore> store = Seed::openTimeline(options.timeline, &error);
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("Annals"), error);
        return 1;
    }
    MainWindow window(std::move(store));
    window.show();
    return app.exec();
}
