// SPDX-License-Identifier: GPL-3.0-or-later
// What happens to a timeline's file when the world misbehaves: a full disk, a file made read-only or removed
// while open, another program writing, a damaged page, a kill -9 in the middle of an import, and inputs past
// every sane size. Each ends in a message that names the file and says what happened in plain words, and in a
// file exactly as it was.
#include "io/importer.h"
#include "storage/eventstore.h"
#include "storage/storefault.h"
#include "tablechecksum.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

namespace {

// A CSV of `rows` events, `bytes` of summary each.
QString writeCsv(const QString &path, int rows, int bytes = 40, int first = 0)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write("date,title,summary,country\n");
    const QByteArray summary(bytes, 'x');
    for (int i = first; i < first + rows; ++i) {
        file.write(QStringLiteral("2023-%1-%2,Event %3,")
                       .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                       .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                       .arg(i)
                       .toUtf8()
            + summary + QByteArray::number(i) + ",FR\n");
    }
    return path;
}

std::optional<Importer::Summary> import(const QString &path, EventStore &store, ImportError *error)
{
    return Importer::importFile(path, {}, store, error);
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run annals(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ANNALS_BINARY), arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class tst_Faults : public QObject {
    Q_OBJECT

private slots:
    void init();
    void aFullDiskLeavesTheFileAsItWas();
    void aFileMadeReadOnlyWhileOpen();
    void aReadOnlyFileOpensForReading();
    void aFileRemovedWhileOpen();
    void anotherWriterHoldsTheLock();
    void checkFindsADamagedPage();
    void killDuringAnImportLeavesTheFileAsItWas();
    void aWholeFileFormatPastItsLimit();
    void aSeriesWithoutEndIsCutAndSaysSo();

private:
    // A timeline of `events` events at m_path, closed again.
    void makeTimeline(int events);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_Faults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("faults.annals"));
}

void tst_Faults::makeTimeline(int events)
{
    EventStore store(m_path);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    ImportError error;
    QVERIFY2(import(writeCsv(m_dir->filePath(QStringLiteral("first.csv")), events), store, &error),
        qPrintable(error.toString()));
}

void tst_Faults::aFullDiskLeavesTheFileAsItWas()
{
    makeTimeline(50);
    const QByteArray before = tableChecksum(m_path);
    {
        EventStore store(m_path);
        QVERIFY(store.open());
        // SQLite's own ceiling stands in for the disk: a few pages more than the file has, then "full".
        sqlite3 *db = store.connectionHandle();
        sqlite3_stmt *pages = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &pages, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(pages), SQLITE_ROW);
        const qint64 count = sqlite3_column_int64(pages, 0);
        sqlite3_finalize(pages);
        const QByteArray limit = "PRAGMA max_page_count = " + QByteArray::number(count + 4);
        QCOMPARE(sqlite3_exec(db, limit.constData(), nullptr, nullptr, nullptr), SQLITE_OK);

        ImportError error;
        QVERIFY(!import(writeCsv(m_dir->filePath(QStringLiteral("more.csv")), 5000, 400, 50), store, &error));
        const QString message = error.toString();
        QVERIFY2(message.contains(m_path), qPrintable(message));
        QVERIFY2(message.contains(u"the disk is full"), qPrintable(message));
        QVERIFY2(message.contains(u"nothing was written"), qPrintable(message));
        QCOMPARE(store.count(), 50);
    }
    QCOMPARE(tableChecksum(m_path), before);
}

void tst_Faults::aFileMadeReadOnlyWhileOpen()
{
    makeTimeline(20);
    const QByteArray before = tableChecksum(m_path);
    {
        EventStore store(m_path);
        QVERIFY(store.open());
        // Read-only for everyone: root could still write, and Annals must not.
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        ImportError error;
        QVERIFY(!import(writeCsv(m_dir->filePath(QStringLiteral("more.csv")), 10, 40, 20), store, &error));
        const QString message = error.toString();
        QVERIFY2(message.contains(m_path), qPrintable(message));
        QVERIFY2(message.contains(u"the file is read-only"), qPrintable(message));
        QVERIFY2(!message.contains(u"readonly database"), qPrintable(message));
        QCOMPARE(store.count(), 20);
    }
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(tableChecksum(m_path), before);
}

void tst_Faults::aReadOnlyFileOpensForReading()
{
    makeTimeline(20);
    const QByteArray before = tableChecksum(m_path);
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    {
        EventStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.errorString()));
        QCOMPARE(store.count(), 20);
        QVERIFY(!store.write({}));
        QVERIFY2(store.errorString().contains(u"read-only"), qPrintable(store.errorString()));
    }
    // And on the command line: list works, import says why it cannot.
    const Run list = annals(
        {QStringLiteral("list"), QStringLiteral("--db"), m_path, QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count(u'\n'), 21);
    const Run imported = annals({QStringLiteral("import"), writeCsv(m_dir->filePath(QStringLiteral("more.csv")), 3),
        QStringLiteral("--db"), m_path});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains(u"the file is read-only"), qPrintable(imported.err));
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(tableChecksum(m_path), before);
}

void tst_Faults::aFileRemovedWhileOpen()
{
    makeTimeline(20);
    EventStore store(m_path);
    QVERIFY(store.open());
    QVERIFY(QFile::rename(m_path, m_path + QStringLiteral(".moved")));
    ImportError error;
    QVERIFY(!import(writeCsv(m_dir->filePath(QStringLiteral("more.csv")), 10, 40, 20), store, &error));
    QVERIFY2(error.toString().contains(u"moved or deleted"), qPrintable(error.toString()));
    QVERIFY(QFile::rename(m_path + QStringLiteral(".moved"), m_path));

    QVERIFY(QFile::remove(m_path));
    QVERIFY(!import(m_dir->filePath(QStringLiteral("more.csv")), store, &error));
    QVERIFY2(error.toString().contains(u"moved or deleted"), qPrintable(error.toString()));
}

