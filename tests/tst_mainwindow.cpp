// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventdetailview.h"
#include "exportimagedialog.h"
#include "io/seed.h"
#include "mainwindow.h"
#include "models/eventlistmodel.h"
#include "storage/eventstore.h"

#include <QApplication>
#include <QDir>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

namespace {

std::unique_ptr<EventStore> storeWith(const QList<Event> &events)
{
    auto store = std::make_unique<EventStore>(QStringLiteral(":memory:"));
    if (!store->open() || !store->write(events)) {
        qFatal("%s", qUtf8Printable(store->errorString()));
    }
    return store;
}

// Every anchor in the document, in order, but the pane's own actions (Star, Add note, ...), which Annals makes.
QStringList anchors(const QTextDocument *document)
{
    QStringList result;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor()
                && !it.fragment().charFormat().anchorHref().startsWith(u"annals-action:")) {
                result << it.fragment().charFormat().anchorHref();
            }
        }
    }
    return result;
}

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void startsOnTheSeed();
    void selectingInTheTableFillsTheDetailPane();
    void untrustedTextShowsLiterally();
    void linksOnlyForHttp();
    void screenshot();
    void exportDialogDefaults();
};

void tst_MainWindow::startsOnTheSeed()
{
    MainWindow window(storeWith(Seed::events()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.tableView()->model()->rowCount(), 9);
    // Sorted by date: the state visit comes first.
    QCOMPARE(window.tableView()->model()->index(0, EventListModel::TitleColumn).data().toString(),
        QStringLiteral("Xi Jinping's state visit to Moscow"));
    window.tableView()->setCurrentIndex({});
    QVERIFY(window.detailView()->toPlainText().contains(QStringLiteral("Select an event")));
}

void tst_MainWindow::selectingInTheTableFillsTheDetailPane()
{
    MainWindow window(storeWith(Seed::events()));
    window.show();
    QTableView *table = window.tableView();
    const int row = 8; // the last, in date order: Zhang Haizhou
    table->setCurrentIndex(table->model()->index(row, EventListModel::TitleColumn));
    const QString text = window.detailView()->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("Zhang Haizhou: China–Russia ties play an important role in the SCO")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("23 May 2023")));
    QVERIFY(text.contains(QStringLiteral("Russian Federation, China")));
    QVERIFY(text.contains(QStringLiteral("Zhang Haizhou — National Coordinator of China for the SCO, speaker, China")));
    QVERIFY(text.contains(QStringLiteral("“China and Russia are the founders of the SCO")));
    QVERIFY(text.contains(QStringLiteral("RIA Novosti")));

    QVERIFY(window.selectEvent(u"seed-2023-04-29-lavrov-global-south"_qs));
    QVERIFY(window.detailView()->toPlainText().startsWith(QStringLiteral("Lavrov:")));
    QVERIFY(!window.selectEvent(u"missing"_qs));
}

void tst_MainWindow::untrustedTextShowsLiterally()
{
    Event event;
    event.id = u"x"_qs;
    event.title = u"<b>Bold?</b> <script>alert(1)</script>"_qs;
    event.summary = u"<img src=\"http://example.com/track.png\"> &amp; <a href=\"javascript:alert(1)\">x</a>"_qs;
    event.time = EventTime(0, Precision::Day);
    MainWindow window(storeWith({event}));
    QVERIFY(window.selectEvent(u"x"_qs));
    const QTextDocument *document = window.detailView()->document();
    const QString text = document->toPlainText();
    QVERIFY2(text.startsWith(event.title), qPrintable(text));
    QVERIFY(text.contains(event.summary));
    QVERIFY(anchors(document).isEmpty());
    QVERIFY(!document->toHtml().contains(QStringLiteral("<img")));
    QVERIFY(text.contains(u"\u2606 Star  \u00B7  Add note  \u00B7  Your tags  \u00B7  Edit"_qs)); // the pane's own actions
}

void tst_MainWindow::linksOnlyForHttp()
{
    Event event;
    event.id = u"x"_qs;
    event.title = u"Links"_qs;
    event.time = EventTime(0, Precision::Day);
    event.sources = {{u"Web"_qs, u"https://example.org/a?b=c"_qs, {}}, {u"Script"_qs, u"javascript:alert(1)"_qs, {}},
        {u"Local"_qs, u"file:///etc/passwd"_qs, {}}, {u"Plain"_qs, u"http://example.net"_qs, {}}};
    MainWindow window(storeWith({event}));
    QVERIFY(window.selectEvent(u"x"_qs));
    QCOMPARE(anchors(window.detailView()->document()),
        (QStringList{u"https://example.org/a?b=c"_qs, u"http://example.net"_qs}));
    QVERIFY(window.detailView()->toPlainText().contains(QStringLiteral("Script (javascript:alert(1))")));
    QVERIFY(!EventDetailView::isSafeLink(QUrl(u"javascript:alert(1)"_qs)));
    QVERIFY(!EventDetailView::isSafeLink(QUrl(u"https://"_qs)));
    QVERIFY(EventDetailView::isSafeLink(QUrl(u"HTTPS://example.org"_qs)));
}

void tst_MainWindow::screenshot()
{
    // Saved beside the test for a person to look at; the assertion is that it rendered at all.
    MainWindow window(storeWith(Seed::events()));
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectEvent(u"seed-2023-05-23-zhang-haizhou-sco"_qs));
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1360, 820));
    QVERIFY(image.save(QDir::current().filePath(QStringLiteral("mainwindow.png"))));
}

void tst_MainWindow::exportDialogDefaults()
{
    ExportImageDialog dialog(u"17 March – 26 May 2023"_qs, u"10–24 May 2023"_qs, u"Annals: timeline"_qs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.wholeRange());
    QCOMPARE(dialog.imageSize(), QSize(1600, 900));
    QCOMPARE(dialog.scale(), 2.0);
    QCOMPARE(dialog.title(), QStringLiteral("Annals: timeline"));
    QVERIFY(dialog.grab().toImage().save(QDir::current().filePath(QStringLiteral("exportdialog.png"))));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
