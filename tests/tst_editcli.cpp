// SPDX-License-Identifier: GPL-3.0-or-later
// The commands that change a timeline as a person would: add, edit, delete, star, note, tag, link and saved views,
// run through the real binary. Each works on a timeline of its own (--db), which starts with two imported events.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class tst_EditCli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void addPrintsTheNewId();
    void editChangesOnlyWhatIsGiven();
    void deleteRemovesAndKeepsMarks();
    void marksFilterAndSearch();
    void listJsonIncludesMarks();
    void viewsSaveListApplyDelete();
    void reimportKeepsMarks();
    void refusals_data();
    void refusals();

private:
    Run db(QStringList arguments) const;
    QJsonArray listJson(const QStringList &filters = {}) const;
    QStringList listIds(const QStringList &filters = {}) const;
    QString writeSource(const QString &title) const;

    CliRunner m_cli;
};

Run tst_EditCli::db(QStringList arguments) const
{
    arguments << QStringLiteral("--db") << QDir(m_cli.home()).filePath(QStringLiteral("t.annals"));
    return m_cli.run(arguments);
}

QJsonArray tst_EditCli::listJson(const QStringList &filters) const
{
    const Run r = db(QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")} + filters);
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"events").toArray() : QJsonArray();
}

QStringList tst_EditCli::listIds(const QStringList &filters) const
{
    QStringList ids;
    for (const QJsonValue &event : listJson(filters)) {
        ids << event.toObject().value(u"id").toString();
    }
    return ids;
}

// A source file of two events, the first with the given title.
QString tst_EditCli::writeSource(const QString &title) const
{
    const QString path = QDir(m_cli.home()).filePath(QStringLiteral("source.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return {};
    }
    file.write(QStringLiteral(R"({"events": [
        {"id": "a", "title": "%1", "start": "2023-04-05", "countries": ["FR"], "tags": ["source-tag"]},
        {"id": "b", "title": "Scholz visits Beijing", "start": "2022-11-04", "countries": ["DE"]}]})")
                   .arg(title)
                   .toUtf8());
    return path;
}

