// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real binary, as a user would, with HOME in a temporary folder so that the default timeline is fresh.
#include "clirunner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>


class tst_Cli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void version();
    void help_data();
    void help();
    void listsMayEventsInvolvingRussia();
    void listFormats_data();
    void listFormats();
    void usageErrors_data();
    void usageErrors();
    void brokenImportChangesNothing();
    void importThenReimport();
    void exportWritesFiles();
    void separateTimelineWithDb();
    void exportToADeviceWritesInPlace();
    void importCsvWithReport();
    void importEachFormat_data();
    void skipInvalidLeavesOutRepeats();
    void importEachFormat();
    void exportImageWithoutDisplay_data();
    void exportImageWithoutDisplay();
    void timesOfDayInAZone();
    void qualifiedDates();
    void qualifiedDatesRoundTrip_data();
    void qualifiedDatesRoundTrip();
    void millisecondsStayApartAndInOrder();
    void mapForJsonRecords();

private:
    Run run(const QStringList &arguments) const;

    CliRunner m_cli;
};

Run tst_Cli::run(const QStringList &arguments) const
{
    return m_cli.run(arguments);
}

void tst_Cli::init()
{
    QVERIFY(m_cli.reset());
}

void tst_Cli::version()
{
    const Run r = run({u"--version"_qs});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("annals " ANNALS_VERSION "\n"));
}

void tst_Cli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("main") << QStringList{u"--help"_qs}
                          << QStringList{u"annals list"_qs, u"annals import FILE"_qs, u"annals export"_qs, u"--db"_qs};
    QTest::newRow("list") << QStringList{u"list"_qs, u"--help"_qs}
                          << QStringList{u"Usage: annals list [options]"_qs, u"--country"_qs, u"--actor"_qs,
                                 u"--kind"_qs, u"--from"_qs, u"--to"_qs, u"--search"_qs, u"--format"_qs};
    QTest::newRow("import") << QStringList{u"import"_qs, u"-h"_qs}
                            << QStringList{u"Usage: annals import [options] FILE"_qs, u"one transaction"_qs};
    QTest::newRow("export") << QStringList{u"export"_qs, u"--help"_qs}
                            << QStringList{u"Usage: annals export [options]"_qs, u"--output"_qs};
}

void tst_Cli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 0);
    for (const QString &mention : mentions) {
        QVERIFY2(r.out.contains(mention), qPrintable(mention + u'\n' + r.out));
    }
    QVERIFY(!r.out.contains(QStringLiteral("<executable_name>")));
}

void tst_Cli::listsMayEventsInvolvingRussia()
{
    const Run r = run({u"list"_qs, u"--country"_qs, u"RU"_qs, u"--from"_qs, u"2023-05-01"_qs});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        QStringLiteral(
            "Date         Kind          Countries  Title\n"
            "22 May 2023  consultation  RU CN      Russian–Chinese consultations on public security, justice and law "
            "and order\n"
            "22 May 2023  statement     CN RU      Patrushev: Moscow and Beijing do not interfere in each other's "
            "affairs\n"
            "22 May 2023  announcement  RU CN      Li Hui to visit Russia this week\n"
            "23 May 2023  visit         RU CN      Mishustin arrives in China on an official visit\n"
            "23 May 2023  statement     RU CN      Zhang Haizhou: China–Russia ties play an important role in the SCO\n"
            "5 events\n"));
}

void tst_Cli::listFormats_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedStart");
    QTest::addColumn<int>("lines");
    QTest::newRow("csv") << QStringList{u"list"_qs, u"--format"_qs, u"csv"_qs, u"--kind"_qs, u"statement"_qs}
                         << "id,start,end,precision,qualifiers,written,display,title,kind,countries,actors," << 4;
    QTest::newRow("search") << QStringList{u"list"_qs, u"--search"_qs,
        u"BRICS"_qs} << "Date           Kind       Countries  Title\n29 April 2023  statement  RU         Lavrov:"
                            << 3;
    QTest::newRow("actor, whole name, any case")
        << QStringList{u"list"_qs, u"--actor"_qs, u"xi jinping"_qs} << "Date" << 6;
    QTest::newRow("country by name and to-date")
        << QStringList{u"list"_qs, u"--country"_qs, u"china"_qs, u"--to"_qs, u"2023-03"_qs} << "Date" << 5;
}

