#include "ui/actions/jobactioncontroller.h"

#include "core/client/jobclient.h"
#include "core/domain/jobrules.h"
#include "ui/actions/jobactions.h"
#include "ui/common/messageboxes.h"
#include "ui/common/messagetext.h"
#include "ui/dialogs/deletejobdialog.h"
#include "ui/dialogs/dialogsubmission.h"
#include "ui/dialogs/editjobdialog.h"
#include "ui/dialogs/newjobdialog.h"
#include "ui/dialogs/policyeditor.h"
#include "ui/dialogs/resetdialog.h"
#include "ui/dialogs/scheduledialog.h"
#include "ui/jobs/jobsview.h"
#include "ui/jobs/jobtablemodel.h"

#include <QLocale>

#include <memory>

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
    connect(actions->editJob(), &QAction::triggered, this, &JobActionController::editJob);
    connect(actions->refresh(), &QAction::triggered, this, [this] {
        if (m_client)
            m_client->reload();
    });
}

void JobActionController::setClient(JobClient *client)
{
    m_client = client;
    m_runnerJobs.reset();
    if (!client)
        return;
    // Which jobs a runner that is up has in its config, for Run now's message (the Runners
    // panel keeps the list fresh).
    connect(client, &JobClient::runnersLoaded, this, [this](const QList<RunnerInfo> &runners) {
        QSet<QString> jobs;
        for (const RunnerInfo &runner : runners) {
            if (!runner.stoppedAt.isValid() && !runner.stale)
                jobs.unite(QSet<QString>(runner.jobs.cbegin(), runner.jobs.cend()));
        }
        m_runnerJobs = jobs;
    });
}

void JobActionController::perform(const JobAction &action, const QString &what, const QString &done,
    DialogSubmission *from, std::function<void(const ActionOutcome &)> then)
{
    if (!m_client)
        return;
    const QPointer<DialogSubmission> submission(from);
    const bool adding = action.kind == JobAction::Kind::Add;
    m_client->perform(action, this,
        [this, what, done, submission, adding, then](const Result<ActionOutcome> &outcome) {
            if (outcome) {
                if (then)
                    then(*outcome);
                else if (submission)
                    submission->succeeded();
                emit statusMessage(outcome->changed ? done : tr("%1: nothing to change").arg(what));
                emit actionFinished(true, done);
                return;
            }
            // The server's own words: a stale view, a refusal, a permission error.
            const QString message = MessageText::sentence(outcome.error().message);
            if (submission && DialogSubmission::keepsInput(outcome.error(), adding)) {
                // In the dialog, which stays open with what was typed.
                const QString hint = MessageText::hint(outcome.error(), adding);
                submission->failed(hint.isEmpty()
                        ? message
                        : MessageText::fullSentence(message) + QLatin1Char('\n') + hint);
                emit statusMessage(tr("%1 failed").arg(what));
                emit actionFinished(false, message);
                return;
            }
            if (submission)
                submission->close();
            MessageBoxes::warning(m_window, tr("%1 failed").arg(what), message);
            emit statusMessage(tr("%1 failed").arg(what));
            emit actionFinished(false, message);
        });
}

void JobActionController::performAll(
    const QList<JobAction> &actions, const WhatText &what, const DoneText &done)
{
    if (!m_client || actions.isEmpty())
        return;
    struct Batch {
        int pending = 0;
        QStringList changed;
        QStringList unchanged;
        QStringList failures; // "name: the server's message"
        QStringList failed; // their names, for the box's title
    };
    auto batch = std::make_shared<Batch>();
    batch->pending = int(actions.size());
    QStringList all;
    for (const JobAction &action : actions)
        all << action.job;
    for (const JobAction &action : actions) {
        m_client->perform(action, this,
            [this, batch, what, done, all, name = action.job](
                const Result<ActionOutcome> &outcome) {
                if (!outcome) {
                    batch->failures << tr("%1: %2").arg(name, outcome.error().message);
                    batch->failed << name;
                } else if (outcome->changed)
                    batch->changed << name;
                else
                    batch->unchanged << name;
                if (--batch->pending > 0)
                    return;
                const QString list = QLocale().createSeparatedList(batch->changed);
                QString message = batch->changed.isEmpty()
                    ? tr("%1: nothing to change").arg(what(QLocale().createSeparatedList(all)))
                    : done(list, int(batch->changed.size()));
                if (!batch->failures.isEmpty()) {
                    // One box for all the refusals, in the server's own words, titled with
                    // the jobs that failed only (not "Resetting a and b failed" for b alone).
                    const QString failedWhat
                        = tr("%1 failed").arg(what(QLocale().createSeparatedList(batch->failed)));
                    MessageBoxes::warning(m_window, failedWhat, batch->failures.join(u'\n'));
                    message = batch->changed.isEmpty()
                        ? failedWhat
                        : tr("%1; %n failed", nullptr, int(batch->failures.size())).arg(message);
                }
                emit statusMessage(message);
                emit actionFinished(batch->failures.isEmpty(),
                    batch->failures.isEmpty() ? message : batch->failures.join(u'\n'));
            });
    }
}