void tst_EditCli::init()
{
    QVERIFY(m_cli.reset());
    const Run r = db({QStringLiteral("import"), writeSource(QStringLiteral("Macron visits Beijing"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void tst_EditCli::addPrintsTheNewId()
{
    const Run r = db({u"add"_qs, u"--title"_qs, u"Talks in Geneva"_qs, u"--start"_qs, u"2023-05-02 10:30"_qs,
        u"--end"_qs, u"2023-05-03"_qs, u"--kind"_qs, u"talks"_qs, u"--country"_qs, u"Switzerland"_qs,
        u"--country"_qs, u"RU"_qs, u"--actor"_qs, u"Sergey Lavrov"_qs, u"--summary"_qs, u"A first round."_qs});
    QCOMPARE(r.exitCode, 0);
    const QString id = r.out.trimmed();
    QVERIFY2(id.startsWith(u"user-"), qPrintable(r.out));
    QVERIFY(!id.contains(u' '));
    const QJsonArray events = listJson({u"--search"_qs, u"geneva"_qs});
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first().toObject();
    QCOMPARE(event.value(u"id").toString(), id);
    QCOMPARE(event.value(u"kind").toString(), u"talks"_qs);
    QCOMPARE(event.value(u"countries").toArray(), QJsonArray({u"CH"_qs, u"RU"_qs}));
    QCOMPARE(event.value(u"actors").toArray().first().toObject().value(u"name").toString(), u"Sergey Lavrov"_qs);
    QCOMPARE(event.value(u"summary").toString(), u"A first round."_qs);
    QCOMPARE(event.value(u"start").toString(), u"2023-05-02"_qs); // joined with a day: at the coarser precision
    QCOMPARE(event.value(u"end").toString(), u"2023-05-03"_qs);
}

void tst_EditCli::editChangesOnlyWhatIsGiven()
{
    const Run r = db({u"edit"_qs, u"a"_qs, u"--title"_qs, u"Macron in Beijing"_qs, u"--end"_qs, u"2023-04-07"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(u"Macron in Beijing"));
    const QJsonObject event = listJson({u"--search"_qs, u"macron"_qs}).first().toObject();
    QCOMPARE(event.value(u"title").toString(), u"Macron in Beijing"_qs);
    QCOMPARE(event.value(u"start").toString(), u"2023-04-05"_qs); // kept
    QCOMPARE(event.value(u"end").toString(), u"2023-04-07"_qs);
    QCOMPARE(event.value(u"countries").toArray(), QJsonArray({u"FR"_qs})); // kept
    QCOMPARE(event.value(u"tags").toArray(), QJsonArray({u"source-tag"_qs}));
}

void tst_EditCli::deleteRemovesAndKeepsMarks()
{
    QCOMPARE(db({u"star"_qs, u"a"_qs}).exitCode, 0);
    const Run r = db({u"delete"_qs, u"a"_qs});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"Deleted 1 event.\n"_qs);
    QCOMPARE(listIds(), QStringList{u"b"_qs});
    QCOMPARE(listIds({u"--starred"_qs}), QStringList());
    // The same event imported again finds its star: marks are kept by id.
    QCOMPARE(db({u"import"_qs, writeSource(u"Macron visits Beijing"_qs)}).exitCode, 0);
    QCOMPARE(listIds({u"--starred"_qs}), QStringList{u"a"_qs});
}

void tst_EditCli::marksFilterAndSearch()
{
    QCOMPARE(db({u"star"_qs, u"a"_qs, u"b"_qs}).exitCode, 0);
    QCOMPARE(db({u"unstar"_qs, u"b"_qs}).exitCode, 0);
    QCOMPARE(listIds({u"--starred"_qs}), QStringList{u"a"_qs});
    QCOMPARE(db({u"note"_qs, u"b"_qs, u"Compare with the chancellery's readout"_qs}).exitCode, 0);
    QCOMPARE(listIds({u"--has-note"_qs}), QStringList{u"b"_qs});
    // Notes are searched with the rest.
    QCOMPARE(listIds({u"--search"_qs, u"chancellery"_qs}), QStringList{u"b"_qs});
    const Run tag = db({u"tag"_qs, u"a"_qs, u"Watch"_qs, u"follow-up"_qs});
    QCOMPARE(tag.exitCode, 0);
    QCOMPARE(tag.out, u"a is tagged Watch, follow-up.\n"_qs);
    QCOMPARE(listIds({u"--tagged"_qs, u"watch"_qs}), QStringList{u"a"_qs}); // any case
    QCOMPARE(listIds({u"--search"_qs, u"follow"_qs}), QStringList{u"a"_qs}); // the analyst's tags are searched too
    QCOMPARE(db({u"untag"_qs, u"a"_qs, u"WATCH"_qs}).exitCode, 0);
    QCOMPARE(listIds({u"--tagged"_qs, u"watch"_qs}), QStringList());
    QCOMPARE(listIds({u"--tagged"_qs, u"follow-up"_qs}), QStringList{u"a"_qs});
    // The filters combine with the others, and with each other.
    QCOMPARE(listIds({u"--starred"_qs, u"--has-note"_qs}), QStringList());
    QCOMPARE(listIds({u"--starred"_qs, u"--country"_qs, u"FR"_qs}), QStringList{u"a"_qs});
}

void tst_EditCli::listJsonIncludesMarks()
{
    QCOMPARE(db({u"star"_qs, u"a"_qs}).exitCode, 0);
    QCOMPARE(db({u"tag"_qs, u"a"_qs, u"watch"_qs}).exitCode, 0);
    QCOMPARE(db({u"note"_qs, u"a"_qs, u"First note"_qs}).exitCode, 0);
    const Run link = db({u"link"_qs, u"b"_qs, u"a"_qs, u"--label"_qs, u"follows"_qs});
    QCOMPARE(link.exitCode, 0);
    QCOMPARE(link.out, u"Linked b to a (follows).\n"_qs);
    const QJsonArray events = listJson();
    QCOMPARE(events.size(), 2);
    const QJsonObject a = events[1].toObject().value(u"marks").toObject(); // in time order: b (2022), then a
    QCOMPARE(a.value(u"starred").toBool(), true);
    QCOMPARE(a.value(u"tags").toArray(), QJsonArray({u"watch"_qs}));
    QCOMPARE(a.value(u"notes").toArray().size(), 1);
    QCOMPARE(a.value(u"notes").toArray().first().toObject().value(u"text").toString(), u"First note"_qs);
    QVERIFY(a.value(u"notes").toArray().first().toObject().value(u"written").toString().endsWith(u'Z'));
    const QJsonObject linked{{u"from"_qs, u"b"_qs}, {u"to"_qs, u"a"_qs}, {u"label"_qs, u"follows"_qs}};
    QCOMPARE(a.value(u"links").toArray(), QJsonArray({linked}));
    const QJsonObject b = events[0].toObject().value(u"marks").toObject();
    QCOMPARE(b.value(u"links").toArray(), QJsonArray({linked}));
    QVERIFY(!b.contains(u"starred"));
    // The source's fields are as they were: marks sit beside them.
    QCOMPARE(events[1].toObject().value(u"tags").toArray(), QJsonArray({u"source-tag"_qs}));
}

void tst_EditCli::viewsSaveListApplyDelete()
{
    QCOMPARE(db({u"star"_qs, u"a"_qs}).exitCode, 0);
    const Run save = db({u"view"_qs, u"save"_qs, u"French starred"_qs, u"--starred"_qs, u"--country"_qs, u"FR"_qs,
        u"--lanes"_qs, u"actor"_qs});
    QVERIFY2(save.exitCode == 0, qPrintable(save.err));
    QCOMPARE(save.out, u"Saved the view \"French starred\".\n"_qs);
    const Run list = db({u"view"_qs, u"list"_qs});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out,
        u"French starred  [lanes: actor]  Countries: France; Starred\n1 view\n"_qs);
    QCOMPARE(listIds({u"--view"_qs, u"french starred"_qs}), QStringList{u"a"_qs}); // by name, any case
    // A filter given with the view replaces that part of it.
    QCOMPARE(listIds({u"--view"_qs, u"French starred"_qs, u"--country"_qs, u"DE"_qs}), QStringList());
    const Run image = db({u"export-image"_qs, u"--view"_qs, u"French starred"_qs, u"-o"_qs,
        QDir(m_cli.home()).filePath(u"view.png"_qs)});
    QVERIFY2(image.exitCode == 0, qPrintable(image.err));
    QVERIFY(image.out.startsWith(u"Exported 1 event"));
    QCOMPARE(db({u"view"_qs, u"delete"_qs, u"French starred"_qs}).exitCode, 0);
    QCOMPARE(db({u"view"_qs, u"list"_qs}).out, u"0 views\n"_qs);
}

void tst_EditCli::reimportKeepsMarks()
{
    QCOMPARE(db({u"star"_qs, u"a"_qs}).exitCode, 0);
    QCOMPARE(db({u"tag"_qs, u"a"_qs, u"watch"_qs}).exitCode, 0);
    QCOMPARE(db({u"note"_qs, u"a"_qs, u"Check the date"_qs}).exitCode, 0);
    QCOMPARE(db({u"link"_qs, u"a"_qs, u"b"_qs}).exitCode, 0);
    const QJsonObject before = listJson()[1].toObject().value(u"marks").toObject();
    // The source changes the event, and is imported again: it updates the event by its id, and the marks stay.
    const Run again = db({u"import"_qs, writeSource(u"Macron's state visit to China"_qs)});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(u"1 updated"), qPrintable(again.out));
    const QJsonObject event = listJson()[1].toObject();
    QCOMPARE(event.value(u"title").toString(), u"Macron's state visit to China"_qs);
    QCOMPARE(event.value(u"marks").toObject(), before);
    QCOMPARE(listIds({u"--search"_qs, u"date"_qs}), QStringList{u"a"_qs}); // the note is still searched
}

void tst_EditCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, QStringList arguments, int code, const char *message) {
        QTest::newRow(name) << arguments << code << QString::fromUtf8(message);
    };
    row("add without a title", {u"add"_qs, u"--start"_qs, u"2023"_qs}, 2, "annals add: give at least --title and --start");
    row("add with a bad date", {u"add"_qs, u"--title"_qs, u"x"_qs, u"--start"_qs, u"2023-13-45"_qs}, 1,
        "annals add: --start: \"2023-13-45\" has month 13; a month runs from 1 to 12");
    row("add ending before it starts", {u"add"_qs, u"--title"_qs, u"x"_qs, u"--start"_qs, u"2023-05"_qs, u"--end"_qs, u"2023-04"_qs}, 1,
        "annals add: --end: ");
    row("add with an unknown country", {u"add"_qs, u"--title"_qs, u"x"_qs, u"--start"_qs, u"2023"_qs, u"--country"_qs, u"Atlantis"_qs}, 2,
        "annals add: --country: \"Atlantis\" is not a country known to ISO 3166-1");
    row("edit of an unknown id", {u"edit"_qs, u"nope"_qs, u"--title"_qs, u"x"_qs}, 1, "annals edit: no event has the id \"nope\"");
    row("edit to no title", {u"edit"_qs, u"a"_qs, u"--title"_qs, u""_qs}, 1, "it has no title");
    row("delete of an unknown id", {u"delete"_qs, u"b"_qs, u"nope"_qs}, 1,
        "annals delete: no event has the id \"nope\"; nothing was deleted");
    row("star of an unknown id", {u"star"_qs, u"a"_qs, u"nope"_qs}, 1, "no event has the id \"nope\"");
    row("note without text", {u"note"_qs, u"a"_qs}, 2, "annals note: give ID TEXT");
    row("empty note", {u"note"_qs, u"a"_qs, u"  "_qs}, 1, "a note cannot be empty");
    row("tag of an unknown id", {u"tag"_qs, u"nope"_qs, u"x"_qs}, 1, "annals tag: no event has the id \"nope\"");
    row("link to itself", {u"link"_qs, u"a"_qs, u"a"_qs}, 1, "an event cannot be linked to itself");
    row("link to an unknown id", {u"link"_qs, u"a"_qs, u"nope"_qs}, 1, "no event has the id \"nope\"");
    row("an unknown view", {u"list"_qs, u"--view"_qs, u"nope"_qs}, 1,
        "annals list: --view: the timeline has no view named \"nope\" (it has none)");
    row("view without an action", {u"view"_qs}, 2, "annals view: say save NAME, list or delete NAME");
    row("deleting an unknown view", {u"view"_qs, u"delete"_qs, u"nope"_qs}, 1, "there is no view named \"nope\"");
}

void tst_EditCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QByteArray before = listJson().isEmpty() ? QByteArray() : QJsonDocument(listJson()).toJson();
    const Run r = db(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(QJsonDocument(listJson()).toJson(), before); // nothing changed
}

QTEST_GUILESS_MAIN(tst_EditCli)
#include "tst_editcli.moc"
