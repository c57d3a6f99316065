#include "core/client/workstationrunner.h"

#include "core/runner/runnerconfig.h"
#include "core/runner/scheduler.h"
#include "core/util/clientinfo.h"

#include <QThread>

WorkstationRunner::WorkstationRunner(QObject *parent)
    : QObject(parent)
{ }

WorkstationRunner::~WorkstationRunner()
{
    if (!m_thread)
        return;
    // Our queued slots will not run any more: the thread ends by itself once the scheduler has
    // stopped (stopped → deleteLater → destroyed → quit).
    disconnect(m_thread, nullptr, this, nullptr);
    if (m_state != State::Stopping)
        stopInThread();
    m_thread->wait();
    delete m_host;
    delete m_thread;
}

Status WorkstationRunner::start(const ConnectionSpec &database, const QString &configPath)
{
    if (m_state != State::Off)
        return Error::invalidInput(tr("the workstation runner is already running"));
    Result<RunnerConfig> loaded = RunnerConfig::load(configPath);
    if (!loaded)
        return loaded.error();
    const RunnerConfig config = *loaded;

    m_spec = database;
    m_configPath = configPath;
    m_name = config.runnerName.isEmpty()
        ? QStringLiteral("%1:%2").arg(ClientInfo::hostName()).arg(ClientInfo::processId())
        : config.runnerName; // as Scheduler names itself
    m_running.clear();
    m_connected = false;
    m_thread = new QThread; // not our child: it must outlive a parent being torn down
    m_thread->setObjectName(QStringLiteral("workstation runner"));
    m_host = new QObject;
    m_host->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, this, &WorkstationRunner::onThreadFinished);
    m_thread->start();

    QObject *host = m_host;
    QMetaObject::invokeMethod(
        host,
        [this, host, database, config] {
            // On the runner's thread from here on.
            auto *scheduler = new Scheduler(database, config, host);
            QThread *thread = QThread::currentThread();
            // The scheduler ends its own life after stopping, and then its thread's.
            connect(scheduler, &Scheduler::stopped, scheduler, &QObject::deleteLater);
            connect(scheduler, &QObject::destroyed, thread, &QThread::quit, Qt::DirectConnection);
            // To the GUI side, queued: plain values only.
            connect(scheduler, &Scheduler::connected, this, [this] {
                m_connected = true;
                emit connectionChanged(true, {});
            });
            connect(scheduler, &Scheduler::connectionLost, this, [this](const QString &message) {
                m_connected = false;
                emit connectionChanged(false, message);
            });
            connect(scheduler, &Scheduler::jobStarted, this, [this](const QString &job, qint64) {
                if (!m_running.contains(job))
                    m_running.append(job);
                emit runningJobsChanged(m_running);
            });
            connect(scheduler, &Scheduler::jobFinished, this,
                [this](const QString &job, const ExecutionResult &result, bool) {
                    m_running.removeAll(job);
                    emit runningJobsChanged(m_running);
                    emit jobFinished(job, result.success, result.error);
                });
            scheduler->start();
        },
        Qt::QueuedConnection);
    setState(State::Running);
    return {};
}

void WorkstationRunner::stopInThread()
{
    QMetaObject::invokeMethod(
        m_host,
        [host = m_host] {
            if (auto *scheduler = host->findChild<Scheduler *>())
                scheduler->stop();
            else
                QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
}

void WorkstationRunner::stop()
{
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    stopInThread();
}

void WorkstationRunner::onThreadFinished()
{
    delete m_host; // its thread has ended: nothing else can touch it
    m_host = nullptr;
    m_thread->deleteLater();
    m_thread = nullptr;
    m_running.clear();
    m_connected = false;
    setState(State::Off);
    emit runningJobsChanged(m_running);
    emit stopped();
}

void WorkstationRunner::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}
