#include "core/runner/scheduler.h"

#include "core/db/database.h"
#include "core/db/migrator.h"
#include "core/domain/jobpolicy.h"
#include "core/domain/jobrules.h"
#include "core/runner/notifier.h"
#include "core/runner/outputwriter.h"
#include "core/runner/resultjournal.h"
#include "core/runner/runneraction.h"
#include "core/runner/runoutputbuffer.h"
#include "core/runner/sqlaction.h"
#include "core/runner/sqlsessionpool.h"
#include "core/store/pausestore.h"
#include "core/store/runstore.h"
#include "core/util/bootclock.h"
#include "core/util/clientinfo.h"
#include "version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRunner, "cron.runner", QtInfoMsg)

namespace {

constexpr qint64 maxBackoffMs = 30'000;
constexpr qint64 notificationDelayMs = 10; // coalesces a burst of notifications into one wake
constexpr qint64 contendedRetryMs = 500; // a due job another runner holds the row lock on
constexpr int planHorizonSeconds
    = 10; // how far ahead a runner looks for its next wake (PostgreSQL)
constexpr qint64 announceIntervalMs = 250; // this runner's own writes, announced coalesced
constexpr int transientRetries = 3; // a lock or statement timeout: retried as is this often
// How often abort requests are looked for: SQLite has no NOTIFY; on PostgreSQL the notification
// is the fast path and this a fallback (a notification lost with a connection).
constexpr int abortPollSqliteMs = 500;
constexpr int abortPollPostgresMs = 5000;

// libpq options that bound a connection to an unreachable or silent server (DESIGN.md, platform
// facts): set unless the URL sets them itself.
ConnectionSpec withDeadlines(ConnectionSpec spec, int callTimeoutMs)
{
    const QMap<QString, QString> defaults{
        {QStringLiteral("connect_timeout"), QString::number(std::max(2, callTimeoutMs / 1000))},
        {QStringLiteral("keepalives"), QStringLiteral("1")},
        {QStringLiteral("keepalives_idle"), QStringLiteral("5")},
        {QStringLiteral("keepalives_interval"), QStringLiteral("2")},
        {QStringLiteral("keepalives_count"), QStringLiteral("3")},
        {QStringLiteral("tcp_user_timeout"), QString::number(callTimeoutMs)},
    };
    if (spec.backend == Backend::PostgreSQL) {
        for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
            if (!spec.options.contains(it.key()))
                spec.options.insert(it.key(), it.value());
        }
    }
    return spec;
}

} // namespace

Scheduler::Scheduler(const ConnectionSpec &database, const RunnerConfig &config, QObject *parent)
    : QObject(parent)
    , m_spec(database)
    , m_config(config)
    , m_name(config.runnerName.isEmpty()
              ? QStringLiteral("%1:%2").arg(ClientInfo::hostName()).arg(ClientInfo::processId())
              : config.runnerName)
    , m_journalDirectory(ResultJournal::defaultDirectory())
{
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &Scheduler::wake);
    m_heartbeatTimer.setInterval(std::max(1000, m_config.leaseSeconds * 1000 / 3));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &Scheduler::heartbeat);
    m_leaseGuardTimer.setInterval(100);
    m_leaseGuardTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_leaseGuardTimer, &QTimer::timeout, this, &Scheduler::enforceLeases);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Scheduler::connectNow);
    m_pendingTimer.setSingleShot(true);
    connect(&m_pendingTimer, &QTimer::timeout, this, &Scheduler::retryPending);
    m_finishedTimer.setSingleShot(true);
    connect(&m_finishedTimer, &QTimer::timeout, this, &Scheduler::recordFinished);
    m_announceTimer.setSingleShot(true);
    connect(&m_announceTimer, &QTimer::timeout, this, &Scheduler::sendAnnouncement);
    if (m_config.notify)
        m_notifier = new Notifier(*m_config.notify, this);
    if (database.backend == Backend::PostgreSQL)
        m_sqlSessions = std::make_shared<SqlSessionPool>(database);
    m_skipJobs = m_config.jobs.keys(); // the first wake learns which jobs skip missed slots
    connect(&m_abortPollTimer, &QTimer::timeout, this, &Scheduler::checkAborts);
    m_output = std::make_shared<RunOutputBuffer>();
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcRunner, "grace period over: killing %lld running action(s)",
            qint64(m_running.size()));
        // Stopping may finish an action at once, which changes m_running: walk a copy.
        const QList<QString> names = m_running.keys();
        for (const QString &name : names) {
            if (const auto it = m_running.find(name); it != m_running.end())
                stopAction(*it, tr("interrupted: the runner stopped"),
                    ExecutionResult::Failure::Interrupted);
        }
    });
}