void JobActionController::setActiveOnSelection(bool active)
{
    const auto kind = active ? JobAction::Kind::Enable : JobAction::Kind::Disable;
    QList<JobAction> actions;
    for (const Job &job : m_view->selectedJobs()) {
        if (job.active != active)
            actions << JobAction::make(kind, job.name, job.rowVersion);
    }
    performAll(
        actions,
        [active](const QString &names) {
            return active ? tr("Enabling %1").arg(names) : tr("Disabling %1").arg(names);
        },
        [active](const QString &list, int) {
            return active ? tr("Enabled %1").arg(list) : tr("Disabled %1").arg(list);
        });
}

void JobActionController::runNow()
{
    // Every selected job that may run now: active and not already running.
    QList<JobAction> actions;
    for (const Job &job : m_view->selectedJobs()) {
        if (job.active && JobRules::state(job, m_model->now()) != JobState::Running)
            actions << JobAction::make(JobAction::Kind::RunNow, job.name, job.rowVersion);
    }
    // A job no runner that is up has in its config stays "due now" until one has: say so
    // instead of promising the next check.
    QStringList unserved;
    if (m_runnerJobs) {
        for (const JobAction &action : std::as_const(actions)) {
            if (!m_runnerJobs->contains(action.job))
                unserved << action.job;
        }
    }
    performAll(
        actions, [](const QString &names) { return tr("Running %1 now").arg(names); },
        [unserved](const QString &list, int) {
            QString text = tr("%1 will run at the next runner check").arg(list);
            if (!unserved.isEmpty())
                text += QStringLiteral("; ")
                    + tr("no runner that is up has %1 in its runner config; due jobs wait for one "
                         "that has")
                          .arg(QLocale().createSeparatedList(unserved));
            return text;
        });
}

