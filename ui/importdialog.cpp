// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "io/csvimport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace {

// What each CSV field is called in the Columns box.
QString fieldLabel(const QString &field)
{
    static const QHash<QString, QString> labels{{u"id"_qs, ImportDialog::tr("Id")},
        {u"title"_qs, ImportDialog::tr("Title")}, {u"start"_qs, ImportDialog::tr("Date or start")},
        {u"end"_qs, ImportDialog::tr("End")}, {u"summary"_qs, ImportDialog::tr("Summary")},
        {u"kind"_qs, ImportDialog::tr("Kind")}, {u"actors"_qs, ImportDialog::tr("Actors")},
        {u"countries"_qs, ImportDialog::tr("Countries")}, {u"place"_qs, ImportDialog::tr("Place")},
        {u"lat"_qs, ImportDialog::tr("Latitude")}, {u"lon"_qs, ImportDialog::tr("Longitude")},
        {u"source"_qs, ImportDialog::tr("Source")}, {u"url"_qs, ImportDialog::tr("Source link")},
        {u"tags"_qs, ImportDialog::tr("Tags")}};
    return labels.value(field, field);
}

QString joinNames(const QList<Actor> &actors)
{
    QStringList names;
    for (const Actor &actor : actors) {
        names << actor.name;
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

ImportDialog::ImportDialog(const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_format(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_columnsBox(new QGroupBox(tr("Columns"), this))
    , m_columnsGrid(new QGridLayout(m_columnsBox))
    , m_missing(new QLineEdit(this))
    , m_skipInvalid(new QCheckBox(tr("Skip invalid records, and list them"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_problems(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const QFileInfo info(path);
    setWindowTitle(tr("Import %1").arg(info.fileName()));

    const QString detected = Importer::detectFormat(path);
    QStringList offered = Importer::formats();
    if (!offered.contains(detected)) {
        offered << detected; // XML that is not Timeline's: chosen, so that the preview says what it is
    }
    for (const QString &format : std::as_const(offered)) {
        const QString name = Importer::formatName(format);
        m_format->addItem(format == detected ? tr("%1 (detected)").arg(name) : name, format);
    }
    m_format->setCurrentIndex(int(offered.indexOf(detected)));
    // Encodings that write a newline as one byte, as the reader splits lines there (so not UTF-16).
    for (const auto &[label, codec] : {std::pair{tr("UTF-8"), QString()},
             std::pair{tr("Latin-1 (ISO 8859-1)"), u"latin1"_qs}, std::pair{tr("Windows-1252"), u"windows-1252"_qs}}) {
        m_encoding->addItem(label, codec);
    }
    m_encoding->setToolTip(tr("The text's encoding, for CSV, GDELT, ACLED and ICEWS files. JSON and iCalendar are "
                              "always UTF-8."));
    m_missing->setPlaceholderText(tr("for example NA"));
    m_missing->setToolTip(tr("Cell values that mean \"no value\", separated by commas."));
    m_columnsBox->setToolTip(tr("Which column gives each field. Detected from the headers; change any."));

    auto *form = new QFormLayout;
    m_form = form;
    auto *file
        = new QLabel(QStringLiteral("%1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size())), this);
    file->setTextFormat(Qt::PlainText); // a file name may hold anything, markup included
    form->addRow(tr("File:"), file);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Encoding:"), m_encoding);
    form->addRow(tr("Missing values:"), m_missing);
    form->addRow(QString(), m_skipInvalid);

    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setWordWrap(false);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Date"), tr("Title"), tr("Kind"), tr("Countries"), tr("Actors"), tr("Place")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_problems->setReadOnly(true);
    m_problems->setMaximumBlockCount(500);
    m_problems->setFixedHeight(fontMetrics().lineSpacing() * 5 + 12);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_columnsBox);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(new QLabel(tr("Problems:"), this));
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    resize(900, 640);

    const auto refresh = [this] {
        if (!m_updating) {
            updatePreview();
        }
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, refresh] {
        m_userMapped = false; // another format: its own columns
        m_headers.clear();
        refresh();
    });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, refresh);
    connect(m_missing, &QLineEdit::editingFinished, this, refresh);
    connect(m_skipInvalid, &QCheckBox::toggled, this, refresh);
    updatePreview();
}

ImportDialog::~ImportDialog() = default;

Importer::Options ImportDialog::options() const
{
    Importer::Options options;
    options.format = m_format->currentData().toString();
    options.encoding = m_encoding->currentData().toString();
    options.skipInvalid = m_skipInvalid->isChecked();
    for (const QString &value : m_missing->text().split(u',', Qt::SkipEmptyParts)) {
        options.missing << value.trimmed();
    }
    if (m_userMapped) {
        for (auto it = m_columnEditors.cbegin(); it != m_columnEditors.cend(); ++it) {
            options.map.insert(it.key(), it.value()->currentData().toString());
        }
    }
    return options;
}

void ImportDialog::setColumn(const QString &field, const QString &header)
{
    if (QComboBox *editor = m_columnEditors.value(field)) {
        editor->setCurrentIndex(std::max(0, editor->findData(header)));
    }
}

QString ImportDialog::problemsText() const
{
    return m_problems->toPlainText();
}

void ImportDialog::rebuildColumnEditors()
{
    const bool csv = m_preview
        && (m_preview->format == QLatin1String("csv") || m_preview->format == QLatin1String("json-records"));
    m_columnsBox->setVisible(csv && !m_preview->headers.isEmpty());
    if (!csv || m_preview->headers == m_headers) {
        return;
    }
    m_headers = m_preview->headers;
    // Later, not now: this may run inside a signal of one of these editors.
    m_columnEditors.clear();
    while (QLayoutItem *item = m_columnsGrid->takeAt(0)) {
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    const QStringList &fields = CsvImport::fields();
    const int perColumn = int((fields.size() + 2) / 3);
    for (int i = 0; i < fields.size(); ++i) {
        auto *editor = new QComboBox(m_columnsBox);
        editor->addItem(tr("(none)"), QString());
        for (const QString &header : m_headers) {
            editor->addItem(header, header);
        }
        const int column = m_preview->columns.value(fields[i], -1);
        editor->setCurrentIndex(column < 0 ? 0 : editor->findData(m_headers.value(column)));
        connect(editor, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating) {
                m_userMapped = true;
                updatePreview();
            }
        });
        m_columnEditors.insert(fields[i], editor);
        auto *label = new QLabel(fieldLabel(fields[i]) + u':', m_columnsBox);
        label->setBuddy(editor);
        m_columnsGrid->addWidget(label, i % perColumn, (i / perColumn) * 2);
        m_columnsGrid->addWidget(editor, i % perColumn, (i / perColumn) * 2 + 1);
    }
}

void ImportDialog::updatePreview()
{
    m_updating = true;
    // Only record formats have an encoding to choose (JSON and iCalendar are UTF-8), and only CSV has cells
    // that may mean "missing".
    const QString format = m_format->currentData().toString();
    const bool records = Importer::isRecordFormat(format) && format != QLatin1String("json-records");
    m_form->setRowVisible(m_encoding, records);
    m_form->setRowVisible(m_missing, format == QLatin1String("csv"));
    ImportError error;
    m_preview = Importer::preview(m_path, options(), kPreviewRecords, &error);
    rebuildColumnEditors();
    m_table->setRowCount(0);
    QStringList problems;
    if (!m_preview) {
        m_summary->setText(tr("This file cannot be imported as it is."));
        problems << error.toString(ImportError::Audience::Window);
    } else {
        const QLocale locale;
        m_table->setRowCount(int(m_preview->events.size()));
        for (int row = 0; row < m_preview->events.size(); ++row) {
            const Event &event = m_preview->events[row];
            // Plain-text items: imported text is never read as markup.
            const QStringList cells{event.time.toDisplayString(locale), event.title, event.kind,
                event.allCountries().join(QStringLiteral(", ")), joinNames(event.actors), event.location.place};
            for (int column = 0; column < cells.size(); ++column) {
                auto *item = new QTableWidgetItem(cells[column]);
                item->setToolTip(Qt::convertFromPlainText(cells[column]));
                m_table->setItem(row, column, item);
            }
        }
        m_table->resizeColumnToContents(0);
        const qsizetype count = m_preview->events.size();
        const QString shown = m_preview->complete
            ? (count == 1 ? tr("The one event in the file.") : tr("All %1 events in the file.").arg(count))
            : tr("The first %1 events; the rest are read on import.").arg(count);
        m_summary->setText(m_preview->readable ? shown : tr("This file cannot be imported as it is."));
        const QString fileName = QFileInfo(m_path).fileName();
        for (ImportError problem : m_preview->problems) {
            problem.file = problem.file.isEmpty() ? problem.file : fileName; // the dialog names the file already
            problems << problem.toString(ImportError::Audience::Window);
        }
    }
    const bool bad
        = !m_preview || !m_preview->readable || (!m_preview->problems.isEmpty() && !m_skipInvalid->isChecked());
    if (problems.isEmpty()) {
        m_problems->setPlainText(tr("None in the records shown."));
    } else {
        if (m_preview && m_preview->readable && bad) {
            problems.prepend(tr("An import stops at the first of these; tick \"Skip invalid records\" to import the "
                                "rest."));
        } else if (m_preview && m_preview->readable) {
            problems.prepend(tr("These records will be skipped:"));
        }
        m_problems->setPlainText(problems.join(u'\n'));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_preview && !m_preview->events.isEmpty() && !bad);
    m_updating = false;
}
