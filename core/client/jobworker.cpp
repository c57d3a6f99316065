#include "client/jobworker.h"

#include "client/demodata.h"
#include "db/database.h"
#include "db/migrator.h"
#include "runner/leasestore.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

using namespace std::chrono_literals;

namespace {

const QString changeChannel = QStringLiteral("cron_jobs_changed");
// More notified names than this in one burst: one full reload is cheaper than many lookups.
constexpr int maxSingleRefreshes = 50;

} // namespace

JobWorker::JobWorker(
    const ConnectionSpec &spec, const JobClient::Options &options, JobClient *client)
    : m_spec(spec)
    , m_options(options)
    , m_client(client)
{ }

JobWorker::~JobWorker()
{
    m_store.reset();
    m_db.reset();
}

void JobWorker::post(std::function<void(JobClient *)> call)
{
    JobClient *client = m_client;
    QMetaObject::invokeMethod(
        client, [client, call = std::move(call)] { call(client); }, Qt::QueuedConnection);
}

void JobWorker::start()
{
    m_aliveTimer = new QTimer(this);
    connect(m_aliveTimer, &QTimer::timeout, this, &JobWorker::checkAlive);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &JobWorker::connectNow);
    m_notifyTimer = new QTimer(this);
    m_notifyTimer->setSingleShot(true);
    m_notifyTimer->setInterval(20ms);
    connect(m_notifyTimer, &QTimer::timeout, this, &JobWorker::refreshNotified);
    connectNow();
}

void JobWorker::connectNow()
{
    const Status opened = openSession();
    if (!opened) {
        m_store.reset();
        m_db.reset();
        scheduleRetry(opened.error().message);
        return;
    }
    m_everConnected = true;
    m_retryDelay = 0ms;
    post([](JobClient *client) { client->deliverState(JobClient::State::Connected, {}); });
    detectWritable();
    reload();
    m_aliveTimer->start(
        m_spec.backend == Backend::SQLite ? m_options.pollInterval : m_options.pingInterval);
}

Status JobWorker::openSession()
{
    auto opened = Database::open(m_spec, m_options.purpose);
    if (!opened)
        return opened.error();
    m_db = std::move(opened).value();
    Migrator migrator(*m_db);
    if (m_spec.backend == Backend::SQLite) {
        // The embedded database is ours: create or upgrade it on first use.
        const auto migrated = migrator.migrate();
        if (!migrated)
            return migrated.error();
    } else if (const Status upToDate = migrator.checkUpToDate(); !upToDate) {
        // A shared server's schema changes only through `cronctl migrate`.
        return upToDate;
    }
    if (m_options.seedDemo) {
        if (const Status seeded = DemoData::seedIfEmpty(*m_db); !seeded)
            return seeded;
        if (!m_demoPrimed) { // once per start, not on every reconnection
            if (const Status due = DemoData::makeSomeDue(*m_db); !due)
                return due;
            m_demoPrimed = true;
        }
    }
    m_store = std::make_unique<JobStore>(*m_db);
    if (m_spec.backend == Backend::PostgreSQL) {
        QSqlDriver *driver = m_db->handle().driver();
        if (!driver->subscribeToNotification(changeChannel))
            return Error::connection(
                tr("cannot listen for job changes on %1").arg(m_spec.displayUrl()));
        connect(driver, &QSqlDriver::notification, this, &JobWorker::onNotification);
    }
    return {};
}

void JobWorker::detectWritable()
{
    bool writable = true;
    QString reason;
    if (m_spec.backend == Backend::PostgreSQL) {
        QSqlQuery query(m_db->handle());
        if (query.exec(
                QStringLiteral("SELECT has_table_privilege(current_user, 'cron_jobs', 'UPDATE')"))
            && query.next())
            writable = query.value(0).toBool();
        if (!writable)
            reason = tr("The database role %1 may not change cron_jobs (read-only access).")
                         .arg(m_db->databaseUser());
    } else {
        const QFileInfo file(m_spec.filePath);
        writable = file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
        if (!writable)
            reason = tr("The database file %1 is read-only for you.").arg(m_spec.filePath);
    }
    const QString user = m_db->databaseUser();
    post([writable, reason, user](
             JobClient *client) { client->deliverSession(writable, reason, user); });
}

void JobWorker::scheduleRetry(const QString &message)
{
    m_aliveTimer->stop();
    m_notifyTimer->stop();
    m_notified.clear();
    m_retryDelay = m_retryDelay == 0ms ? m_options.firstRetry
                                       : std::min(m_retryDelay * 2, m_options.maxRetry);
    const auto state
        = m_everConnected ? JobClient::State::Reconnecting : JobClient::State::Connecting;
    post([state, message](JobClient *client) { client->deliverState(state, message); });
    m_retryTimer->start(m_retryDelay);
}

void JobWorker::connectionLost(const QString &message)
{
    m_store.reset();
    m_db.reset();
    m_everConnected = true;
    if (!m_retryTimer->isActive())
        scheduleRetry(message);
}

bool JobWorker::handleError(const Error &error)
{
    if (error.kind != Error::Kind::Connection && (!m_db || m_db->isOpen()))
        return false;
    connectionLost(error.message);
    return true;
}