void tst_Cli::listFormats()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedStart);
    QFETCH(int, lines);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(expectedStart), qPrintable(r.out));
    QCOMPARE(r.out.count(u'\n'), lines);
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown country") << QStringList{u"list"_qs, u"--country"_qs, u"XX"_qs}
                                     << "annals list: --country: \"XX\" is not a country known to ISO 3166-1\n";
    QTest::newRow("bad date") << QStringList{u"list"_qs, u"--from"_qs, u"2023-13-01"_qs}
                              << "annals list: --from: \"2023-13-01\" has month 13; a month runs from 1 to 12\n";
    QTest::newRow("bad format") << QStringList{u"list"_qs, u"--format"_qs, u"xml"_qs}
                                << "annals list: --format must be one of table,json,csv, not \"xml\"\n";
    QTest::newRow("export without -o") << QStringList{u"export"_qs, u"--format"_qs, u"csv"_qs}
                                       << "annals export: give the file to write with -o OUT (or -o - for standard "
                                          "output)\n";
    QTest::newRow("export to a name that says no format")
        << QStringList{u"export"_qs, u"-o"_qs, u"x.txt"_qs} << "annals export: give --format (json,csv)\n";
    QTest::newRow("import without file") << QStringList{u"import"_qs} << "annals import: name one file to import\n";
    QTest::newRow("report without skipping") << QStringList{u"import"_qs, u"x.csv"_qs, u"--report"_qs,
        u"r.txt"_qs} << "annals import: --report lists the records --skip-invalid skips; give both\n";
    QTest::newRow("unknown command") << QStringList{u"lsit"_qs}
                                     << "\"lsit\" is neither a command nor a timeline file.\n";
    QTest::newRow("unknown option") << QStringList{u"list"_qs, u"--colour"_qs} << "Unknown option 'colour'.\n";
    QTest::newRow("image of an unknown type") << QStringList{u"export-image"_qs, u"-o"_qs,
        u"x.gif"_qs} << "annals export-image: the output's name must end in .png, .svg or .pdf\n";
    QTest::newRow("image too small") << QStringList{u"export-image"_qs, u"-o"_qs, u"x.png"_qs, u"--width"_qs, u"10"_qs}
                                     << "annals export-image: --width must be a whole number from 300 to 20000\n";
    QTest::newRow("bad certainty") << QStringList{u"list"_qs, u"--certainty"_qs, u"exact,vague"_qs}
                                   << "annals list: --certainty: \"vague\" is none of exact, approximate and uncertain\n";
    QTest::newRow("image lanes") << QStringList{u"export-image"_qs, u"-o"_qs, u"x.png"_qs, u"--lanes"_qs, u"colour"_qs}
                                 << "annals export-image: --lanes must be country, actor, kind or none\n";
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
}

void tst_Cli::brokenImportChangesNothing()
{
    const QString before = run({u"list"_qs, u"--format"_qs, u"json"_qs}).out;
    QVERIFY(before.contains(QStringLiteral("seed-2023-03-20")));
    const Run r = run({u"import"_qs, QStringLiteral(ANNALS_TEST_DATA "/broken.json")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err,
        QStringLiteral("annals import: " ANNALS_TEST_DATA "/broken.json:10:22: event 3 (\"Summit with a "
                       "bad date\"), field \"start\": \"2023-06-31\" has day 31, but that month has 30 "
                       "days\nNothing was imported.\n"));
    QCOMPARE(run({u"list"_qs, u"--format"_qs, u"json"_qs}).out, before);
}

void tst_Cli::importThenReimport()
{
    const QString file = QStringLiteral(ANNALS_TEST_DATA "/good.json");
    Run r = run({u"import"_qs, file});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral(": 2 added, 0 updated, 0 unchanged.\n")), qPrintable(r.out));
    r = run({u"import"_qs, u"--format"_qs, u"json"_qs, file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral(": 0 added, 0 updated, 2 unchanged.\n")), qPrintable(r.out));
    r = run({u"list"_qs, u"--country"_qs, u"FR"_qs});
    QCOMPARE(r.out,
        QStringLiteral("Date            Kind   Countries  Title\n"
                       "5–7 April 2023  visit  FR         Macron visits Beijing\n"
                       "1 event\n"));
    QCOMPARE(run({u"list"_qs}).out.count(u'\n'), 13); // header, 9 + 2 events, count
}

