#pragma once

#include "domain/job.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

// Reset: shows who holds the job and for how long, and asks for a reason for the audit row.
class ResetDialog final : public QDialog {
    Q_OBJECT
public:
    ResetDialog(const Job &job, const QDateTime &now, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ResetDialog)

    const Job &job() const { return m_job; }
    QString reason() const;
    QLineEdit *reasonField() const { return m_reason; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The sentence about the holder, for tests and the screenshot.
    QString holderText() const { return m_holderText; }

private:
    Job m_job;
    QString m_holderText;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};