Scheduler::~Scheduler()
{
    for (Running &running : m_running) {
        running.action->disconnect(this);
        delete running.action;
    }
    stopOutputWriter();
    m_leases.reset();
    m_db.reset();
}

qint64 Scheduler::backoffMs(int attempts) const
{
    // Capped exponential backoff with jitter, so runners that failed together retry apart.
    const qint64 base = std::min(maxBackoffMs, qint64(500) << std::min(attempts, 6));
    return base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
}

void Scheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    qCInfo(lcRunner, "runner %s starting: %lld job(s) configured in %s, database %s",
        qPrintable(m_name), qint64(m_config.jobs.size()), qPrintable(m_config.filePath),
        qPrintable(m_spec.displayUrl()));
    m_journal = std::make_unique<ResultJournal>(m_journalDirectory, m_spec.displayUrl());
    if (auto adopted = m_journal->open(); !adopted) {
        qCWarning(lcRunner, "%s; results that cannot be recorded at once are kept in memory only",
            qPrintable(adopted.error().message));
        m_journal.reset();
    } else {
        for (const ResultJournal::Entry &entry : std::as_const(*adopted)) {
            Pending pending;
            pending.journalId = entry.id;
            pending.claim = entry.claim;
            pending.result = entry.result;
            m_pending << pending;
        }
        if (!adopted->isEmpty())
            qCInfo(lcRunner, "%lld result(s) of an earlier run wait to be recorded",
                qint64(adopted->size()));
    }
    m_heartbeatTimer.start();
    m_leaseGuardTimer.start();
    m_abortPollTimer.start(
        m_spec.backend == Backend::SQLite ? abortPollSqliteMs : abortPollPostgresMs);
    startOutputWriter();
    connectNow();
}

void Scheduler::startOutputWriter()
{
    const int callMs = std::clamp(m_config.leaseSeconds * 1000 / 3, 2000, 10'000);
    m_outputThread = std::make_unique<QThread>();
    m_outputThread->setObjectName(QStringLiteral("run-output"));
    m_outputWriter = new OutputWriter(withDeadlines(m_spec, callMs), callMs, m_output);
    m_outputWriter->moveToThread(m_outputThread.get());
    connect(m_outputThread.get(), &QThread::started, m_outputWriter, &OutputWriter::start);
    connect(m_outputThread.get(), &QThread::finished, m_outputWriter, &QObject::deleteLater);
    m_outputThread->start();
}

void Scheduler::stopOutputWriter()
{
    if (!m_outputThread)
        return;
    // The last output of the runs that just ended, then the writer's connection goes.
    QMetaObject::invokeMethod(m_outputWriter, &OutputWriter::stop, Qt::BlockingQueuedConnection);
    m_outputThread->quit();
    m_outputThread->wait();
    m_outputThread.reset();
    m_outputWriter = nullptr;
}

Status Scheduler::prepareSession()
{
    Database &db = *m_db;
    if (db.backend() == Backend::SQLite)
        return {}; // migrated when opened
    const int callMs = db.callTimeout();
    // The server bounds our statements too, and notices a runner that vanished mid-transaction
    // (its row locks would otherwise hide the job from every other runner's SKIP LOCKED).
    const QVariantMap settings{{QStringLiteral("statement_timeout"), QString::number(callMs)},
        {QStringLiteral("lock_timeout"), QString::number(std::max(500, callMs / 2))},
        {QStringLiteral("idle_in_transaction_session_timeout"), QString::number(callMs * 2)},
        {QStringLiteral("tcp_keepalives_idle"), QStringLiteral("5")},
        {QStringLiteral("tcp_keepalives_interval"), QStringLiteral("2")},
        {QStringLiteral("tcp_keepalives_count"), QStringLiteral("3")},
        // Our writes are announced by announceChanges(), coalesced (0017_scale.sql).
        {QStringLiteral("cron_console.quiet"), QStringLiteral("on")}};
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        const auto set = db.run(QStringLiteral("SELECT set_config(:name, :value, false)"),
            {{QStringLiteral("name"), it.key()}, {QStringLiteral("value"), it.value()}},
            tr("configuring the runner's session"));
        if (!set)
            return set.error();
    }
    // A standby after a failover accepts the connection but no write: look elsewhere.
    const auto readOnly = db.run(QStringLiteral("SELECT current_setting('transaction_read_only')"),
        {}, tr("checking that the server accepts writes"));
    if (!readOnly)
        return readOnly.error();
    const bool onStandby
        = (*readOnly)->next() && (*readOnly)->value(0).toString() == QLatin1String("on");
    (*readOnly)->finish();
    if (onStandby)
        return Error::connection(tr("%1 is a read-only server (a standby?); a runner needs the "
                                    "primary: list every host in the URL with "
                                    "target_session_attrs=read-write")
                                     .arg(m_spec.displayUrl()));
    return Migrator(db).checkUpToDate();
}

