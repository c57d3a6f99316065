#pragma once

#include "core/domain/jobpolicy.h"

#include <QGroupBox>

class QDoubleSpinBox;
class QSpinBox;

// The "Policy" group of the job dialog (issue 17): retries with backoff and the overdue
// threshold, bounded as cronctl set-policy bounds them.
class PolicyEditor final : public QGroupBox {
    Q_OBJECT
public:
    explicit PolicyEditor(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PolicyEditor)

    void setJob(const Job &job);
    // Only what differs from the job given to setJob(); empty when nothing changed.
    PolicyChange change() const;

    QSpinBox *maxRetriesField() const { return m_maxRetries; }
    QSpinBox *retryDelayField() const { return m_retryDelay; }
    QDoubleSpinBox *retryBackoffField() const { return m_retryBackoff; }
    QSpinBox *overdueAfterField() const { return m_overdueAfter; }

private:
    Job m_job;
    QSpinBox *m_maxRetries;
    QSpinBox *m_retryDelay;
    QDoubleSpinBox *m_retryBackoff;
    QSpinBox *m_overdueAfter;
};
