// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importer.h"

#include <QDialog>
#include <QHash>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
QT_END_NAMESPACE

// File > Import… and a dropped file: shows what the import would do before it does it. The detected format (which
// the user may change), the column mapping for CSV (editable), the first records as events, and the problems found
// in them. Nothing is written until the user confirms; options() then says how to import.
class ImportDialog final : public QDialog {
    Q_OBJECT

public:
    static constexpr int kPreviewRecords = 100;

    explicit ImportDialog(const QString &path, QWidget *parent = nullptr);
    ~ImportDialog() override;
    Q_DISABLE_COPY_MOVE(ImportDialog)

    Importer::Options options() const;
    // What the preview shows, for tests and the status line.
    const std::optional<Importer::Preview> &preview() const { return m_preview; }
    QTableWidget *previewTable() const { return m_table; }
    QString problemsText() const;
    // Maps a CSV field to a column by its header ("" for none), as the user would in the Columns box.
    void setColumn(const QString &field, const QString &header);

private:
    void updatePreview();
    void rebuildColumnEditors();

    QString m_path;
    QFormLayout *m_form = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_encoding = nullptr;
    QGroupBox *m_columnsBox = nullptr;
    QGridLayout *m_columnsGrid = nullptr;
    QHash<QString, QComboBox *> m_columnEditors; // field -> its column
    QLineEdit *m_missing = nullptr;
    QCheckBox *m_skipInvalid = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<Importer::Preview> m_preview;
    QStringList m_headers; // the columns the editors offer
    bool m_userMapped = false; // once the user maps a column, the map goes with every preview and the import
    bool m_updating = false;
};
