#include "ui/dialogs/scheduledialog.h"

#include "core/schedule/schedule.h"
#include "ui/common/screenfit.h"
#include "ui/common/scrollingform.h"
#include "ui/dialogs/policyeditor.h"
#include "ui/dialogs/scheduleeditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ScheduleDialog::ScheduleDialog(const Job &job, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_editor(new ScheduleEditor(now, this))
    , m_policy(new PolicyEditor(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(tr("Change schedule of %1").arg(job.name));
    m_editor->setNow(now);
    m_editor->setJob(job);
    m_policy->setJob(job);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change schedule"));

    auto *intro = new QLabel(
        tr("Job <b>%1</b> runs %2 now.")
            .arg(job.name.toHtmlEscaped(), Schedule::of(job).describe().toHtmlEscaped()),
        this);
    // The form scrolls on a short screen; the buttons stay below it, always in view.
    auto *body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->addWidget(intro);
    bodyLayout->addWidget(m_editor);
    bodyLayout->addWidget(m_policy);
    bodyLayout->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new ScrollingForm(body, this));
    layout->addWidget(m_buttons);
    ScreenFit::keep(this);

    auto updateOk
        = [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_editor->isValid()); };
    connect(m_editor, &ScheduleEditor::validityChanged, this, updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_editor->isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
    resize(520, sizeHint().height());
}

int ScheduleDialog::hours() const
{
    return m_editor->hours();
}

void ScheduleDialog::setHours(int hours)
{
    m_editor->setHours(hours);
}

bool ScheduleDialog::isCron() const
{
    return m_editor->isCron();
}

Result<Schedule> ScheduleDialog::schedule() const
{
    return m_editor->schedule();
}

QSpinBox *ScheduleDialog::hoursField() const
{
    return m_editor->hoursField();
}