void tst_Cli::importEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format"); // as detected, or as given
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("country"); // one country the file's events involve
    QTest::addColumn<int>("inCountry"); // events in that country afterwards, the seed's included
    QTest::addColumn<QString>("note"); // what the first import says on stderr
    QTest::newRow("GDELT 2.0, detected") << QStringLiteral(
        ANNALS_SHARED_DIR "/data/real/gdelt/gdelt2_20191024143000.export.CSV")
                                         << "auto" << 2111 << "RU"
                                         << 9 + 91 + 10 // the seed's, the actors', and 10 only placed in Russia
                                         << "";
    QTest::newRow("GDELT 1.0, named") << QStringLiteral(ANNALS_TEST_DATA "/gdelt/gdelt1-excerpt.export.CSV") << "gdelt"
                                      << 3 << "LB" << 1 << "";
    QTest::newRow("ACLED 2020, detected")
        << QStringLiteral(ANNALS_TEST_DATA "/acled/acled-2020.csv") << "auto" << 6 << "NG" << 1 << "";
    QTest::newRow("ACLED regional, named")
        << QStringLiteral(ANNALS_TEST_DATA "/acled/acled-africa-2015.csv") << "acled" << 5 << "SO" << 2 << "";
    QTest::newRow("ICEWS, detected") << QStringLiteral(ANNALS_TEST_DATA "/icews/icews-events-1995.tab") << "auto" << 6
                                     << "CD" << 1
                                     << "note: 1 event names a country Annals does not know; it is kept without it, "
                                        "the name as written in the place: Freedonia (1).\n";
    QTest::newRow("iCalendar") << QStringLiteral(
        ANNALS_SHARED_DIR "/data/real/ics/lgbthistoryfestival_2015_academic.ics")
                               << "auto" << 20 << "GB" << 0 << ""; // places, no countries
}

void tst_Cli::importEachFormat()
{
    // Each format by the CLI, and again: the ids (GLOBALEVENTID, event_id_cnty, UID) make the second a no-op.
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, count);
    QFETCH(QString, country);
    QFETCH(int, inCountry);
    QFETCH(QString, note);
    for (const QString &expected : {QStringLiteral(": %1 added, 0 updated, 0 unchanged.\n").arg(count),
             QStringLiteral(": 0 added, 0 updated, %1 unchanged.\n").arg(count)}) {
        const Run r = run({u"import"_qs, u"--format"_qs, format, file});
        QCOMPARE(r.err, note);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith(expected), qPrintable(r.out));
    }
    const Run listed = run({u"list"_qs, u"--country"_qs, country});
    QVERIFY2(listed.out.endsWith(
                 inCountry == 1 ? QStringLiteral("1 event\n") : QStringLiteral("%1 events\n").arg(inCountry)),
        qPrintable(listed.out.right(200)));
}

void tst_Cli::skipInvalidLeavesOutRepeats()
{
    // A record that repeats an earlier one's id is skipped and listed with its line, like any invalid record.
    QFile csv(QDir(m_cli.home()).filePath(u"repeats.csv"_qs));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Id,Date,Title\nx,2023-01-01,A\nx,2023-01-02,B\ny,2023-02-30,C\nz,2023-03-01,D\n");
    csv.close();
    Run r = run({u"import"_qs, u"--skip-invalid"_qs, u"repeats.csv"_qs});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err,
        u"skipped: repeats.csv:3: its id \"x\" was already used in this import\n"
        "skipped: repeats.csv:4: field \"Date\": \"2023-02-30\" has day 30, but that month has 28 days\n"_qs);
    QVERIFY2(r.out.endsWith(u": 2 added, 0 updated, 0 unchanged, 2 skipped.\n"_qs), qPrintable(r.out));
    // TimelineJS's deliberately broken example repeats an event word for word: its derived id repeats because the
    // record does, so it is kept once and counted; the one invalid record is skipped, the rest comes in.
    r = run({u"import"_qs, u"--skip-invalid"_qs,
        QStringLiteral(ANNALS_SHARED_DIR "/data/real/timelinejs/error_message_test.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(
                 u": 14 added, 0 updated, 0 unchanged, 2 repeated an earlier record exactly (kept once), 1 skipped.\n"_qs),
        qPrintable(r.out));
    QCOMPARE(r.err.count(u"was already used in this import"_qs), 0);
}

