#include "runner/scheduler.h"

#include "db/database.h"
#include "db/migrator.h"
#include "domain/jobrules.h"
#include "runner/runneraction.h"
#include "util/clientinfo.h"
#include "version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRunner, "cron.runner", QtInfoMsg)

namespace {

constexpr qint64 maxBackoffMs = 30'000;
constexpr qint64 notificationDelayMs = 10; // coalesces a burst of notifications into one wake
constexpr qint64 contendedRetryMs = 500; // a due job another runner holds the row lock on

} // namespace

Scheduler::Scheduler(const ConnectionSpec &database, const RunnerConfig &config, QObject *parent)
    : QObject(parent)
    , m_spec(database)
    , m_config(config)
    , m_name(config.runnerName.isEmpty()
              ? QStringLiteral("%1:%2").arg(ClientInfo::hostName()).arg(ClientInfo::processId())
              : config.runnerName)
{
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &Scheduler::wake);
    m_heartbeatTimer.setInterval(std::max(1, m_config.leaseSeconds / 3) * 1000);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &Scheduler::heartbeat);
    m_leaseGuardTimer.setInterval(500);
    connect(&m_leaseGuardTimer, &QTimer::timeout, this, &Scheduler::enforceLeases);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Scheduler::connectNow);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcRunner, "grace period over: killing %lld running action(s)",
            qint64(m_running.size()));
        // kill() may finish an action at once, which changes m_running: walk a copy of the names.
        const QList<QString> names = m_running.keys();
        for (const QString &name : names) {
            if (const auto it = m_running.constFind(name); it != m_running.cend())
                it->action->kill(tr("interrupted: the runner stopped"));
        }
    });
}

Scheduler::~Scheduler()
{
    for (Running &running : m_running) {
        running.action->disconnect(this);
        delete running.action;
    }
    m_leases.reset();
    m_db.reset();
}

void Scheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    qCInfo(lcRunner, "runner %s starting: %lld job(s) configured in %s, database %s",
        qPrintable(m_name), qint64(m_config.jobs.size()), qPrintable(m_config.filePath),
        qPrintable(m_spec.displayUrl()));
    m_heartbeatTimer.start();
    m_leaseGuardTimer.start();
    connectNow();
}

void Scheduler::connectNow()
{
    if (m_stopping && m_running.isEmpty())
        return;
    auto opened = Database::open(m_spec, QStringLiteral("runner"));
    Status ready = opened ? Status() : Status(opened.error());
    if (ready) {
        Migrator migrator(*opened.value());
        if (opened.value()->backend() == Backend::SQLite) {
            const auto applied = migrator.migrate();
            ready = applied ? Status() : Status(applied.error());
        } else {
            ready = migrator.checkUpToDate();
        }
    }
    if (!ready) {
        const qint64 delay
            = std::min(maxBackoffMs, qint64(500) << std::min(m_reconnectAttempts, 6));
        ++m_reconnectAttempts;
        qCWarning(lcRunner, "cannot reach the database (attempt %d, next in %lld ms): %s",
            m_reconnectAttempts, delay, qPrintable(ready.error().message));
        if (m_reconnectAttempts == 1)
            emit connectionLost(ready.error().message);
        m_reconnectTimer.start(int(delay));
        return;
    }
    m_db = std::move(opened).value();
    m_leases = std::make_unique<LeaseStore>(*m_db, m_name, m_config.leaseSeconds);
    RunnerInfo info;
    info.host = ClientInfo::hostName();
    info.pid = ClientInfo::processId();
    info.version = QStringLiteral(CRON_CONSOLE_VERSION);
    info.heartbeatSeconds = m_heartbeatTimer.interval() / 1000;
    info.jobs = m_config.jobs.keys();
    if (const Status registered = m_leases->registerRunner(info); !registered) {
        handleError(registered.error());
        return;
    }
    if (m_db->backend() == Backend::PostgreSQL) {
        QSqlDriver *driver = m_db->handle().driver();
        connect(driver, &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (m_config.jobs.contains(payload.toString()))
                    scheduleWake(notificationDelayMs);
            });
        if (!driver->subscribeToNotification(QStringLiteral("cron_jobs_changed")))
            qCWarning(lcRunner, "cannot listen on cron_jobs_changed; relying on polling");
    }
    if (m_reconnectAttempts > 0)
        qCInfo(lcRunner, "database reachable again after %d attempt(s)", m_reconnectAttempts);
    else
        qCInfo(lcRunner, "runner %s registered", qPrintable(m_name));
    m_reconnectAttempts = 0;
    emit connected();

    // Results that finished while the database was away, recorded now (fenced if taken over).
    const QList<PendingFinish> pending = std::exchange(m_pending, {});
    for (const PendingFinish &finish : pending)
        record(finish.claim, finish.result);
    if (m_leases && !m_stopping)
        scheduleWake(0);
    if (m_stopping && m_running.isEmpty())
        finishStop();
}

