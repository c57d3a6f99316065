#pragma once

#include "core/domain/job.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

// Reset: shows who holds the job and for how long, and asks for a reason for the audit row.
// While a runner's lease is live the store refuses the reset unless forced; the dialog then
// offers a checkbox naming the holder. For several jobs (a multi-selection) it names each job
// with its holder; the reason and Force apply to all of them.
class ResetDialog final : public QDialog {
    Q_OBJECT
public:
    ResetDialog(const Job &job, const QDateTime &now, QWidget *parent = nullptr);
    // `jobs` is not empty; the first is job().
    ResetDialog(const QList<Job> &jobs, const QDateTime &now, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ResetDialog)

    const Job &job() const { return m_jobs.constFirst(); }
    const QList<Job> &jobs() const { return m_jobs; }
    QString reason() const;
    // Reset although the lease is live (the holder is fenced; nobody starts the job before the
    // lease's expiry). Always false when the lease was not live as the dialog opened.
    bool force() const;
    // Null when no job had a live lease.
    QCheckBox *forceBox() const { return m_force; }
    QLineEdit *reasonField() const { return m_reason; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // The sentence about the holder (one line per job, "name: …", for several), for tests and
    // the screenshot.
    QString holderText() const { return m_holderText; }

private:
    QList<Job> m_jobs;
    QString m_holderText;
    QLineEdit *m_reason;
    QCheckBox *m_force = nullptr;
    QDialogButtonBox *m_buttons;
};
