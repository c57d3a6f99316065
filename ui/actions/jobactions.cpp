#include "ui/actions/jobactions.h"

#include "core/domain/jobrules.h"
#include "ui/actions/actionicons.h"

#include <QAction>
#include <QStyle>
#include <QWidget>

namespace {

// The tooltip an action shows when it applies, kept to restore after a "why not" tooltip.
const char *baseToolTipProperty = "cronBaseToolTip";

void setApplicable(QAction *action, bool applies, const QString &whyNot)
{
    action->setEnabled(applies && whyNot.isEmpty());
    action->setToolTip(
        whyNot.isEmpty() ? action->property(baseToolTipProperty).toString() : whyNot);
}

} // namespace

JobActions::JobActions(QWidget *parent)
    : QObject(parent)
    , m_icons(new ActionIcons(parent))
{
    m_enable
        = make(tr("&Enable"), tr("Enable the selected jobs"), QKeySequence(Qt::CTRL | Qt::Key_E),
            QStringLiteral("media-playback-start"), QStyle::SP_DialogYesButton);
    m_disable
        = make(tr("&Disable"), tr("Disable the selected jobs"), QKeySequence(Qt::CTRL | Qt::Key_D),
            QStringLiteral("media-playback-pause"), QStyle::SP_DialogNoButton);
    m_runNow = make(tr("R&un now"), tr("Schedule the job to run at the next runner check"),
        QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("system-run"), QStyle::SP_MediaPlay);
    m_changeSchedule = make(tr("Change &schedule…"), tr("Change how often the job runs"),
        QKeySequence(Qt::CTRL | Qt::Key_I), QStringLiteral("appointment-new"),
        QStyle::SP_FileDialogDetailedView);
    m_reset = make(tr("Re&set…"), tr("Put a running or stuck job back to pending"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QStringLiteral("edit-undo"),
        QStyle::SP_BrowserStop);
    m_newJob = make(tr("&New job…"), tr("Add a job"), QKeySequence::New,
        QStringLiteral("document-new"), QStyle::SP_FileIcon);
    m_deleteJob = make(tr("De&lete job…"), tr("Delete the job"), QKeySequence::Delete,
        QStringLiteral("edit-delete"), QStyle::SP_TrashIcon);
    m_editJob = make(tr("Ed&it job…"), tr("Change the job's name or description"),
        QKeySequence(Qt::Key_F2), QStringLiteral("document-edit"), QStyle::SP_FileDialogInfoView);
    m_refresh = make(tr("Re&fresh"), tr("Read every job again"), QKeySequence::Refresh,
        QStringLiteral("view-refresh"), QStyle::SP_BrowserReload);
    m_runOnWorkstation = make(tr("Run jobs on this &workstation"),
        tr("Run the jobs named in this workstation's runner config"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), QStringLiteral("network-server"),
        QStyle::SP_ComputerIcon);
    m_runOnWorkstation->setCheckable(true);
    update({}, {}, false, false, {});
}

QAction *JobActions::make(const QString &text, const QString &toolTip, const QKeySequence &shortcut,
    const QString &themeIcon, int fallbackIcon)
{
    auto *action = new QAction(text, this);
    m_icons->set(action, themeIcon, static_cast<QStyle::StandardPixmap>(fallbackIcon));
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        // Shortcuts work anywhere in the window, including the table.
        action->setShortcutContext(Qt::WindowShortcut);
    }
    const QString full = shortcut.isEmpty()
        ? toolTip
        : tr("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText));
    action->setProperty(baseToolTipProperty, full);
    action->setToolTip(full);
    action->setStatusTip(toolTip);
    return action;
}

QList<QAction *> JobActions::editActions() const
{
    return {
        m_enable, m_disable, m_runNow, m_changeSchedule, m_reset, m_newJob, m_deleteJob, m_editJob};
}

void JobActions::update(const QList<Job> &selected, const QDateTime &now, bool connected,
    bool writable, const QString &readOnlyReason)
{
    QString whyNot;
    if (!connected)
        whyNot = tr("Not connected to the database: reconnecting…");
    else if (!writable)
        whyNot
            = readOnlyReason.isEmpty() ? tr("This connection may only read jobs.") : readOnlyReason;

    const bool one = selected.size() == 1;
    const bool anyInactive = std::any_of(
        selected.cbegin(), selected.cend(), [](const Job &job) { return !job.active; });
    const bool anyActive = std::any_of(
        selected.cbegin(), selected.cend(), [](const Job &job) { return job.active; });
    // Run now and Reset act on every selected job they apply to.
    const bool anyMayRun = std::any_of(selected.cbegin(), selected.cend(), [&](const Job &job) {
        return job.active && JobRules::state(job, now) != JobState::Running;
    });
    const bool running = std::any_of(selected.cbegin(), selected.cend(), [&](const Job &job) {
        const JobState state = JobRules::state(job, now);
        return state == JobState::Running || state == JobState::Stuck;
    });

    setApplicable(m_enable, anyInactive, whyNot);
    setApplicable(m_disable, anyActive, whyNot);
    setApplicable(m_runNow, anyMayRun, whyNot);
    setApplicable(m_changeSchedule, one, whyNot);
    setApplicable(m_reset, running, whyNot);
    setApplicable(m_newJob, true, whyNot);
    setApplicable(m_deleteJob, one, whyNot);
    setApplicable(m_editJob, one, whyNot); // a running job's name is kept by the dialog
    m_refresh->setEnabled(connected);
}
