// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

// Asks what File > Export Image… should draw: the visible range or everything shown, the size, the PNG scale and
// the title. The file and its format are chosen after it.
class ExportImageDialog final : public QDialog {
    Q_OBJECT

public:
    // `visible` and `everything` describe the two ranges for the user ("17 March – 26 May 2023").
    ExportImageDialog(
        const QString &visible, const QString &everything, const QString &title, QWidget *parent = nullptr);
    ~ExportImageDialog() override;
    Q_DISABLE_COPY_MOVE(ExportImageDialog)

    bool wholeRange() const;
    QSize imageSize() const;
    double scale() const;
    QString title() const;

private:
    QComboBox *m_range = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QLineEdit *m_title = nullptr;
};