void Scheduler::disconnectNow(const QString &reason)
{
    if (!m_db)
        return;
    qCWarning(lcRunner, "lost the database: %s", qPrintable(reason));
    m_leases.reset();
    m_db.reset();
    m_wakeTimer.stop();
    emit connectionLost(reason);
    m_reconnectAttempts = 0;
    m_reconnectTimer.start(500);
}

void Scheduler::handleError(const Error &error)
{
    if (error.kind == Error::Kind::Connection || !m_db || !m_db->ping()) {
        disconnectNow(error.message);
        return;
    }
    qCWarning(lcRunner, "%s", qPrintable(error.message));
}

void Scheduler::scheduleWake(qint64 milliseconds)
{
    if (m_stopping || !m_leases)
        return;
    milliseconds = std::max<qint64>(0, milliseconds);
    if (m_wakeTimer.isActive() && m_wakeTimer.remainingTime() <= milliseconds)
        return;
    m_wakeTimer.start(int(std::min<qint64>(milliseconds, INT_MAX)));
}

QStringList Scheduler::idleJobNames() const
{
    QStringList names;
    for (auto it = m_config.jobs.cbegin(); it != m_config.jobs.cend(); ++it) {
        if (!m_running.contains(it.key()))
            names << it.key();
    }
    return names;
}

void Scheduler::wake()
{
    if (m_stopping || !m_leases)
        return;
    const QStringList idle = idleJobNames();
    const int freeSlots = m_config.maxConcurrentJobs - int(m_running.size());
    if (freeSlots > 0 && !idle.isEmpty()) {
        const auto claims = m_leases->claimDue(idle, freeSlots);
        if (!claims) {
            handleError(claims.error());
            return;
        }
        for (const Claim &claim : *claims)
            startAction(claim);
    }

    // When to look again: the earliest moment one of our idle jobs becomes claimable.
    const auto jobs = m_leases->jobs(idleJobNames());
    if (!jobs) {
        handleError(jobs.error());
        return;
    }
    const bool freeSlot = int(m_running.size()) < m_config.maxConcurrentJobs;
    qint64 delay = qint64(m_config.maxPollSeconds) * 1000;
    for (const Job &job : *jobs) {
        if (!job.active)
            continue;
        const QDateTime now = job.readAt;
        QDateTime at;
        if (JobRules::shouldRun(job, now))
            at = freeSlot ? now.addMSecs(contendedRetryMs) : QDateTime();
        else
            at = JobRules::claimableFrom(job, now); // also after a forced reset's hold-back
        if (at.isValid())
            delay = std::min(delay, now.msecsTo(at));
    }
    scheduleWake(delay);
}

void Scheduler::startAction(const Claim &claim)
{
    const auto spec = m_config.jobs.constFind(claim.job.name);
    if (spec == m_config.jobs.cend()) { // cannot happen: we only claim configured names
        if (const Status released = m_leases->release(claim); !released)
            handleError(released.error());
        return;
    }
    Running running;
    running.claim = claim;
    running.action = RunnerAction::create(*spec, m_spec, this).release();
    running.sinceRenewal.start();
    const QString name = claim.job.name;
    connect(running.action, &RunnerAction::finished, this,
        [this, name](const ExecutionResult &result) { onActionFinished(name, result); });
    m_running.insert(name, running);
    qCInfo(lcRunner, "started %s (lease token %lld)", qPrintable(name), claim.token);
    emit jobStarted(name, claim.token);
    running.action->start();
}

