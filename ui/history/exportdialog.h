#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

// Where and how to write the CSV: the file (cron-history-YYYYMMDD.csv in the last folder by
// default), the delimiter and the byte order mark. Spreadsheets set to Brazilian Portuguese read
// ';' and need the BOM to take the file as UTF-8, so that is the default in pt_BR.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    QString path() const;
    char delimiter() const;
    bool byteOrderMark() const;

    static QString defaultFileName(const QDate &date);

private:
    void browse();

    QLineEdit *m_path;
    QComboBox *m_delimiter;
    QCheckBox *m_bom;
};
