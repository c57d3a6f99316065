#include "ui/dialogs/resetdialog.h"

#include "core/domain/jobrules.h"
#include "core/domain/runlabels.h"
#include "ui/common/relativetime.h"
#include "ui/common/screenfit.h"
#include "ui/common/scrollingform.h"
#include "ui/common/wrappingcheckbox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString holderOf(const Job &job)
{
    return job.leaseOwner.isEmpty()
        ? ResetDialog::tr("a program that does not identify itself (no lease)")
        : job.leaseOwner;
}

// Who holds the job, for how long, and whether its lease still protects it.
QString holderSentence(const Job &job, const QDateTime &now)
{
    if (job.runStatus() != RunStatus::Running)
        return ResetDialog::tr("Not running now (last status: %1).")
            .arg(job.lastStatus.isEmpty() ? ResetDialog::tr("none")
                                          : RunLabels::status(job.lastStatus));
    const QDateTime since = job.runningSince.isValid() ? job.runningSince : job.updatedAt;
    QString text
        = ResetDialog::tr("Held by %1, running for %2 (since %3).")
              .arg(holderOf(job), RelativeTime::duration(qMax<qint64>(0, since.secsTo(now))),
                  RelativeTime::absolute(since));
    if (job.leaseExpiresAt.isValid())
        text += QLatin1Char(' ')
            + (job.leaseExpiresAt <= now
                    ? ResetDialog::tr("Its lease expired %1.")
                          .arg(RelativeTime::ago(job.leaseExpiresAt, now))
                    : ResetDialog::tr("Its lease is valid until %1: the runner may still be "
                                      "working, so a reset is refused unless you force it.")
                          .arg(RelativeTime::absolute(job.leaseExpiresAt)));
    return text;
}

} // namespace

ResetDialog::ResetDialog(const Job &job, const QDateTime &now, QWidget *parent)
    : ResetDialog(QList<Job>{job}, now, parent)
{ }

ResetDialog::ResetDialog(const QList<Job> &jobs, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_jobs(jobs)
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    Q_ASSERT(!jobs.isEmpty());
    setObjectName(QStringLiteral("resetDialog"));
    const int count = int(jobs.size());
    const bool several = count > 1;

    // The jobs a runner still holds under a live lease: Force fences them off.
    QList<Job> leased;
    for (const Job &job : jobs) {
        if (JobRules::hasLiveLease(job, now))
            leased << job;
    }

    QString intro;
    if (!several) {
        setWindowTitle(tr("Reset %1").arg(job().name));
        m_holderText = holderSentence(job(), now);
        intro = tr("Reset puts the job back to pending. A runner still working on it can no "
                   "longer record its result.");
    } else {
        setWindowTitle(tr("Reset %n jobs", nullptr, count));
        // One line per job: which job, held by whom (the single sentence names no job).
        QStringList lines;
        for (const Job &job : jobs)
            lines << tr("%1: %2").arg(job.name, holderSentence(job, now));
        m_holderText = lines.join(u'\n');
        intro = tr("Reset puts the %n jobs back to pending. A runner still working on one of "
                   "them can no longer record its result.",
            nullptr, count);
    }

    auto *introLabel = new QLabel(this);
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    introLabel->setText(m_holderText + QLatin1String("\n\n") + intro);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Why (kept in the audit log)"));
    m_reason->setMaxLength(500);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(several ? tr("&Reset %n jobs", nullptr, count) : tr("&Reset job"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    // A reset of many jobs lists them all: the list scrolls, the buttons stay in view.
    auto *body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->addWidget(introLabel);
    bodyLayout->addLayout(form);
    if (!leased.isEmpty()) {
        QString text;
        if (!several) {
            text = tr("&Force: fence off %1 now; nobody starts the job before its lease expires "
                      "(%2)")
                       .arg(holderOf(job()), RelativeTime::absolute(job().leaseExpiresAt));
        } else {
            QStringList holders;
            QDateTime last;
            for (const Job &job : leased) {
                holders << tr("%1 on %2").arg(holderOf(job), job.name);
                if (!last.isValid() || job.leaseExpiresAt > last)
                    last = job.leaseExpiresAt;
            }
            text = tr("&Force: fence off %1 now; nobody starts these jobs before their leases "
                      "expire (the last at %2)")
                       .arg(QLocale().createSeparatedList(holders), RelativeTime::absolute(last));
        }
        m_force = new WrappingCheckBox(text, this); // names every holder, on several lines
        m_force->setObjectName(QStringLiteral("force"));
        bodyLayout->addWidget(m_force);
    }
    bodyLayout->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new ScrollingForm(body, this));
    layout->addWidget(m_buttons);
    ScreenFit::keep(this);
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