void tst_Cli::exportWritesFiles()
{
    Run r = run({u"export"_qs, u"--format"_qs, u"json"_qs, u"-o"_qs, u"out.json"_qs, u"--country"_qs, u"RU"_qs,
        u"--kind"_qs, u"statement"_qs});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Exported 3 events to out.json.\n"));
    QFile json(QDir(m_cli.home()).filePath(QStringLiteral("out.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(root.value(u"format").toString(), QStringLiteral("annals"));
    QCOMPARE(root.value(u"events").toArray().size(), 3);

    r = run({u"export"_qs, u"--format"_qs, u"csv"_qs, u"--output"_qs, u"out.csv"_qs});
    QCOMPARE(r.exitCode, 0);
    QFile csv(QDir(m_cli.home()).filePath(QStringLiteral("out.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray data = csv.readAll();
    QCOMPARE(data.count("\r\n"), 10);
    QVERIFY(data.contains("\"Vladimir Putin (RU, host); Xi Jinping (CN, guest)\""));

    // An export of what was exported imports into a new timeline as the same events.
    r = run({u"import"_qs, u"--db"_qs, u"copy.annals"_qs, u"out.json"_qs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral(": 3 added, 0 updated, 0 unchanged.\n")), qPrintable(r.out));

    r = run({u"export"_qs, u"--format"_qs, u"csv"_qs, u"-o"_qs, u"/nonexistent/dir/out.csv"_qs});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("annals export: /nonexistent/dir/out.csv: ")), qPrintable(r.err));
}

void tst_Cli::separateTimelineWithDb()
{
    const Run r = run({u"list"_qs, u"--db"_qs, u"empty.annals"_qs});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Date  Kind  Countries  Title\n0 events\n"));
    QVERIFY(QFile::exists(QDir(m_cli.home()).filePath(QStringLiteral("empty.annals"))));
    QVERIFY(!QFile::exists(QDir(m_cli.home()).filePath(QStringLiteral(".local/share/annals/timeline.annals"))));
}

void tst_Cli::importCsvWithReport()
{
    QFile csv(QDir(m_cli.home()).filePath(QStringLiteral("events.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Date;Headline;Country\r\n9-May-20;Talks in Minsk;Belarus\r\n2020-13;Bad month;BY\r\n"
              "2021;Summit;NA\r\n2022;Atlantean talks;Atlantis\r\n");
    csv.close();
    Run r = run({u"import"_qs, u"events.csv"_qs});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("annals import: events.csv:3: field \"Date\": \"2020-13\" has month 13")),
        qPrintable(r.err));
    r = run({u"import"_qs, u"events.csv"_qs, u"--skip-invalid"_qs, u"--missing"_qs, u"NA"_qs, u"--report"_qs,
        u"skipped.txt"_qs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral(": 3 added, 0 updated, 0 unchanged, 1 skipped.\n")), qPrintable(r.out));
    // The report holds what could not be read whole: the skipped record, and the country no table knows.
    const QString note = u"note: 1 event names a country Annals does not know; it is kept without it, the name as "
                         "written in the place: Atlantis (1).\n"_qs;
    QCOMPARE(r.err, note);
    QFile report(QDir(m_cli.home()).filePath(QStringLiteral("skipped.txt")));
    QVERIFY(report.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(report.readAll()),
        QStringLiteral("skipped: events.csv:3: field \"Date\": \"2020-13\" has month 13; a month runs from 1 to 12\n")
            + note);
    r = run({u"list"_qs, u"--country"_qs, u"BY"_qs});
    QVERIFY2(r.out.contains(QStringLiteral("9 May 2020  ")), qPrintable(r.out));

    // TimelineJS's JSON is told from Annals' own by its content.
    r = run({u"import"_qs, u"--db"_qs, u"cosmo.annals"_qs,
        QStringLiteral(ANNALS_SHARED_DIR "/data/real/timelinejs/cosmo.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral(": 7 added, 0 updated, 0 unchanged.\n")), qPrintable(r.out + r.err));
    r = run({u"list"_qs, u"--db"_qs, u"cosmo.annals"_qs, u"--search"_qs, u"bang"_qs});
    QVERIFY2(r.out.contains(QStringLiteral("13,800,000,000 BC")), qPrintable(r.out));
}

void tst_Cli::exportToADeviceWritesInPlace()
{
    // A path that is not a regular file is written, never renamed over: /dev/full must stay a device, and its
    // "disk full" must be reported, not taken for success.
    QVERIFY(QFileInfo(u"/dev/full"_qs).exists());
    const Run r = run({u"export"_qs, u"--format"_qs, u"json"_qs, u"-o"_qs, u"/dev/full"_qs});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("annals export: /dev/full: ")), qPrintable(r.err));
    QVERIFY(!QFileInfo(u"/dev/full"_qs).isFile());
}

void tst_Cli::exportImageWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png at scale 2") << QStringList{u"-o"_qs, u"seed.png"_qs, u"--width"_qs, u"800"_qs, u"--height"_qs,
        u"500"_qs, u"--scale"_qs, u"2"_qs}
                                    << "seed.png" << QByteArray("\x89PNG");
    QTest::newRow("svg by actor") << QStringList{u"-o"_qs, u"seed.svg"_qs, u"--lanes"_qs, u"actor"_qs} << "seed.svg"
                                  << QByteArray("<?xml");
    QTest::newRow("pdf of May, Russia") << QStringList{u"-o"_qs, u"may.pdf"_qs, u"--country"_qs, u"RU"_qs, u"--from"_qs,
        u"2023-05"_qs, u"--to"_qs, u"2023-05"_qs, u"--title"_qs, u"Russia in May 2023"_qs}
                                        << "may.pdf" << QByteArray("%PDF");
}

void tst_Cli::exportImageWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const Run r = run(QStringList{u"export-image"_qs} + arguments);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Exported ")), qPrintable(r.out + r.err));
    QFile image(QDir(m_cli.home()).filePath(file));
    QVERIFY(image.open(QIODevice::ReadOnly));
    const QByteArray data = image.readAll();
    QVERIFY(data.startsWith(magic));
    if (file.endsWith(QLatin1String(".svg"))) {
        // Untitled on the command line: the timeline's own title, not a generic one.
        QVERIFY(data.contains("China, Russia and the SCO, March to May 2023"));
        QVERIFY(!data.contains("Annals timeline"));
    }
    if (file.endsWith(QLatin1String(".png"))) {
        // Width and height sit big-endian at bytes 16 and 20 of a PNG.
        const auto be32 = [&](int at) {
            return (quint32(quint8(data[at])) << 24) | (quint32(quint8(data[at + 1])) << 16)
                | (quint32(quint8(data[at + 2])) << 8) | quint32(quint8(data[at + 3]));
        };
        QCOMPARE(be32(16), quint32(1600));
        QCOMPARE(be32(20), quint32(1000));
    }
}

void tst_Cli::timesOfDayInAZone()
{
    QFile csv(QDir(m_cli.home()).filePath(u"talks.csv"_qs));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("title,date,country\nTalks open in Tokyo,2023-03-21T20:30Z,JP\nA day,2023-03-22,JP\n");
    csv.close();
    QCOMPARE(run({u"--db"_qs, u"z.annals"_qs, u"import"_qs, csv.fileName()}).exitCode, 0);

    const Run utc = run({u"--db"_qs, u"z.annals"_qs, u"list"_qs});
    QVERIFY2(utc.out.contains(u"21 March 2023, 20:30 UTC"_qs), qPrintable(utc.out));
    const Run tokyo = run({u"--db"_qs, u"z.annals"_qs, u"list"_qs, u"--tz"_qs, u"Asia/Tokyo"_qs});
    QCOMPARE(tokyo.exitCode, 0);
    QVERIFY2(tokyo.out.contains(u"22 March 2023, 05:30 JST"_qs), qPrintable(tokyo.out));
    QVERIFY(tokyo.out.contains(u"22 March 2023  "_qs)); // the day stays the day
    // What is stored stays UTC; only the display field is in the zone, in list's formats and in export's.
    for (const QStringList &command : {QStringList{u"list"_qs, u"--format"_qs, u"json"_qs},
             QStringList{u"export"_qs, u"-o"_qs, u"-"_qs, u"--format"_qs, u"csv"_qs}}) {
        const Run written
            = run(QStringList{u"--db"_qs, u"z.annals"_qs} + command + QStringList{u"--tz"_qs, u"Asia/Tokyo"_qs});
        QCOMPARE(written.exitCode, 0);
        QVERIFY2(written.out.contains(u"2023-03-21T20:30Z"_qs), qPrintable(written.out));
        QVERIFY2(written.out.contains(u"22 March 2023, 05:30 JST"_qs), qPrintable(written.out));
        QVERIFY(!written.out.contains(u"20:30 UTC"_qs));
    }
    const Run exported = run(
        {u"--db"_qs, u"z.annals"_qs, u"export"_qs, u"-o"_qs, u"back.json"_qs, u"--tz"_qs, u"America/New_York"_qs});
    QCOMPARE(exported.exitCode, 0);
    // The display field is for people: reading the file back gives the same stored times, nothing added.
    const Run back = run({u"--db"_qs, u"z.annals"_qs, u"import"_qs, QDir(m_cli.home()).filePath(u"back.json"_qs)});
    QVERIFY2(back.out.contains(u"0 added, 0 updated, 2 unchanged"_qs), qPrintable(back.out + back.err));

    const Run wrong = run({u"--db"_qs, u"z.annals"_qs, u"list"_qs, u"--tz"_qs, u"Mars/Olympus"_qs});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains(u"--tz: \"Mars/Olympus\" is not a time zone"_qs), qPrintable(wrong.err));

    // An image says which zone its times of day are in.
    const Run image
        = run({u"--db"_qs, u"z.annals"_qs, u"export-image"_qs, u"-o"_qs, u"z.svg"_qs, u"--tz"_qs, u"Asia/Tokyo"_qs});
    QCOMPARE(image.exitCode, 0);
    QFile svg(QDir(m_cli.home()).filePath(u"z.svg"_qs));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("times of day in Asia/Tokyo"));
}

