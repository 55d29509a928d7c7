// SPDX-License-Identifier: GPL-3.0-or-later
// annals-import-bench: writes a CSV of N generated events, imports it into a fresh timeline (full-text index
// included) through the same path as `annals import`, and prints events per second and memory. A program that
// measures, not a test that asserts times.
//
//   annals-import-bench [--rows 1000000]
#include "io/importer.h"
#include "procstatus.h"
#include "storage/eventstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures CSV import into a fresh timeline."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(
        QStringLiteral("rows"), QStringLiteral("How many events."), QStringLiteral("N"), QStringLiteral("1000000"));
    parser.addOption(rowsOption);
    parser.process(app);
    const int rows = std::max(1, parser.value(rowsOption).toInt());

    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("events.csv"));
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly)) {
            return 1;
        }
        const char *countries[] = {"FR", "DE", "IT", "ES", "PL", "SE", "NO", "GR"};
        const char *kinds[] = {"statement", "visit", "talks", "agreement"};
        QRandomGenerator random(12345);
        file.write("id,date,title,country,kind,summary\n");
        QByteArray line;
        for (int i = 0; i < rows; ++i) {
            const qint64 day = random.bounded(3650);
            const QDate date = QDate(2015, 1, 1).addDays(day);
            line = "e" + QByteArray::number(i) + ',' + date.toString(Qt::ISODate).toLatin1() + ",Event "
                + QByteArray::number(i) + ',' + countries[random.bounded(8)] + ',' + kinds[random.bounded(4)]
                + ",Generated event number " + QByteArray::number(i) + " for the import benchmark\n";
            file.write(line);
        }
    }
    const double fileMb = double(QFile(csv).size()) / 1024 / 1024;

    EventStore store(dir.filePath(QStringLiteral("bench.annals")));
    if (!store.open()) {
        out << store.errorString() << '\n';
        return 1;
    }
    const double before = statusMegabytes("VmRSS:");
    QElapsedTimer timer;
    timer.start();
    ImportError error;
    const std::optional<Importer::Summary> summary = Importer::importFile(csv, {}, store, &error);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary) {
        out << error.toString() << '\n';
        return 1;
    }
    out << "annals-import-bench on " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount()
        << " cores, Qt " << qVersion() << "\n";
    out << QStringLiteral("  %1 rows, %2 MB of CSV, imported in %3 s: %4 events/s\n")
               .arg(QLocale().toString(rows))
               .arg(fileMb, 0, 'f', 1)
               .arg(seconds, 0, 'f', 2)
               .arg(QLocale().toString(qint64(double(summary->written.added) / seconds)));
    out << QStringLiteral("  resident memory: %1 MB before, %2 MB peak\n")
               .arg(before, 0, 'f', 0)
               .arg(statusMegabytes("VmHWM:"), 0, 'f', 0);
    out << QStringLiteral("  added %1\n").arg(summary->written.added);
    return 0;
}