void JobActionController::changeSchedule()
{
    const auto job = m_view->currentJob();
    if (!job)
        return;
    auto *dialog = new ScheduleDialog(*job, m_model->now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *submission = new DialogSubmission(dialog, dialog->buttons());
    connect(submission, &DialogSubmission::submitted, this, [this, dialog, submission] {
        const Job &job = dialog->job();
        // The policy group (issue 17): its own action after the schedule's (calls run in
        // order), on columns the schedule does not touch, so without an expected version.
        const auto performPolicy = [this, name = job.name, policy = dialog->policy()->change()] {
            this->performPolicy(name, policy);
        };
        // The dialog closes once the schedule is stored; the policy follows it.
        const std::function<void(const ActionOutcome &)> thenPolicy
            = [submission, performPolicy](const ActionOutcome &) {
                  performPolicy();
                  submission->succeeded();
              };
        const QString what = tr("Changing the schedule of %1").arg(job.name);
        if (!dialog->isCron() && job.cronExpression.isEmpty()) {
            // Interval to interval stays the seed's update_interval (next_run = now + hours).
            JobAction action
                = JobAction::make(JobAction::Kind::SetInterval, job.name, job.rowVersion);
            action.hours = dialog->hours();
            perform(action, what, tr("%1 now runs every %2 h").arg(job.name).arg(dialog->hours()),
                submission, thenPolicy);
            return;
        }
        const Result<Schedule> schedule = dialog->schedule();
        if (!schedule) { // OK is disabled while invalid
            submission->failed(MessageText::sentence(schedule.error().message));
            return;
        }
        JobAction action = JobAction::make(JobAction::Kind::SetSchedule, job.name, job.rowVersion);
        action.schedule = *schedule;
        perform(action, what, tr("%1 now runs %2").arg(job.name, schedule->describe()), submission,
            thenPolicy);
    });
    dialog->open();
}

void JobActionController::performPolicy(const QString &name, const PolicyChange &policy)
{
    if (policy.isEmpty())
        return;
    JobAction action = JobAction::make(JobAction::Kind::SetPolicy, name, std::nullopt);
    action.policy = policy;
    perform(
        action, tr("Changing the policy of %1").arg(name), tr("%1 has its new policy").arg(name));
}

void JobActionController::reset()
{
    // The running or stuck jobs of the selection, the current one first: its dialog shows
    // who holds it, and its reason and Force apply to all of them.
    QList<Job> jobs;
    const auto current = m_view->currentJob();
    for (const Job &job : m_view->selectedJobs()) {
        const JobState state = JobRules::state(job, m_model->now());
        if (state != JobState::Running && state != JobState::Stuck)
            continue;
        if (current && job.id == current->id)
            jobs.prepend(job);
        else
            jobs.append(job);
    }
    if (jobs.isEmpty())
        return;
    // It names each job with its holder, and says how many (issue 16).
    auto *dialog = new ResetDialog(jobs, m_model->now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *submission = new DialogSubmission(dialog, dialog->buttons());
    connect(submission, &DialogSubmission::submitted, this, [this, dialog, submission, jobs] {
        if (jobs.size() == 1) {
            JobAction action = JobAction::make(
                JobAction::Kind::Reset, dialog->job().name, dialog->job().rowVersion);
            action.options.reason = dialog->reason();
            action.options.force = dialog->force();
            perform(action, tr("Resetting %1").arg(dialog->job().name),
                tr("%1 is pending again").arg(dialog->job().name), submission);
            return;
        }
        // Several jobs: one message naming them all (performAll), not the dialog's.
        QList<JobAction> actions;
        for (const Job &job : jobs) {
            JobAction action = JobAction::make(JobAction::Kind::Reset, job.name,
                job.id == dialog->job().id ? dialog->job().rowVersion : job.rowVersion);
            action.options.reason = dialog->reason();
            action.options.force = dialog->force();
            actions << action;
        }
        submission->close();
        performAll(
            actions, [](const QString &names) { return tr("Resetting %1").arg(names); },
            [](const QString &list, int count) {
                return tr("%1 is pending again", nullptr, count).arg(list);
            });
    });
    dialog->open();
}

void JobActionController::newJob()
{
    auto *dialog = new NewJobDialog(m_model->now(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *submission = new DialogSubmission(dialog, dialog->buttons());
    connect(submission, &DialogSubmission::submitted, this, [this, dialog, submission] {
        JobAction action;
        action.kind = JobAction::Kind::Add;
        action.newJob = dialog->newJob();
        action.job = action.newJob.name;
        // The policy group (issue 17) follows the add, as in Change schedule: the dialog closes
        // once the job exists (a second OK would add it twice).
        const PolicyChange policy = dialog->policy()->change();
        std::function<void(const ActionOutcome &)> thenPolicy;
        if (!policy.isEmpty())
            thenPolicy = [this, submission, policy, name = action.job](const ActionOutcome &) {
                submission->succeeded();
                performPolicy(name, policy);
            };
        perform(action, tr("Adding %1").arg(action.newJob.name),
            tr("Added %1").arg(action.newJob.name), submission, thenPolicy);
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
    auto *submission = new DialogSubmission(dialog, dialog->buttons());
    connect(submission, &DialogSubmission::submitted, this, [this, dialog, submission] {
        perform(
            JobAction::make(JobAction::Kind::Remove, dialog->job().name, dialog->job().rowVersion),
            tr("Deleting %1").arg(dialog->job().name), tr("Deleted %1").arg(dialog->job().name),
            submission);
    });
    dialog->open();
}

void JobActionController::editJob()
{
    const auto job = m_view->currentJob();
    if (!job)
        return;
    auto *dialog = new EditJobDialog(*job, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *submission = new DialogSubmission(dialog, dialog->buttons());
    connect(submission, &DialogSubmission::submitted, this, [this, dialog, submission] {
        const Job &before = dialog->job();
        const QString newName = dialog->name();
        const QString description = dialog->description();
        const QString reason = dialog->reason();
        const PolicyChange policy = dialog->policy()->change();
        // Cancel may close the dialog between the actions.
        const QPointer<DialogSubmission> guard(submission);
        // The policy goes last, under the name the job has by then (it takes no row version,
        // so it does not make the rename's or the description's version stale). On an error
        // the dialog keeps what was typed.
        auto thenPolicy = [this, guard, policy](const QString &name) {
            if (policy.isEmpty()) {
                if (guard)
                    guard->succeeded();
                return;
            }
            JobAction action = JobAction::make(JobAction::Kind::SetPolicy, name, std::nullopt);
            action.policy = policy;
            perform(action, tr("Changing the policy of %1").arg(name),
                tr("%1 has its new policy").arg(name), guard.data());
        };
        // The description goes second, under the name it has by then, so one OK is both.
        // `done`: what the status bar says afterwards (a rename before it is named there too).
        auto describe = [this, guard, description, reason, thenPolicy](const QString &name,
                            std::optional<qint64> version, const QString &done) {
            JobAction action = JobAction::make(JobAction::Kind::SetDescription, name, version);
            action.text = description;
            action.options.reason = reason;
            perform(action, tr("Changing the description of %1").arg(name), done, guard.data(),
                [thenPolicy](const ActionOutcome &changed) { thenPolicy(changed.job.name); });
        };
        if (newName == before.name) {
            if (description != before.description || policy.isEmpty())
                describe(before.name, before.rowVersion,
                    tr("Changed the description of %1").arg(before.name));
            else
                thenPolicy(before.name); // the policy only
            return;
        }
        JobAction rename = JobAction::make(JobAction::Kind::Rename, before.name, before.rowVersion);
        rename.text = newName;
        rename.options.reason = reason;
        const bool describing = description != before.description;
        perform(rename, tr("Renaming %1").arg(before.name),
            tr("Renamed %1 to %2").arg(before.name, newName), submission,
            [describe, describing, thenPolicy, from = before.name](const ActionOutcome &renamed) {
                if (describing)
                    describe(renamed.job.name, renamed.job.rowVersion,
                        tr("Renamed %1 to %2 and changed its description")
                            .arg(from, renamed.job.name));
                else
                    thenPolicy(renamed.job.name);
            });
    });
    dialog->open();
}