void tst_Cli::qualifiedDates()
{
    // Dates as historians write them come in as written, and are listed and filtered by how sure they are.
    const QString db = QDir(m_cli.home()).filePath(u"history.annals"_qs);
    Run r = run({u"import"_qs, u"--db"_qs, db, QStringLiteral(ANNALS_TEST_DATA "/dates/historians.csv")});
    QCOMPARE(r.err, QString());
    QVERIFY2(r.out.endsWith(u": 8 added, 0 updated, 0 unchanged.\n"_qs), qPrintable(r.out));
    r = run({u"list"_qs, u"--db"_qs, db});
    QStringList dates;
    for (const QString &line : r.out.split(u'\n').mid(1, 8)) {
        dates << line.section(u"  "_qs, 0, 0).trimmed();
    }
    QCOMPARE(dates,
        QStringList({u"Between 47 and 50"_qs, u"c. 383"_qs, u"December 1192"_qs, u"circa 1200"_qs, u"c. 1200 – 1250"_qs,
            u"30 May 1381"_qs, u"between 25 jun 1381 and 26 jun 1381"_qs, u"January 2020"_qs}));
    const auto count = [&](const QString &certainty) {
        const Run listed = run({u"list"_qs, u"--db"_qs, db, u"--certainty"_qs, certainty, u"--format"_qs, u"csv"_qs});
        return int(listed.out.count(u'\n')) - 1;
    };
    QCOMPARE(count(u"approximate"_qs), 3);
    QCOMPARE(count(u"uncertain"_qs), 2); // somewhere within a span
    QCOMPARE(count(u"exact"_qs), 3);
    QCOMPARE(count(u"exact,approximate"_qs), 6);
    // The JSON says so in its own fields, for programs: flags, and the date as written.
    r = run({u"list"_qs, u"--db"_qs, db, u"--certainty"_qs, u"uncertain"_qs, u"--format"_qs, u"json"_qs});
    const QJsonObject first = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"events").toArray().first().toObject();
    QCOMPARE(first.value(u"start").toString(), u"0047"_qs);
    QCOMPARE(first.value(u"end").toString(), u"0050"_qs);
    QCOMPARE(first.value(u"within").toBool(), true);
    QCOMPARE(first.value(u"written").toString(), u"Between 47 and 50"_qs);
}