void JobWorker::checkAlive()
{
    if (!m_db)
        return;
    if (m_spec.backend == Backend::PostgreSQL) {
        // A dropped connection is silent in QPSQL: only a round trip tells.
        if (!m_db->ping())
            connectionLost(tr("the connection to %1 was lost").arg(m_spec.displayUrl()));
        return;
    }
    // Another connection's commit moves data_version; our own writes are reported directly.
    QSqlQuery query(m_db->handle());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next()) {
        connectionLost(tr("cannot read %1 any more").arg(m_spec.filePath));
        return;
    }
    if (query.value(0).toLongLong() != m_dataVersion)
        reload();
}

void JobWorker::reload()
{
    if (!m_store)
        return;
    if (m_spec.backend == Backend::SQLite) {
        QSqlQuery query(m_db->handle());
        if (query.exec(QStringLiteral("PRAGMA data_version")) && query.next())
            m_dataVersion = query.value(0).toLongLong();
    }
    Result<QList<Job>> jobs = m_store->listJobs();
    if (!jobs) {
        if (!handleError(jobs.error()))
            post([message = jobs.error().message](JobClient *client) {
                client->deliverState(JobClient::State::Connected, message);
            });
        return;
    }
    post([jobs = std::move(jobs).value()](JobClient *client) { emit client->jobsLoaded(jobs); });
}

void JobWorker::onNotification(
    const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != changeChannel)
        return;
    m_notified.insert(payload.toString());
    if (!m_notifyTimer->isActive())
        m_notifyTimer->start();
}

void JobWorker::refreshNotified()
{
    const QSet<QString> names = std::exchange(m_notified, {});
    if (!m_store)
        return;
    // A runner claiming or finishing a job is also a change of the runners table.
    if (m_watchRunners)
        fetchRunners();
    if (names.size() > maxSingleRefreshes || names.contains(QString())) {
        reload();
        return;
    }
    for (const QString &name : names) {
        const Result<Job> job = m_store->job(name);
        if (job) {
            post([job = *job](JobClient *client) { emit client->jobUpdated(job); });
        } else if (job.error().kind == Error::Kind::NotFound) {
            post([name](JobClient *client) { emit client->jobRemoved(name); });
        } else if (handleError(job.error())) {
            return;
        }
    }
}

void JobWorker::perform(quint64 id, const JobAction &action)
{
    if (!m_store) {
        post([id](JobClient *client) {
            client->deliverAction(id,
                Error::connection(tr("not connected to the database; try again when the "
                                     "connection is back")));
        });
        return;
    }
    Result<ActionOutcome> outcome = Error::invalidInput(tr("unknown action"));
    switch (action.kind) {
    case JobAction::Kind::Enable:
    case JobAction::Kind::Disable:
        outcome = m_store->setActive(
            action.job, action.kind == JobAction::Kind::Enable, action.options);
        break;
    case JobAction::Kind::RunNow:
        outcome = m_store->runNow(action.job, action.options);
        break;
    case JobAction::Kind::SetInterval:
        outcome = m_store->updateInterval(action.job, action.hours, action.options);
        break;
    case JobAction::Kind::SetSchedule:
        outcome = action.schedule
            ? m_store->setSchedule(action.job, *action.schedule, action.options)
            : Result<ActionOutcome>(Error::invalidInput(tr("no schedule given")));
        break;
    case JobAction::Kind::Reset:
        outcome = m_store->reset(action.job, action.options);
        break;
    case JobAction::Kind::Remove:
        outcome = m_store->removeJob(action.job, action.options);
        break;
    case JobAction::Kind::Add:
        outcome = m_store->addJob(action.newJob, action.options);
        break;
    }
    if (outcome) {
        // Show the result at once, without waiting for the notification or the next poll.
        const Job job = outcome->job;
        if (action.kind == JobAction::Kind::Remove)
            post([name = job.name](JobClient *client) { emit client->jobRemoved(name); });
        else
            post([job](JobClient *client) { emit client->jobUpdated(job); });
    } else if (outcome.error().kind == Error::Kind::Conflict && !action.job.isEmpty()) {
        // A stale view: bring the row up to date so the user sees what changed.
        if (const Result<Job> fresh = m_store->job(action.job))
            post([job = *fresh](JobClient *client) { emit client->jobUpdated(job); });
    } else {
        handleError(outcome.error());
    }
    post([id, outcome](JobClient *client) { client->deliverAction(id, outcome); });
}

void JobWorker::fetchHistory(quint64 id, const HistoryQuery &query)
{
    Result<QList<HistoryEntry>> history = m_store
        ? m_store->history(query)
        : Result<QList<HistoryEntry>>(Error::connection(tr("not connected")));
    if (!history)
        handleError(history.error());
    post([id, history](JobClient *client) { client->deliverHistory(id, history); });
}

void JobWorker::fetchRunners()
{
    m_watchRunners = true;
    if (!m_db || !m_store) {
        post([](JobClient *client) { emit client->runnersFailed(tr("not connected")); });
        return;
    }
    // Reading needs no owner and no lease length.
    LeaseStore leases(*m_db, QString(), 60);
    Result<QList<RunnerInfo>> runners = leases.runners();
    if (!runners) {
        handleError(runners.error());
        post([message = runners.error().message](
                 JobClient *client) { emit client->runnersFailed(message); });
        return;
    }
    post([runners = std::move(runners).value()](
             JobClient *client) { emit client->runnersLoaded(runners); });
}
