#include "ui/history/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(this))
    , m_delimiter(new QComboBox(this))
    , m_bom(new QCheckBox(tr("Start with a byte order mark (BOM)"), this))
{
    setWindowTitle(tr("Export history as CSV"));
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    m_path->setText(QDir(folder).filePath(defaultFileName(QDate::currentDate())));
    m_path->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_delimiter->addItem(tr("Comma (,)"), int(','));
    m_delimiter->addItem(tr("Semicolon (;)"), int(';'));
    const bool brazil
        = QLocale().language() == QLocale::Portuguese && QLocale().territory() == QLocale::Brazil;
    m_delimiter->setCurrentIndex(brazil ? 1 : 0);
    m_bom->setChecked(brazil);
    m_bom->setToolTip(tr("Spreadsheets need it to read the file as UTF-8"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Delimiter:"), m_delimiter);
    form->addRow(QString(), m_bom);
    form->addRow(buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!m_path->text().trimmed().isEmpty());
    });
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

char ExportDialog::delimiter() const
{
    return char(m_delimiter->currentData().toInt());
}

bool ExportDialog::byteOrderMark() const
{
    return m_bom->isChecked();
}

QString ExportDialog::defaultFileName(const QDate &date)
{
    return QStringLiteral("cron-history-%1.csv").arg(date.toString(QStringLiteral("yyyyMMdd")));
}

void ExportDialog::browse()
{
    // The overwrite question comes later, from the panel, for every way a path is chosen.
    auto *dialog = new QFileDialog(
        this, tr("Export history as CSV"), path(), tr("CSV files (*.csv);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this](const QString &file) { m_path->setText(QDir::toNativeSeparators(file)); });
    dialog->open();
}