void tst_Cli::qualifiedDatesRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    for (const char *format : {"json", "csv"}) {
        QTest::addRow("historians' CSV through %s", format)
            << QStringLiteral(ANNALS_TEST_DATA "/dates/historians.csv") << QString::fromLatin1(format);
        QTest::addRow("EDTF through %s", format)
            << QStringLiteral(ANNALS_TEST_DATA "/dates/edtf.json") << QString::fromLatin1(format);
    }
}

void tst_Cli::qualifiedDatesRoundTrip()
{
    // Exported and imported again into another timeline, every qualified date comes back exactly.
    QFETCH(QString, file);
    QFETCH(QString, format);
    const QString one = QDir(m_cli.home()).filePath(u"one.annals"_qs);
    const QString two = QDir(m_cli.home()).filePath(u"two.annals"_qs);
    const QString exported = QDir(m_cli.home()).filePath(u"exported."_qs + format);
    QCOMPARE(run({u"import"_qs, u"--db"_qs, one, file}).exitCode, 0);
    QCOMPARE(run({u"export"_qs, u"--db"_qs, one, u"--format"_qs, format, u"-o"_qs, exported}).exitCode, 0);
    const Run imported = run({u"import"_qs, u"--db"_qs, two, exported});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const Run a = run({u"list"_qs, u"--db"_qs, one, u"--format"_qs, u"json"_qs});
    const Run b = run({u"list"_qs, u"--db"_qs, two, u"--format"_qs, u"json"_qs});
    QVERIFY(a.out.contains(u"\"written\""_qs));
    QCOMPARE(b.out, a.out);
}

