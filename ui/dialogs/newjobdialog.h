#pragma once

#include "store/jobstore.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// New job: a name checked as the store checks it, a description, an interval and whether it
// starts active.
class NewJobDialog final : public QDialog {
    Q_OBJECT
public:
    explicit NewJobDialog(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(NewJobDialog)

    NewJob newJob() const;
    QLineEdit *nameField() const { return m_name; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QSpinBox *hoursField() const { return m_hours; }
    QCheckBox *activeField() const { return m_active; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    QLineEdit *m_name;
    QLabel *m_nameError;
    QPlainTextEdit *m_description;
    QSpinBox *m_hours;
    QCheckBox *m_active;
    QDialogButtonBox *m_buttons;
};
