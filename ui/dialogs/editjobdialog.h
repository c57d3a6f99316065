#pragma once

#include "core/domain/job.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class PolicyEditor;

// Edit job: its name and description, its policy (retries, catch-up, overdue; issue 17), and
// a reason for the audit row. Renaming is offered with
// what it means (the platform and scripts call jobs by name; the history so far keeps the old
// name) and not while the job runs, since its runner records the result by name.
class EditJobDialog final : public QDialog {
    Q_OBJECT
public:
    explicit EditJobDialog(const Job &job, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EditJobDialog)

    const Job &job() const { return m_job; }
    QString name() const;
    QString description() const;
    QString reason() const;

    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QLineEdit *reasonField() const { return m_reason; }
    QLabel *nameNote() const { return m_nameNote; }
    PolicyEditor *policy() const { return m_policy; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    Job m_job;
    QLineEdit *m_name;
    QLabel *m_nameNote;
    QPlainTextEdit *m_description;
    QLineEdit *m_reason;
    PolicyEditor *m_policy;
    QDialogButtonBox *m_buttons;
};
