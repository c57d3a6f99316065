#pragma once

#include "core/domain/jobpolicy.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

// The "Policy" group of the job dialogs (issue 17): retries with backoff, catch-up after
// downtime (once / skip with a window / all) and the overdue threshold, bounded as cronctl
// set-policy bounds them. In New job, Edit job and Change schedule.
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
    QComboBox *catchUpField() const { return m_catchUp; } // item data: once, skip, all
    QSpinBox *catchUpWindowField() const { return m_catchUpWindow; }
    void setCatchUp(const QString &mode); // once, skip or all

signals:
    void edited(); // any field changed (by the user or setJob)

private:
    Job m_job;
    QSpinBox *m_maxRetries;
    QSpinBox *m_retryDelay;
    QDoubleSpinBox *m_retryBackoff;
    QSpinBox *m_overdueAfter;
    QComboBox *m_catchUp;
    QSpinBox *m_catchUpWindow; // for "skip" only
};
