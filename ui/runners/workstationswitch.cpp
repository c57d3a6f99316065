#include "ui/runners/workstationswitch.h"

#include "core/client/workstationrunner.h"
#include "core/settings/consolesettings.h"
#include "ui/common/messageboxes.h"
#include "ui/runners/runnerconfigeditor.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QWidget>

WorkstationSwitch::WorkstationSwitch(QAction *action, QWidget *window)
    : QObject(window)
    , m_action(action)
    , m_window(window)
    , m_runner(new WorkstationRunner(this))
{
    // triggered, not toggled: only the user's (or a test's) click decides, never setChecked.
    connect(m_action, &QAction::triggered, this, &WorkstationSwitch::onToggled);
    connect(m_runner, &WorkstationRunner::stateChanged, this, &WorkstationSwitch::updateAction);
    connect(
        m_runner, &WorkstationRunner::runningJobsChanged, this, &WorkstationSwitch::updateAction);
    connect(m_runner, &WorkstationRunner::connectionChanged, this,
        [this](bool connected, const QString &message) {
            if (!connected && !message.isEmpty())
                emit statusMessage(tr("Workstation runner: %1; retrying").arg(message), 8000);
            updateAction();
        });
    connect(m_runner, &WorkstationRunner::jobFinished, this,
        [this](const QString &job, bool success, const QString &error) {
            emit statusMessage(success ? tr("This workstation ran %1").arg(job)
                                       : tr("This workstation ran %1: %2").arg(job, error),
                8000);
        });
    connect(m_runner, &WorkstationRunner::stopped, this, &WorkstationSwitch::onStopped);
    updateAction();
}

bool WorkstationSwitch::rememberedOn()
{
    return ConsoleSettings::runnerEnabled.value();
}

void WorkstationSwitch::remember(bool on) const
{
    if (m_remembered)
        ConsoleSettings::runnerEnabled.setValue(on);
}

void WorkstationSwitch::setDatabase(const ConnectionSpec &spec)
{
    const bool changed = !m_hasSpec || spec.displayUrl() != m_spec.displayUrl();
    m_spec = spec;
    m_hasSpec = true;
    if (changed)
        restartIfRunning();
}

void WorkstationSwitch::onToggled(bool on)
{
    if (on) {
        turnOn();
    } else {
        remember(false);
        turnOff();
    }
}

void WorkstationSwitch::turnOn()
{
    if (m_runner->isActive() || !m_hasSpec) {
        updateAction();
        return;
    }
    if (!QFileInfo::exists(m_configPath)) {
        updateAction(); // stays off
        const QString path = m_configPath;
        MessageBoxes::question(m_window, tr("No runner config"),
            tr("This workstation has no runner config at %1 yet. The runner only runs the jobs "
               "that file names.\n\nCreate it from a small template and open the editor?")
                .arg(QDir::toNativeSeparators(path)),
            tr("&Create and edit"), [this, path] {
                // The editor shows the file; an error saving it shows there too.
                if (const Status saved
                    = RunnerConfig::save(path, RunnerConfigEditor::templateJson());
                    !saved)
                    emit statusMessage(saved.error().message, 15000);
                emit editConfigRequested();
            });
        return;
    }
    const Status started = m_runner->start(m_spec, m_configPath);
    if (!started) {
        updateAction(); // the switch stays off
        MessageBoxes::warning(
            m_window, tr("The workstation runner cannot start"), started.error().message);
        emit statusMessage(started.error().message, 15000);
        if (started.error().kind == Error::Kind::Config)
            emit editConfigRequested();
        return;
    }
    remember(true);
    emit statusMessage(
        tr("Running jobs on this workstation as %1").arg(m_runner->runnerName()), 8000);
    updateAction();
}

void WorkstationSwitch::turnOff()
{
    m_restartAfterStop = false;
    m_runner->stop();
    updateAction();
}

void WorkstationSwitch::restartIfRunning()
{
    if (m_runner->state() == WorkstationRunner::State::Off)
        return;
    m_restartAfterStop = true;
    m_runner->stop();
    updateAction();
}

void WorkstationSwitch::stopThen(std::function<void()> done)
{
    if (m_runner->state() == WorkstationRunner::State::Off) {
        done();
        return;
    }
    m_restartAfterStop = false;
    m_afterStop = std::move(done);
    m_runner->stop();
    updateAction();
}

void WorkstationSwitch::onStopped()
{
    emit statusMessage(tr("The workstation runner stopped"), 5000);
    if (auto done = std::exchange(m_afterStop, {})) {
        done();
        return;
    }
    if (std::exchange(m_restartAfterStop, false))
        turnOn();
    updateAction();
}

void WorkstationSwitch::updateAction()
{
    const WorkstationRunner::State state = m_runner->state();
    m_action->setChecked(state == WorkstationRunner::State::Running);
    m_action->setEnabled(state != WorkstationRunner::State::Stopping);
    const int running = int(m_runner->runningJobs().size());
    QString summary;
    switch (state) {
    case WorkstationRunner::State::Off:
        m_action->setToolTip(tr("Run the jobs named in this workstation's runner config (%1)")
                                 .arg(QDir::toNativeSeparators(m_configPath)));
        break;
    case WorkstationRunner::State::Running:
        m_action->setToolTip(tr("This workstation runs jobs as %1; click to stop it gracefully")
                                 .arg(m_runner->runnerName()));
        summary = !m_runner->isConnected() ? tr("Runner: connecting…")
            : running == 0                 ? tr("Runner: on, idle")
                                           : tr("Runner: %n running", nullptr, running);
        break;
    case WorkstationRunner::State::Stopping:
        summary = tr("Stopping… (waiting for %n running job(s))", nullptr, running);
        m_action->setToolTip(summary);
        break;
    }
    emit summaryChanged(summary);
}
