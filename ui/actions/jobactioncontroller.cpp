#include "ui/actions/jobactioncontroller.h"

#include "core/client/jobclient.h"
#include "ui/actions/jobactions.h"
#include "ui/common/messageboxes.h"
#include "ui/dialogs/deletejobdialog.h"
#include "ui/dialogs/newjobdialog.h"
#include "ui/dialogs/policyeditor.h"
#include "ui/dialogs/resetdialog.h"
#include "ui/dialogs/scheduledialog.h"
#include "ui/jobs/jobsview.h"
#include "ui/jobs/jobtablemodel.h"

#include <QAction>

JobActionController::JobActionController(
    JobActions *actions, JobsView *view, JobTableModel *model, QWidget *window)
    : QObject(window)
    , m_actions(actions)
    , m_view(view)
    , m_model(model)
    , m_window(window)
{
    connect(actions->enable(), &QAction::triggered, this, [this] { setActiveOnSelection(true); });
    connect(actions->disable(), &QAction::triggered, this, [this] { setActiveOnSelection(false); });
    connect(actions->runNow(), &QAction::triggered, this, &JobActionController::runNow);
    connect(
        actions->changeSchedule(), &QAction::triggered, this, &JobActionController::changeSchedule);
    connect(actions->reset(), &QAction::triggered, this, &JobActionController::reset);
    connect(actions->newJob(), &QAction::triggered, this, &JobActionController::newJob);
    connect(actions->deleteJob(), &QAction::triggered, this, &JobActionController::deleteJob);
    connect(actions->refresh(), &QAction::triggered, this, [this] {
        if (m_client)
            m_client->reload();
    });
}

void JobActionController::setClient(JobClient *client)
{
    m_client = client;
}

void JobActionController::perform(const JobAction &action, const QString &what, const QString &done)
{
    if (!m_client)
        return;
    m_client->perform(action, this, [this, what, done](const Result<ActionOutcome> &outcome) {
        if (outcome) {
            emit statusMessage(outcome->changed ? done : tr("%1: nothing to change").arg(what));
            emit actionFinished(true, done);
            return;
        }
        // The server's own words: a stale view, a refusal, a permission error.
        const QString message = outcome.error().message;
        MessageBoxes::warning(m_window, tr("%1 failed").arg(what), message);
        emit statusMessage(tr("%1 failed").arg(what));
        emit actionFinished(false, message);
    });
}

void JobActionController::setActiveOnSelection(bool active)
{
    const auto kind = active ? JobAction::Kind::Enable : JobAction::Kind::Disable;
    for (const Job &job : m_view->selectedJobs()) {
        if (job.active == active)
            continue;
        perform(JobAction::make(kind, job.name, job.rowVersion),
            active ? tr("Enabling %1").arg(job.name) : tr("Disabling %1").arg(job.name),
            active ? tr("Enabled %1").arg(job.name) : tr("Disabled %1").arg(job.name));
    }
}

void JobActionController::runNow()
{
    const auto job = m_view->currentJob();
    if (!job)
        return;
    perform(JobAction::make(JobAction::Kind::RunNow, job->name, job->rowVersion),
        tr("Running %1 now").arg(job->name),
        tr("%1 will run at the next runner check").arg(job->name));
}

void JobActionController::changeSchedule()
{
    const auto job = m_view->currentJob();
    if (!job)
        return;
    auto *dialog = new ScheduleDialog(*job, m_model->now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Job &job = dialog->job();
        // The policy group (issue 17): its own action after the schedule's (calls run in
        // order), on columns the schedule does not touch, so without an expected version.
        const auto performPolicy = [this, &job, policy = dialog->policy()->change()] {
            if (policy.isEmpty())
                return;
            JobAction action = JobAction::make(JobAction::Kind::SetPolicy, job.name, std::nullopt);
            action.policy = policy;
            perform(action, tr("Changing the policy of %1").arg(job.name),
                tr("%1 has its new policy").arg(job.name));
        };
        const QString what = tr("Changing the schedule of %1").arg(job.name);
        if (!dialog->isCron() && job.cronExpression.isEmpty()) {
            // Interval to interval stays the seed's update_interval (next_run = now + hours).
            JobAction action
                = JobAction::make(JobAction::Kind::SetInterval, job.name, job.rowVersion);
            action.hours = dialog->hours();
            perform(action, what, tr("%1 now runs every %2 h").arg(job.name).arg(dialog->hours()));
            performPolicy();
            return;
        }
        const Result<Schedule> schedule = dialog->schedule();
        if (!schedule)
            return; // OK is disabled while invalid
        JobAction action = JobAction::make(JobAction::Kind::SetSchedule, job.name, job.rowVersion);
        action.schedule = *schedule;
        perform(action, what, tr("%1 now runs %2").arg(job.name, schedule->describe()));
        performPolicy();
    });
    dialog->open();
}

void JobActionController::reset()
{
    const auto job = m_view->currentJob();
    if (!job)
        return;
    auto *dialog = new ResetDialog(*job, m_model->now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        JobAction action
            = JobAction::make(JobAction::Kind::Reset, dialog->job().name, dialog->job().rowVersion);
        action.options.reason = dialog->reason();
        action.options.force = dialog->force();
        perform(action, tr("Resetting %1").arg(dialog->job().name),
            tr("%1 is pending again").arg(dialog->job().name));
    });
    dialog->open();
}

void JobActionController::newJob()
{
    auto *dialog = new NewJobDialog(m_model->now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        JobAction action;
        action.kind = JobAction::Kind::Add;
        action.newJob = dialog->newJob();
        action.job = action.newJob.name;
        perform(action, tr("Adding %1").arg(action.newJob.name),
            tr("Added %1").arg(action.newJob.name));
    });
    dialog->open();
}

void JobActionController::deleteJob()
{
    const auto job = m_view->currentJob();
    if (!job)
        return;
    auto *dialog = new DeleteJobDialog(*job, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        perform(
            JobAction::make(JobAction::Kind::Remove, dialog->job().name, dialog->job().rowVersion),
            tr("Deleting %1").arg(dialog->job().name), tr("Deleted %1").arg(dialog->job().name));
    });
    dialog->open();
}