void Scheduler::connectNow()
{
    if (m_stopping && m_running.isEmpty())
        return;
    const int callMs = std::clamp(m_config.leaseSeconds * 1000 / 3, 2000, 10'000);
    // The embedded file is ours: migrated as it opens. A server's schema is checked in
    // prepareSession(), once the session's own timeouts bound that check too.
    const SchemaPolicy schema
        = m_spec.backend == Backend::SQLite ? SchemaPolicy::Migrate : SchemaPolicy::None;
    auto opened = Database::open(withDeadlines(m_spec, callMs), QStringLiteral("runner"), schema);
    Status ready = opened ? Status() : Status(opened.error());
    if (ready) {
        m_db = std::move(opened).value();
        m_db->setCallTimeout(callMs);
        ready = prepareSession();
    }
    if (ready) {
        m_leases = std::make_unique<LeaseStore>(*m_db, m_name, m_config.leaseSeconds);
        m_leases->useConfiguredJobs(m_config.jobs.keys());
        RunnerInfo info;
        info.host = ClientInfo::hostName();
        info.pid = ClientInfo::processId();
        info.version = QStringLiteral(CRON_CONSOLE_VERSION);
        info.heartbeatSeconds = m_heartbeatTimer.interval() / 1000;
        info.jobs = m_config.jobs.keys();
        ready = m_leases->registerRunner(info);
    }
    if (!ready) {
        m_leases.reset();
        m_db.reset();
        const qint64 delay = backoffMs(m_reconnectAttempts);
        ++m_reconnectAttempts;
        m_lastError = ready.error().message;
        qCWarning(lcRunner, "cannot use the database (attempt %d, next in %lld ms): %s",
            m_reconnectAttempts, delay, qPrintable(ready.error().message));
        if (m_reconnectAttempts == 1)
            emit connectionLost(ready.error().message);
        m_reconnectTimer.start(int(delay));
        return;
    }
    if (m_db->backend() == Backend::PostgreSQL) {
        QSqlDriver *driver = m_db->handle().driver();
        connect(driver, &QSqlDriver::notification, this,
            [this](
                const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (channel == QLatin1String(RunStore::abortChannel)) {
                    const qint64 runId = payload.toString().toLongLong();
                    for (const Running &running : std::as_const(m_running)) {
                        if (running.claim.runId == runId) {
                            checkAborts();
                            break;
                        }
                    }
                    return;
                }
                // An empty payload: several jobs changed, or pause/resume all (issue 17).
                if (payload.toString().isEmpty() || m_config.jobs.contains(payload.toString()))
                    scheduleWake(notificationDelayMs);
            });
        if (!driver->subscribeToNotification(QStringLiteral("cron_jobs_changed")))
            qCWarning(lcRunner, "cannot listen on cron_jobs_changed; relying on polling");
        if (!driver->subscribeToNotification(QLatin1String(RunStore::abortChannel)))
            qCWarning(
                lcRunner, "cannot listen on %s; abort requests are polled", RunStore::abortChannel);
    }
    if (m_reconnectAttempts > 0)
        qCInfo(lcRunner, "database usable again after %d attempt(s)", m_reconnectAttempts);
    else
        qCInfo(lcRunner, "runner %s registered", qPrintable(m_name));
    m_reconnectAttempts = 0;
    emit connected();

    retryPending();
    if (m_leases && !m_stopping)
        scheduleWake(0);
    if (m_leases && m_stopping && m_running.isEmpty())
        finishStop();
}

void Scheduler::disconnectNow(const QString &reason)
{
    if (!m_db)
        return;
    qCWarning(lcRunner, "lost the database: %s", qPrintable(reason));
    m_lastError = reason;
    m_leases.reset();
    m_db.reset();
    m_wakeTimer.stop();
    m_skipJobs = m_config.jobs.keys(); // slots may have been missed meanwhile
    emit connectionLost(reason);
    m_reconnectAttempts = 0;
    m_reconnectTimer.start(int(backoffMs(0)));
}

void Scheduler::handleError(const Error &error)
{
    if (error.kind == Error::Kind::Connection || !m_db || !m_db->ping()) {
        disconnectNow(error.message);
        return;
    }
    noteError(error.message);
}

void Scheduler::noteError(const QString &message)
{
    qCWarning(lcRunner, "%s", qPrintable(message));
    m_lastError = message;
    m_degraded = true;
    ++m_failures;
}

void Scheduler::noteSuccess()
{
    if (m_failures > 0)
        qCInfo(lcRunner, "scheduling again after %d failed attempt(s)", m_failures);
    m_failures = 0;
    m_degraded = false;
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

void Scheduler::wake()
{
    if (m_stopping || !m_leases)
        return;
    const auto announce = qScopeGuard([this] { announceChanges(); });
    // Any failure below is retried after a backoff: a runner never waits for a wake that no
    // timer will bring.
    const auto retryLater = [this](const Error &error) {
        handleError(error);
        if (m_leases)
            scheduleWake(backoffMs(m_failures));
    };
    if (int(m_running.size()) >= m_config.maxConcurrentJobs) {
        // Nothing can be claimed: a finish wakes us (a burst of notifications costs nothing).
        scheduleWake(qint64(m_config.maxPollSeconds) * 1000);
        return;
    }
    // Pause all (issue 17): nothing is claimed; the claim's SQL checks it too, this spares the
    // query and the wake-ups of due jobs.
    // Read at most once a second (a burst of runs wakes the runner hundreds of times); on
    // PostgreSQL the claim checks the pause itself, on SQLite claimSqlite reads it.
    if (!m_pauseReadAt.isValid() || m_pauseReadAt.elapsed() >= 1000 || m_paused) {
        const auto pause = PauseStore::read(*m_db);
        if (!pause) {
            retryLater(pause.error());
            return;
        }
        m_pauseReadAt.start();
        if (pause->paused != m_paused)
            qCInfo(
                lcRunner, pause->paused ? "all jobs paused: claiming nothing" : "all jobs resumed");
        m_paused = pause->paused;
    }
    if (m_paused) {
        noteSuccess();
        scheduleWake(qint64(m_config.maxPollSeconds) * 1000);
        return;
    }
    // The jobs running here are left out of claims; the rest of the configuration is the
    // session's table (LeaseStore::claimIdle).
    const QStringList running = m_running.keys();
    const bool anyIdle = m_config.jobs.size() > m_running.size(); // (we run configured jobs only)
    // Catch-up "skip" (issue 17): a slot missed by more than the job's window is skipped
    // before anything is claimed. Only jobs last seen with that policy are read here.
    if (!m_skipJobs.isEmpty()) {
        const auto skippers = m_leases->jobs(m_skipJobs);
        if (!skippers) {
            retryLater(skippers.error());
            return;
        }
        for (const Job &job : *skippers) {
            if (const QDateTime to = JobPolicy::skipTo(job, job.readAt);
                to.isValid() && !m_running.contains(job.name)) {
                const auto skipped = m_leases->skipSlot(job, to);
                if (!skipped) {
                    retryLater(skipped.error());
                    return;
                }
                if (*skipped)
                    qCInfo(lcRunner, "skipped the missed slot of %s (catch-up skip)",
                        qPrintable(job.name));
            }
        }
    }
    const int freeSlots = m_config.maxConcurrentJobs - int(m_running.size());
    bool filled = false; // every free slot taken: a finish wakes us, nothing else can
    if (freeSlots > 0 && anyIdle) {
        const qint64 sentMs = BootClock::nowMs();
        const auto claims = m_leases->claimIdle(running, freeSlots);
        if (!claims) {
            retryLater(claims.error());
            return;
        }
        filled = int(claims->size()) >= freeSlots;
        QList<Claim> starting;
        for (Claim claim : *claims) {
            if (claim.abandoned) {
                recordAbandoned(claim);
                // Every abandoned run on PostgreSQL: a pooled sql session of the runner that
                // lost it notes no backend, it is found by its application_name.
                if (m_db->backend() == Backend::PostgreSQL && !endAbandoned(claim))
                    continue;
                claim.trigger = QStringLiteral("takeover");
            }
            starting << claim;
        }
        // The run rows, one statement for the burst; without them (or without the connection,
        // lost meanwhile) the jobs still run as before: their rows are written at the finish,
        // only their output is not kept.
        QList<qint64> outputLimits(starting.size(), 0);
        if (m_leases && !starting.isEmpty()) {
            if (const auto opened = m_leases->openRuns(starting); opened)
                outputLimits = *opened;
            else
                qCWarning(lcRunner, "cannot record the start of %lld run(s): %s",
                    qint64(starting.size()), qPrintable(opened.error().message));
        }
        for (qsizetype i = 0; i < starting.size(); ++i)
            startAction(starting.at(i), sentMs, outputLimits.at(i));
    }
    if (filled || freeSlots <= 0) {
        // Reading every idle job to plan the next wake is wasted while all slots are busy.
        noteSuccess();
        scheduleWake(qint64(m_config.maxPollSeconds) * 1000);
        return;
    }

    // When to look again: the earliest moment one of our idle jobs becomes claimable, looking
    // no further than a short horizon on PostgreSQL. After each finish of a burst this read
    // returned every job of the runner (their next slots a minute away); now only those due
    // within the horizon, and an idle runner looks again when it has passed.
    const int horizonSeconds = m_db->backend() == Backend::PostgreSQL
        ? std::min(m_config.maxPollSeconds, planHorizonSeconds)
        : m_config.maxPollSeconds;
    const auto jobs = m_leases->wakeCandidatesIdle(m_running.keys(), horizonSeconds);
    if (!jobs) {
        retryLater(jobs.error());
        return;
    }
    noteSuccess();
    const bool freeSlot = int(m_running.size()) < m_config.maxConcurrentJobs;
    qint64 delay = qint64(horizonSeconds) * 1000;
    m_skipJobs.clear();
    for (const Job &job : *jobs) {
        if (job.catchUp == QLatin1String("skip"))
            m_skipJobs << job.name;
        if (!job.active)
            continue;
        const QDateTime now = job.readAt;
        QDateTime at;
        if (JobPolicy::claimable(job, now, false))
            at = freeSlot ? now.addMSecs(contendedRetryMs) : QDateTime();
        else
            at = JobPolicy::claimableFrom(job, now); // also a retry, and a forced reset's hold-back
        if (at.isValid())
            delay = std::min(delay, now.msecsTo(at));
    }
    scheduleWake(delay);
}

void Scheduler::startAction(const Claim &claim, qint64 claimSentMs, qint64 outputLimit)
{
    const auto spec = m_config.jobs.constFind(claim.job.name);
    if (spec == m_config.jobs.cend()) { // cannot happen: we only claim configured names
        if (const Status released = m_leases->release(claim); !released)
            handleError(released.error());
        return;
    }
    Running running;
    running.claim = claim;
    running.claim.owner = m_name;
    running.deadlineMs = claimSentMs + qint64(m_config.leaseSeconds * 1000 * hardStopShare);
    running.action = RunnerAction::create(*spec, m_spec, m_sqlSessions, this).release();
    running.action->setContext({claim.job.name, claim.token, LeaseStore::slotOf(claim), m_name,
        claim.job.id, claim.runId});
    running.action->setHardDeadline(running.deadlineMs);
    const QString name = claim.job.name;
    connect(running.action, &RunnerAction::finished, this,
        [this, name](const ExecutionResult &result) { onActionFinished(name, result); });
    if (claim.runId > 0) {
        m_output->open(claim.runId, outputLimit);
        connect(running.action, &RunnerAction::output, this,
            [buffer = m_output.get(), runId = claim.runId](bool stderrStream,
                const QByteArray &data) { buffer->append(runId, stderrStream, data); });
    }
    if (auto *sql = qobject_cast<SqlAction *>(running.action);
        sql && !sql->foundByApplicationName()) {
        const Claim held = running.claim;
        connect(sql, &SqlAction::backendStarted, this, [this, held](qint64 pid) {
            if (m_leases) {
                if (const Status noted = m_leases->setActionBackend(held, pid); !noted)
                    handleError(noted.error());
            }
        });
    }
    m_running.insert(name, running);
    qCInfo(lcRunner, "started %s (lease token %lld)", qPrintable(name), claim.token);
    emit jobStarted(name, claim.token);
    running.action->start();
}

void Scheduler::stopAction(
    Running &running, const QString &reason, ExecutionResult::Failure failure)
{
    if (!running.killedFor)
        running.killedFor = failure;
    // kill() may finish the action synchronously, which erases `running` from m_running.
    running.action->kill(reason);
}

void Scheduler::onActionFinished(const QString &job, const ExecutionResult &finished)
{
    const auto found = m_running.constFind(job);
    if (found == m_running.cend())
        return;
    const Running running = *found;
    m_running.erase(found);
    running.action->deleteLater();
    if (running.claim.runId > 0)
        m_output->close(running.claim.runId);
    ExecutionResult result = finished;
    if (!result.success && running.killedFor)
        result.failure = *running.killedFor;
    if (result.success)
        qCInfo(lcRunner, "finished %s: success in %.3f s", qPrintable(job), result.durationSeconds);
    else
        qCWarning(lcRunner, "finished %s: %s in %.3f s: %s", qPrintable(job),
            qPrintable(result.outcomeName()), result.durationSeconds, qPrintable(result.error));
    Pending pending;
    pending.claim = running.claim;
    pending.result = result;
    // Runs that end together are recorded together (issue 15), as soon as the events already
    // queued (other results) are handled.
    m_finished << pending;
    if (!m_finishedTimer.isActive())
        m_finishedTimer.start(0);
}

void Scheduler::recordFinished()
{
    const auto announce = qScopeGuard([this] { announceChanges(); });
    const QList<Pending> finished = std::exchange(m_finished, {});
    // Their slots are free: the next runs start first, and run while these are recorded. (The
    // finished jobs are still running under this runner's live lease until recorded: no claim
    // takes them meanwhile.)
    if (!m_stopping)
        wake();
    if (finished.size() > 1 && m_leases) {
        QList<LeaseStore::Finished> runs;
        for (const Pending &one : finished)
            runs << LeaseStore::Finished{one.claim, one.result};
        if (const auto recorded = m_leases->finish(runs); recorded) {
            for (qsizetype i = 0; i < finished.size(); ++i)
                recordedOne(finished.at(i), recorded->at(i));
            deliverEvents();
        } else {
            // One by one, each with its own fallbacks (a lost connection: each is kept).
            if (recorded.error().kind == Error::Kind::Connection)
                handleError(recorded.error());
            for (const Pending &one : finished)
                record(one);
        }
    } else {
        for (const Pending &one : finished)
            record(one);
    }
    if (m_stopping && m_running.isEmpty())
        finishStop();
    else
        scheduleWake(0);
}

void Scheduler::recordedOne(const Pending &pending, const LeaseStore::Recorded &recorded)
{
    if (pending.journalId != 0 && m_journal)
        m_journal->markDone(pending.journalId);
    if (recorded.fenced)
        qCWarning(lcRunner,
            "recorded %s in the history only: lease token %lld is no longer current (the "
            "job was reset or taken over)",
            qPrintable(pending.claim.job.name), pending.claim.token);
    emit jobFinished(pending.claim.job.name, pending.result, !recorded.fenced);
}

void Scheduler::record(Pending pending)
{
    const auto keep = [this, &pending] {
        // On disk before anything else may fail, so a stop or a crash does not lose it.
        if (pending.journalId == 0 && m_journal) {
            ResultJournal::Entry entry{0, pending.claim, pending.result};
            if (const Status written = m_journal->append(entry); written)
                pending.journalId = entry.id;
            else
                qCWarning(lcRunner, "%s", qPrintable(written.error().message));
        }
        m_pending << pending;
        if (!m_pendingTimer.isActive())
            m_pendingTimer.start(int(backoffMs(pending.attempts)));
    };
    if (!m_leases) {
        keep();
        return;
    }
    const auto recorded = m_leases->finish(pending.claim, pending.result,
        LeaseStore::FinishDetail{pending.minimal, pending.whyMinimal});
    if (recorded) {
        recordedOne(pending, *recorded);
        deliverEvents();
        return;
    }
    const Error &error = recorded.error();
    ++pending.attempts;
    if (error.kind == Error::Kind::Connection || !m_db->ping()) {
        keep();
        disconnectNow(error.message);
        return;
    }
    noteError(tr("cannot record the run of %1: %2").arg(pending.claim.job.name, error.message));
    if (error.transient && pending.attempts <= transientRetries) {
        keep();
        return;
    }
    if (!pending.minimal) {
        // Store what can be stored, and say why the rest is missing.
        pending.minimal = true;
        pending.whyMinimal = error.message;
        record(pending);
        return;
    }
    if (!pending.released) {
        // Not even the essentials: free the job (it must not stay running and run again every
        // lease period) and keep the history row for later.
        const auto released = m_leases->releaseUnrecorded(pending.claim, error.message);
        pending.released = bool(released);
        if (!released)
            qCWarning(lcRunner, "%s", qPrintable(released.error().message));
    }
    keep();
}

void Scheduler::recordAbandoned(const Claim &claim)
{
    // The run of a runner that stopped renewing (killed, crashed, cut off): its guard stopped
    // it before the lease ran out, and nobody else will say it happened. Recorded once (if that
    // runner comes back with its result, it is a duplicate), in the history only.
    const Claim::Abandoned &was = *claim.abandoned;
    Pending pending;
    pending.claim.job = claim.job;
    pending.claim.job.leaseToken = was.token;
    pending.claim.token = was.token;
    pending.claim.owner = was.owner;
    pending.result.failure = ExecutionResult::Failure::LeaseLost;
    pending.result.error = tr("abandoned: runner %1 stopped renewing its lease; what the run "
                              "did before it was stopped is unknown")
                               .arg(was.owner);
    if (was.since.isValid()) {
        // Its guard stopped it before the lease ran out: this is an upper bound.
        pending.result.durationSeconds
            = std::max<qint64>(0, was.since.msecsTo(claim.job.readAt)) / 1000.0;
        pending.result.result.insert(QStringLiteral("duration_is_upper_bound"), true);
    }
    qCWarning(lcRunner, "%s took %s over from %s (lease token %lld)", qPrintable(m_name),
        qPrintable(claim.job.name), qPrintable(was.owner), was.token);
    record(pending);
}

bool Scheduler::endAbandoned(const Claim &claim)
{
    // A paused or cut-off runner's sql statement may outlive its lease on the server: end it
    // before the job starts again, never beside it.
    const auto ended = m_leases->endAbandonedStatement(
        claim.abandoned->backendPid, claim.job.id, claim.abandoned->token);
    if (ended && *ended)
        return true;
    noteError(ended ? tr("cannot end the statement of the abandoned run of %1; the job waits "
                         "(the runner's role needs pg_signal_backend, or to be the same role)")
                          .arg(claim.job.name)
                    : ended.error().message);
    if (const Status reverted = m_leases->revertClaim(claim); !reverted)
        handleError(reverted.error());
    return false;
}

void Scheduler::announceChanges()
{
    if (!m_leases || m_db->backend() != Backend::PostgreSQL)
        return;
    m_announce += m_leases->takeChanged();
    if (m_announce.isEmpty() || m_announceTimer.isActive())
        return;
    // At once after a quiet spell; while writes keep coming, once per interval.
    const qint64 since = m_lastAnnounce.isValid() ? m_lastAnnounce.elapsed() : announceIntervalMs;
    m_announceTimer.start(int(std::max<qint64>(0, announceIntervalMs - since)));
}

void Scheduler::sendAnnouncement()
{
    if (!m_leases || m_db->backend() != Backend::PostgreSQL) {
        m_announce.clear(); // consoles read everything again when their connection comes back
        return;
    }
    m_announce += m_leases->takeChanged();
    const QSet<QString> names = std::exchange(m_announce, {});
    if (names.isEmpty())
        return;
    m_lastAnnounce.start();
    // The trigger's convention: the job's name when one job changed, '' for several.
    const auto sent = m_db->run(QStringLiteral("SELECT pg_notify('cron_jobs_changed', :payload)"),
        {{QStringLiteral("payload"),
            names.size() == 1 ? *names.cbegin() : QString(QLatin1String(""))}},
        tr("announcing the jobs this runner changed"));
    if (!sent) {
        handleError(sent.error());
        return;
    }
    (*sent)->finish();
}

void Scheduler::retryPending()
{
    if (!m_leases || m_pending.isEmpty())
        return;
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &one : pending) {
        if (!m_leases) {
            m_pending << one; // the connection went during the loop
            continue;
        }
        record(one);
    }
}

void Scheduler::heartbeat()
{
    if (!m_leases)
        return;
    // Every running job's lease is renewed, whatever happens to one of them.
    const QList<QString> names = m_running.keys();
    for (const QString &name : names) {
        const auto it = m_running.find(name);
        if (it == m_running.end() || it->leaseLost || it->killedFor)
            continue;
        const qint64 sentMs = BootClock::nowMs();
        if (sentMs >= it->deadlineMs)
            continue; // enforceLeases stops it; a renewal now could not make it safe again
        const auto renewed = m_leases->renew(it->claim);
        if (!renewed) {
            handleError(renewed.error());
            if (!m_leases)
                return;
            continue;
        }
        const auto current = m_running.find(name);
        if (current == m_running.end())
            continue;
        if (*renewed) {
            current->deadlineMs = sentMs + qint64(m_config.leaseSeconds * 1000 * hardStopShare);
            current->action->setHardDeadline(current->deadlineMs);
        } else {
            current->leaseLost = true;
            qCWarning(lcRunner, "lost the lease of %s (reset or taken over); stopping its action",
                qPrintable(name));
            stopAction(*current, tr("lease lost: the job was reset or taken over"),
                ExecutionResult::Failure::LeaseLost);
        }
    }
    RunnerHealth health;
    health.runningJobs = m_running.keys();
    health.state = m_stopping ? QStringLiteral("stopping")
        : m_degraded          ? QStringLiteral("degraded")
                              : QStringLiteral("running");
    health.lastError = m_lastError;
    if (const Status beat = m_leases->heartbeat(health); !beat)
        handleError(beat.error());
    else
        m_lastError.clear(); // published
    if (m_leases && m_notifier) {
        scanEvents();
        deliverEvents();
    }
}

void Scheduler::checkAborts()
{
    if (!m_db || m_running.isEmpty())
        return;
    QList<qint64> runIds;
    for (const Running &running : std::as_const(m_running)) {
        if (running.claim.runId > 0 && !running.killedFor)
            runIds << running.claim.runId;
    }
    if (runIds.isEmpty())
        return;
    const auto requests = RunStore(*m_db).abortRequests(runIds);
    if (!requests) {
        handleError(requests.error());
        return;
    }
    const QList<QString> names = m_running.keys();
    for (const QString &name : names) {
        const auto it = m_running.find(name);
        if (it == m_running.end() || it->killedFor)
            continue;
        const auto request = requests->constFind(it->claim.runId);
        if (request == requests->cend())
            continue;
        qCWarning(lcRunner, "aborting %s (run %lld) as %s asked", qPrintable(name), it->claim.runId,
            qPrintable(request->by));
        stopAction(*it,
            request->reason.isEmpty() ? tr("aborted by %1").arg(request->by)
                                      : tr("aborted by %1: %2").arg(request->by, request->reason),
            ExecutionResult::Failure::Aborted);
    }
}

void Scheduler::enforceLeases()
{
    // Self-fencing: an action whose lease could not be renewed in time is stopped before the
    // lease can expire on the server, so no other runner can start the job while it runs.
    const qint64 now = BootClock::nowMs();
    const QList<QString> names = m_running.keys();
    for (const QString &name : names) {
        const auto it = m_running.find(name);
        if (it == m_running.end() || it->killedFor || now < it->deadlineMs)
            continue;
        qCWarning(lcRunner, "the lease of %s was not renewed in time; stopping its action",
            qPrintable(name));
        stopAction(*it, tr("stopped at the lease deadline: the lease could not be renewed in time"),
            ExecutionResult::Failure::LeaseLost);
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
    m_finishedTimer.stop();
    for (const Pending &one : std::exchange(m_finished, {}))
        record(one); // the results that ended last, not yet recorded
    m_graceTimer.stop();
    m_heartbeatTimer.stop();
    m_leaseGuardTimer.stop();
    m_reconnectTimer.stop();
    m_pendingTimer.stop();
    m_abortPollTimer.stop();
    stopOutputWriter();
    if (!m_pending.isEmpty())
        qCWarning(lcRunner,
            "%lld result(s) could not be recorded yet; they are kept in %s for the next start",
            qint64(m_pending.size()), qPrintable(m_journalDirectory));
    if (m_leases) {
        m_announceTimer.stop();
        sendAnnouncement(); // the last results
    }
    if (m_leases) {
        if (const Status gone = m_leases->deregister(); !gone)
            qCWarning(lcRunner, "%s", qPrintable(gone.error().message));
    }
    m_leases.reset();
    m_db.reset();
    m_journal.reset();
    qCInfo(lcRunner, "runner %s stopped", qPrintable(m_name));
    emit stopped();
}
