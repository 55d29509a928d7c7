// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportimagedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

ExportImageDialog::ExportImageDialog(
    const QString &visible, const QString &everything, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_range(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_scale(new QDoubleSpinBox(this))
    , m_title(new QLineEdit(title, this))
{
    setWindowTitle(tr("Export Image"));
    m_range->addItem(tr("What is visible: %1").arg(visible));
    m_range->addItem(tr("Everything shown: %1").arg(everything));
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(300, 20000);
        box->setSuffix(tr(" px"));
    }
    m_height->setMinimum(200);
    m_width->setValue(1600);
    m_height->setValue(900);
    m_scale->setRange(1, 4);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(2);
    m_scale->setSuffix(QStringLiteral("×"));
    m_scale->setToolTip(tr("PNG only: more pixels for hi-DPI screens and print. SVG and PDF are vector."));

    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    size->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("&Range:"), m_range);
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, size);
    form->addRow(tr("S&cale (PNG):"), m_scale);
    form->addRow(tr("&Title:"), m_title);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose File…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ExportImageDialog::~ExportImageDialog() = default;

bool ExportImageDialog::wholeRange() const
{
    return m_range->currentIndex() == 1;
}

QSize ExportImageDialog::imageSize() const
{
    return {m_width->value(), m_height->value()};
}

double ExportImageDialog::scale() const
{
    return m_scale->value();
}

QString ExportImageDialog::title() const
{
    return m_title->text().trimmed();
}
