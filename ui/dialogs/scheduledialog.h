#pragma once

#include "domain/job.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

// Change schedule: a whole number of hours from 1 to 8760; the next run moves to now + hours,
// as the seed's calcular_proximo_run does.
class ScheduleDialog final : public QDialog {
    Q_OBJECT
public:
    ScheduleDialog(const Job &job, const QDateTime &now, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ScheduleDialog)

    const Job &job() const { return m_job; }
    int hours() const;
    void setHours(int hours);
    QSpinBox *hoursField() const { return m_hours; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    Job m_job;
    QDateTime m_now;
    QSpinBox *m_hours;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
};
