#pragma once

#include "core/store/jobstore.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class PolicyEditor;
class ScheduleEditor;

// New job: a name checked as the store checks it, a description, a schedule (an interval or a
// cron expression in a zone), whether it starts active, and its policy (retries, catch-up,
// overdue; set right after the job is added).
class NewJobDialog final : public QDialog {
    Q_OBJECT
public:
    explicit NewJobDialog(const QDateTime &now, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(NewJobDialog)

    NewJob newJob() const;
    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QSpinBox *hoursField() const;
    ScheduleEditor *scheduleEditor() const { return m_schedule; }
    QCheckBox *activeField() const { return m_active; }
    PolicyEditor *policy() const { return m_policy; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    QLineEdit *m_name;
    QLabel *m_nameError;
    QPlainTextEdit *m_description;
    ScheduleEditor *m_schedule;
    QCheckBox *m_active;
    PolicyEditor *m_policy;
    QDialogButtonBox *m_buttons;
};
