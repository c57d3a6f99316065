#include "ui/dialogs/resetdialog.h"

#include "core/domain/jobrules.h"
#include "core/domain/runlabels.h"
#include "ui/common/relativetime.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ResetDialog::ResetDialog(const Job &job, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("resetDialog"));
    setWindowTitle(tr("Reset %1").arg(job.name));

    const QString holder = job.leaseOwner.isEmpty()
        ? tr("a program that does not identify itself (no lease)")
        : job.leaseOwner;
    const QDateTime since = job.runningSince.isValid() ? job.runningSince : job.updatedAt;
    if (job.runStatus() == RunStatus::Running) {
        m_holderText = tr("Held by %1, running for %2 (since %3).")
                           .arg(holder, RelativeTime::duration(qMax<qint64>(0, since.secsTo(now))),
                               RelativeTime::absolute(since));
        if (job.leaseExpiresAt.isValid())
            m_holderText += QLatin1Char(' ')
                + (job.leaseExpiresAt <= now
                        ? tr("Its lease expired %1.")
                              .arg(RelativeTime::ago(job.leaseExpiresAt, now))
                        : tr("Its lease is valid until %1: the runner may still be working, so "
                             "a reset is refused unless you force it.")
                              .arg(RelativeTime::absolute(job.leaseExpiresAt)));
    } else {
        m_holderText
            = tr("Not running now (last status: %1).")
                  .arg(job.lastStatus.isEmpty() ? tr("none") : RunLabels::status(job.lastStatus));
    }

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(m_holderText + QLatin1String("\n\n")
        + tr("Reset puts the job back to pending. A runner still working on it can no longer "
             "record its result."));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Why (kept in the audit log)"));
    m_reason->setMaxLength(500);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Reset job"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    if (JobRules::hasLiveLease(job, now)) {
        m_force = new QCheckBox(
            tr("&Force: fence off %1 now; nobody starts the job before its lease expires (%2)")
                .arg(holder, RelativeTime::absolute(job.leaseExpiresAt)),
            this);
        m_force->setObjectName(QStringLiteral("force"));
        layout->addWidget(m_force);
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

bool ResetDialog::force() const
{
    return m_force && m_force->isChecked();
}

QString ResetDialog::reason() const
{
    return m_reason->text().trimmed();
}