void tst_Cli::millisecondsStayApartAndInOrder()
{
    // TimelineJS's millisecond part: laps a few milliseconds apart with one title are distinct events, in order; the
    // one lap written twice word for word is one event.
    const Run r = run({u"import"_qs, QStringLiteral(ANNALS_TEST_DATA "/dates/milliseconds.json")});
    QCOMPARE(r.err, QString());
    QVERIFY2(r.out.endsWith(u": 4 added, 0 updated, 0 unchanged, 1 repeated an earlier record exactly (kept once).\n"_qs),
        qPrintable(r.out));
    const Run listed = run({u"list"_qs, u"--search"_qs, u"lap"_qs, u"--format"_qs, u"json"_qs});
    QStringList starts;
    for (const QJsonValue &event : QJsonDocument::fromJson(listed.out.toUtf8()).object().value(u"events").toArray()) {
        starts << event.toObject().value(u"start").toString();
    }
    QCOMPARE(starts,
        QStringList({u"2023-05-22T14:30:15.004Z"_qs, u"2023-05-22T14:30:15.007Z"_qs, u"2023-05-22T14:30:15.250Z"_qs,
            u"2023-05-22T14:30:16Z"_qs}));
}

void tst_Cli::mapForJsonRecords()
{
    // --map names a JSON record's keys as it names a CSV file's columns.
    const QString file = QStringLiteral(ANNALS_TEST_DATA "/dates/wikidata-battles.json");
    Run r = run({u"import"_qs, u"--map"_qs, u"title=label,url=article,start=date"_qs, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.endsWith(u": 3 added, 0 updated, 0 unchanged.\n"_qs), qPrintable(r.out));
    r = run({u"list"_qs, u"--search"_qs, u"Hastings"_qs, u"--format"_qs, u"json"_qs});
    const QJsonObject hastings = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"events").toArray().first().toObject();
    QCOMPARE(hastings.value(u"start").toString(), u"1066-10-14"_qs); // midnight, as Wikidata writes a day
    QCOMPARE(hastings.value(u"sources").toArray().first().toObject().value(u"url").toString(),
        u"https://en.wikipedia.org/wiki/Battle_of_Hastings"_qs);
    r = run({u"import"_qs, u"--map"_qs, u"title=name"_qs, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"--map: there is no column \"name\"; the columns are "_qs), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