void Scheduler::onActionFinished(const QString &job, const ExecutionResult &result)
{
    const auto found = m_running.constFind(job);
    if (found == m_running.cend())
        return;
    const Running running = *found;
    m_running.erase(found);
    running.action->deleteLater();
    if (result.success)
        qCInfo(lcRunner, "finished %s: success in %.3f s", qPrintable(job), result.durationSeconds);
    else
        qCWarning(lcRunner, "finished %s: error in %.3f s: %s", qPrintable(job),
            result.durationSeconds, qPrintable(result.error));
    if (running.leaseLost) {
        qCWarning(lcRunner,
            "the lease of %s was taken over (token %lld); its result is not recorded",
            qPrintable(job), running.claim.token);
        emit jobFinished(job, result, false);
    } else {
        record(running.claim, result);
    }
    if (m_stopping && m_running.isEmpty())
        finishStop();
    else
        scheduleWake(0);
}

void Scheduler::record(const Claim &claim, const ExecutionResult &result)
{
    if (!m_leases) {
        m_pending << PendingFinish{claim, result};
        return;
    }
    const auto recorded = m_leases->finish(claim, result);
    if (!recorded) {
        if (recorded.error().kind == Error::Kind::Connection || !m_db->ping())
            m_pending << PendingFinish{claim, result};
        handleError(recorded.error());
        return;
    }
    if (!*recorded)
        qCWarning(lcRunner,
            "refused to record %s: lease token %lld is no longer current (the job "
            "was reset or taken over)",
            qPrintable(claim.job.name), claim.token);
    emit jobFinished(claim.job.name, result, *recorded);
}

void Scheduler::heartbeat()
{
    if (!m_leases)
        return;
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->leaseLost)
            continue;
        const auto renewed = m_leases->renew(it->claim);
        if (!renewed) {
            handleError(renewed.error());
            return;
        }
        if (*renewed) {
            it->sinceRenewal.restart();
        } else {
            it->leaseLost = true;
            qCWarning(lcRunner, "lost the lease of %s (reset or taken over); stopping its action",
                qPrintable(it.key()));
            it->action->kill(tr("lease lost: the job was reset or taken over"));
            return; // the action's finish changed m_running
        }
    }
    if (const Status beat = m_leases->heartbeat(m_running.keys()); !beat)
        handleError(beat.error());
}

void Scheduler::enforceLeases()
{
    // Self-fencing: an action whose lease could not be renewed for most of its length is
    // stopped before the lease can expire, so no other runner can start it while it runs.
    const qint64 limit = qint64(m_config.leaseSeconds) * 800;
    const QList<QString> names = m_running.keys();
    for (const QString &name : names) {
        const auto it = m_running.constFind(name);
        if (it == m_running.cend() || it->leaseLost || it->sinceRenewal.elapsed() < limit)
            continue;
        qCWarning(lcRunner, "cannot renew the lease of %s for %lld ms; stopping its action",
            qPrintable(name), it->sinceRenewal.elapsed());
        it->action->kill(tr("interrupted: the lease could not be renewed (database unreachable)"));
    }
}

void Scheduler::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_wakeTimer.stop();
    qCInfo(lcRunner, "stopping: %lld running action(s), grace %d s", qint64(m_running.size()),
        m_config.graceSeconds);
    if (m_running.isEmpty()) {
        finishStop();
        return;
    }
    m_graceTimer.start(m_config.graceSeconds * 1000);
}

void Scheduler::finishStop()
{
    m_graceTimer.stop();
    m_heartbeatTimer.stop();
    m_leaseGuardTimer.stop();
    m_reconnectTimer.stop();
    if (!m_pending.isEmpty())
        qCWarning(lcRunner, "%lld result(s) could not be recorded: the database is unreachable",
            qint64(m_pending.size()));
    if (m_leases) {
        if (const Status gone = m_leases->deregister(); !gone)
            qCWarning(lcRunner, "%s", qPrintable(gone.error().message));
    }
    m_leases.reset();
    m_db.reset();
    qCInfo(lcRunner, "runner %s stopped", qPrintable(m_name));
    emit stopped();
}
