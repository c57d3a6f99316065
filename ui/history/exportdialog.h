#pragma once

#include "core/export/spreadsheetformat.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Where and how to write the CSV: the file (cron-history-YYYYMMDD.csv in the folder of the last
// export, else ~/Documents, else the home folder), the format (the last one chosen), the
// delimiter and the byte order mark. The format "Spreadsheet (Português do Brasil)" writes what
// LibreOffice and Excel in pt_BR read as numbers and dates (SpreadsheetFormat); it is the
// default in pt_BR. Save asks before replacing a file; declined, the dialog stays open with what
// was chosen.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    QString path() const;
    char delimiter() const;
    bool byteOrderMark() const;
    ExportLocale locale() const;

    QLineEdit *pathField() const { return m_path; }
    QComboBox *formatField() const { return m_format; }
    QComboBox *delimiterField() const { return m_delimiter; }
    QCheckBox *byteOrderMarkField() const { return m_bom; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *errorLabel() const { return m_error; }

    static QString defaultFileName(const QDate &date);
    // ~/Documents if it exists, else the home folder.
    static QString defaultFolder();

    // Remembers the format and the folder for the next export.
    void accept() override;

private:
    void browse();
    void formatChanged();
    void save();

    QLineEdit *m_path;
    QComboBox *m_format;
    QComboBox *m_delimiter;
    QCheckBox *m_bom;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
