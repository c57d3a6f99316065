#include "dialogs/scheduledialog.h"

#include "common/relativetime.h"
#include "domain/jobrules.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ScheduleDialog::ScheduleDialog(const Job &job, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_now(now)
    , m_hours(new QSpinBox(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(tr("Change schedule of %1").arg(job.name));
    m_hours->setObjectName(QStringLiteral("hours"));
    m_hours->setRange(JobRules::minIntervalHours, JobRules::maxIntervalHours);
    m_hours->setSuffix(tr(" h"));
    m_hours->setValue(job.intervalHours);
    m_hours->setAccelerated(true);
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change schedule"));

    auto *form = new QFormLayout;
    form->addRow(tr("Run &every:"), m_hours);
    form->addRow(QString(), m_preview);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Job <b>%1</b> runs every %2 h now.")
                                 .arg(job.name.toHtmlEscaped())
                                 .arg(job.intervalHours),
        this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    // The editor's own signal: QSpinBox reports only texts it could interpret, and an empty or
    // partial entry must disable OK too.
    connect(m_hours->findChild<QLineEdit *>(), &QLineEdit::textChanged, this,
        &ScheduleDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

int ScheduleDialog::hours() const
{
    return m_hours->value();
}

void ScheduleDialog::setHours(int hours)
{
    m_hours->setValue(hours);
}

void ScheduleDialog::validate()
{
    bool ok = false;
    const QString text = m_hours->cleanText();
    const qint64 value = text.toLongLong(&ok);
    const QString problem = ok ? JobRules::validateIntervalHours(value)
                               : tr("Enter a whole number of hours from %1 to %2.")
                                     .arg(JobRules::minIntervalHours)
                                     .arg(JobRules::maxIntervalHours);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        m_preview->setText(problem);
        return;
    }
    const QDateTime next = JobRules::nextRunAfterInterval(m_now, int(value));
    m_preview->setText(
        tr("The next run moves to %1 (%2 from now).")
            .arg(RelativeTime::absolute(next), RelativeTime::duration(value * 3600)));
}
