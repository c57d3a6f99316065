#pragma once

#include "core/domain/job.h"
#include "core/util/result.h"

#include <QDialog>

class QDialogButtonBox;
class QSpinBox;
class Schedule;
class PolicyEditor;
class ScheduleEditor;

// Change schedule: every N whole hours (1..8760; the next run moves to now + hours, as the
// seed's calcular_proximo_run does) or a cron expression in a time zone, with the next runs
// previewed. OK stays disabled while the entry is invalid.
class ScheduleDialog final : public QDialog {
    Q_OBJECT
public:
    ScheduleDialog(const Job &job, const QDateTime &now, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ScheduleDialog)

    const Job &job() const { return m_job; }
    int hours() const;
    void setHours(int hours);
    bool isCron() const;
    Result<Schedule> schedule() const;
    QSpinBox *hoursField() const;
    ScheduleEditor *editor() const { return m_editor; }
    PolicyEditor *policy() const { return m_policy; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    Job m_job;
    ScheduleEditor *m_editor;
    PolicyEditor *m_policy; // retries and overdue (issue 17)
    QDialogButtonBox *m_buttons;
};
