#pragma once

#include "core/domain/job.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

// Delete: confirmed by typing the job's name.
class DeleteJobDialog final : public QDialog {
    Q_OBJECT
public:
    explicit DeleteJobDialog(const Job &job, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DeleteJobDialog)

    const Job &job() const { return m_job; }
    QLineEdit *confirmField() const { return m_confirm; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    Job m_job;
    QLineEdit *m_confirm;
    QDialogButtonBox *m_buttons;
};
