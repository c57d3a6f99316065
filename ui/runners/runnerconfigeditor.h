#pragma once

#include "core/runner/runnerconfig.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// The workstation's runner config as plain JSON text: checked with RunnerConfig::parse on every
// edit (the inline error names the file and the key), saved atomically, Save disabled while the
// text is invalid or unchanged.
class RunnerConfigEditor final : public QWidget {
    Q_OBJECT
public:
    explicit RunnerConfigEditor(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunnerConfigEditor)

    // A small valid config with one example job, for a workstation that has none yet.
    static QByteArray templateJson();

    // Reads the file (a missing file leaves the editor empty and offers the template).
    void load(const QString &filePath);
    QString filePath() const { return m_filePath; }
    // Writes the text atomically, owner-only writable; false (and the reason inline) when it
    // cannot.
    bool save();
    void useTemplate();

    bool isValid() const { return m_valid; }
    bool isModified() const;
    QString errorText() const { return m_valid ? QString() : m_message; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *saveButton() const { return m_save; }

signals:
    // After every edit that parses, and after load: what the runner would run.
    void configParsed(const RunnerConfig &config);
    void configInvalid(const QString &message);
    void saved(const QString &filePath);

private:
    void validate();
    void setMessage(const QString &message, bool error);

    QString m_filePath;
    QByteArray m_savedText;
    QLabel *m_path;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QPushButton *m_template;
    QPushButton *m_revert;
    QPushButton *m_save;
    QString m_message;
    bool m_valid = false;
};