void tst_Faults::anotherWriterHoldsTheLock()
{
    makeTimeline(20);
    sqlite3 *other = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(m_path).constData(), &other), SQLITE_OK);
    QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    EventStore store(m_path);
    QVERIFY(store.open());
    sqlite3_busy_timeout(store.connectionHandle(), 200); // the real wait is StoreFault::kBusyTimeoutMs
    const QString more = writeCsv(m_dir->filePath(QStringLiteral("more.csv")), 10, 40, 20);
    ImportError error;
    QVERIFY(!import(more, store, &error));
    QVERIFY2(error.toString().contains(u"another program is writing to this timeline"), qPrintable(error.toString()));
    QCOMPARE(store.count(), 20);
    // Once it has finished, the same import goes through.
    QCOMPARE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);
    QVERIFY2(import(more, store, &error), qPrintable(error.toString()));
    QCOMPARE(store.count(), 30);
}

void tst_Faults::checkFindsADamagedPage()
{
    makeTimeline(3000);
    const Run sound = annals({QStringLiteral("check"), QStringLiteral("--db"), m_path});
    QCOMPARE(sound.exitCode, 0);
    QVERIFY2(sound.out.contains(u"sound"), qPrintable(sound.out));

    // Scribble over a page in the middle of the file, as a failing disk would.
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 pageSize = 4096;
    QVERIFY(file.size() > 20 * pageSize);
    file.seek((file.size() / pageSize / 2) * pageSize);
    file.write(QByteArray(int(pageSize), '\x5a'));
    file.close();

    for (const bool full : {false, true}) {
        QStringList arguments{QStringLiteral("check"), QStringLiteral("--db"), m_path};
        if (full) {
            arguments << QStringLiteral("--full");
        }
        const Run damaged = annals(arguments);
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.err.contains(m_path + QStringLiteral(": damaged")), qPrintable(damaged.err));
    }
    QString error;
    QVERIFY(!StoreFault::checkFile(m_path, false, &error).isEmpty());
    QVERIFY(error.isEmpty());
    // Reading it ends in an answer or a message, never a crash.
    const Run list = annals(
        {QStringLiteral("list"), QStringLiteral("--db"), m_path, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(list.exitCode == 0 || list.exitCode == 1, qPrintable(list.err));
    if (list.exitCode == 1) {
        QVERIFY2(list.err.contains(u"damaged"), qPrintable(list.err));
    }
}

void tst_Faults::killDuringAnImportLeavesTheFileAsItWas()
{
    makeTimeline(100);
    const QByteArray before = tableChecksum(m_path);
    const QString big = writeCsv(m_dir->filePath(QStringLiteral("big.csv")), 200'000, 200, 100);
    QProcess process;
    process.start(QStringLiteral(ANNALS_BINARY), {QStringLiteral("import"), big, QStringLiteral("--db"), m_path});
    QVERIFY(process.waitForStarted());
    // Kill it once it is writing: when its write-ahead log has grown past a megabyte.
    const QString wal = m_path + QStringLiteral("-wal");
    QDeadlineTimer deadline(30'000);
    while (QFileInfo(wal).size() < 1024 * 1024 && process.state() == QProcess::Running && !deadline.hasExpired()) {
        QThread::msleep(5);
    }
    QCOMPARE(process.state(), QProcess::Running); // still importing: the test kills it half-way
    process.kill(); // SIGKILL
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);

    QCOMPARE(tableChecksum(m_path), before);
    QString error;
    QCOMPARE(StoreFault::checkFile(m_path, true, &error), QStringList());
    QVERIFY(error.isEmpty());
}

void tst_Faults::aWholeFileFormatPastItsLimit()
{
    // A sparse file: the size is what matters, and Annals refuses it before reading a byte.
    const QString path = m_dir->filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[");
    QVERIFY(file.resize(ImportError::kMaxWholeFileBytes + 1));
    file.close();
    for (const QString &format : {QStringLiteral("json"), QStringLiteral("timelinejs"), QStringLiteral("ics")}) {
        Importer::Options options;
        options.format = format;
        ImportError error;
        QVERIFY(!Importer::readFile(path, options, &error));
        QVERIFY2(error.toString().startsWith(path
                     + QStringLiteral(": this file is 512 MB; Annals reads JSON and "
                                      "iCalendar files of up to 512 MB whole")),
            qPrintable(error.toString()));
    }
}

void tst_Faults::aSeriesWithoutEndIsCutAndSaysSo()
{
    const QString path = m_dir->filePath(QStringLiteral("forever.ics"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
               "BEGIN:VEVENT\r\nUID:every-second@test\r\nDTSTAMP:20230101T000000Z\r\nDTSTART:20230101T000000Z\r\n"
               "SUMMARY:Every second\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    file.close();
    Importer::Options options;
    ImportError error;
    const auto read = Importer::readFile(path, options, &error);
    QVERIFY2(read, qPrintable(error.toString()));
    // Bounded, every occurrence its own event (no two share an id), and the cut is reported.
    QCOMPARE(read->events.size(), 500);
    QSet<QString> ids;
    for (const Event &event : read->events) {
        ids.insert(event.id);
    }
    QCOMPARE(ids.size(), 500);
    QCOMPARE(read->skipped.size(), 1);
    QVERIFY2(read->skipped.first().toString().contains(u"goes on past 500 occurrences"),
        qPrintable(read->skipped.first().toString()));
    EventStore store(m_path);
    QVERIFY(store.open());
    QVERIFY2(store.write(read->events), qPrintable(store.errorString()));
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
