#include "ui/history/exportdialog.h"

#include "core/settings/consolesettings.h"
#include "ui/common/messageboxes.h"
#include "ui/common/screenfit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>

namespace {

// How the format is kept in the settings.
constexpr const char *rfcKey = "rfc4180";
constexpr const char *spreadsheetKey = "spreadsheet-pt_BR";

} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_bom(new QCheckBox(tr("Start with a byte order mark (BOM)"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export history as CSV"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    const QString lastFolder = ConsoleSettings::exportFolder.value();
    const QString folder
        = !lastFolder.isEmpty() && QFileInfo(lastFolder).isDir() ? lastFolder : defaultFolder();
    m_path->setText(QDir(folder).filePath(defaultFileName(QDate::currentDate())));
    m_path->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_format->addItem(tr("CSV (RFC 4180)"), int(ExportLocale::Rfc4180));
    // Named in its own language, as language lists do.
    m_format->addItem(
        tr("Spreadsheet (Português do Brasil)"), int(ExportLocale::BrazilianSpreadsheet));
    m_format->setToolTip(tr("Spreadsheet: ';', BOM, decimal commas and dd/MM/yyyy times (UTC), "
                            "so LibreOffice and Excel in Brazilian Portuguese read numbers and "
                            "dates; cells starting with = + - @ are written as text."));
    m_delimiter->addItem(tr("Comma (,)"), int(','));
    m_delimiter->addItem(tr("Semicolon (;)"), int(';'));
    const bool brazil
        = QLocale().language() == QLocale::Portuguese && QLocale().territory() == QLocale::Brazil;
    // The format of the last export; the language's until one was made.
    const QString lastFormat = ConsoleSettings::exportFormat.value();
    bool spreadsheet = brazil;
    if (lastFormat == QLatin1String(spreadsheetKey) || lastFormat == QLatin1String(rfcKey))
        spreadsheet = lastFormat == QLatin1String(spreadsheetKey);
    m_format->setCurrentIndex(spreadsheet ? 1 : 0);
    m_bom->setToolTip(tr("Spreadsheets need it to read the file as UTF-8"));
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *form = new QFormLayout(this);
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("Delimiter:"), m_delimiter);
    form->addRow(QString(), m_bom);
    form->addRow(m_error);
    form->addRow(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(!m_path->text().trimmed().isEmpty());
        m_error->hide();
    });
    formatChanged();
    ScreenFit::keep(this);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

char ExportDialog::delimiter() const
{
    return SpreadsheetFormat::delimiter(locale(), char(m_delimiter->currentData().toInt()));
}

bool ExportDialog::byteOrderMark() const
{
    return SpreadsheetFormat::byteOrderMark(locale(), m_bom->isChecked());
}

ExportLocale ExportDialog::locale() const
{
    return ExportLocale(m_format->currentData().toInt());
}

QString ExportDialog::defaultFileName(const QDate &date)
{
    // Translated: a Brazilian admin's folder gets a Portuguese name (without accents, which some
    // file shares mangle).
    //: File name of a history export; %1 is the date as yyyyMMdd. No accents, no spaces.
    return tr("cron-history-%1.csv").arg(date.toString(QStringLiteral("yyyyMMdd")));
}

QString ExportDialog::defaultFolder()
{
    // Reported even on accounts that have no such folder; writing there would fail.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

void ExportDialog::formatChanged()
{
    // The spreadsheet format fixes both; shown as it writes them.
    const bool spreadsheet = locale() == ExportLocale::BrazilianSpreadsheet;
    const bool brazil
        = QLocale().language() == QLocale::Portuguese && QLocale().territory() == QLocale::Brazil;
    m_delimiter->setEnabled(!spreadsheet);
    m_bom->setEnabled(!spreadsheet);
    m_delimiter->setCurrentIndex(spreadsheet || brazil ? 1 : 0);
    m_bom->setChecked(spreadsheet || brazil);
}

void ExportDialog::save()
{
    const QFileInfo target(path());
    if (!target.absoluteDir().exists()) {
        m_error->setText(tr("The folder %1 does not exist. Choose another folder with Browse….")
                             .arg(QDir::toNativeSeparators(target.absolutePath())));
        m_error->show();
        return;
    }
    if (target.isDir()) {
        m_error->setText(
            tr("%1 is a folder. Add a file name, e.g. %2.")
                .arg(QDir::toNativeSeparators(path()), defaultFileName(QDate::currentDate())));
        m_error->show();
        return;
    }
    if (!target.exists()) {
        accept();
        return;
    }
    // Asked here, so that declining keeps this dialog and what was chosen in it.
    MessageBoxes::question(this, tr("Replace file?"),
        tr("%1 already exists. Replace it with the exported history?")
            .arg(QDir::toNativeSeparators(path())),
        tr("Replace"), [self = QPointer<ExportDialog>(this)] {
            if (self)
                self->accept();
        });
}

void ExportDialog::accept()
{
    ConsoleSettings::exportFormat.setValue(
        QLatin1String(locale() == ExportLocale::BrazilianSpreadsheet ? spreadsheetKey : rfcKey));
    ConsoleSettings::exportFolder.setValue(QFileInfo(path()).absolutePath());
    QDialog::accept();
}

void ExportDialog::browse()
{
    // The overwrite question comes at Save, for every way a path is chosen.
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
