#include "core/client/jobclient.h"

#include "core/client/dbthread.h"
#include "core/db/database.h"
#include "core/store/jobchangefeed.h"
#include "core/store/jobstore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <optional>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(JobClient)
};

Result<ActionOutcome> performOn(JobStore &store, const JobAction &action)
{
    switch (action.kind) {
    case JobAction::Kind::Enable:
    case JobAction::Kind::Disable:
        return store.setActive(action.job, action.kind == JobAction::Kind::Enable, action.options);
    case JobAction::Kind::RunNow:
        return store.runNow(action.job, action.options);
    case JobAction::Kind::SetInterval:
        return store.updateInterval(action.job, action.hours, action.options);
    case JobAction::Kind::SetSchedule:
        if (!action.schedule)
            return Error::invalidInput(Text::tr("no schedule given"));
        return store.setSchedule(action.job, *action.schedule, action.options);
    case JobAction::Kind::Reset:
        return store.reset(action.job, action.options);
    case JobAction::Kind::Remove:
        return store.removeJob(action.job, action.options);
    case JobAction::Kind::Add:
        return store.addJob(action.newJob, action.options);
    case JobAction::Kind::SetDescription:
        return store.setDescription(action.job, action.text, action.options);
    case JobAction::Kind::Rename:
        return store.rename(action.job, action.text, action.options);
    case JobAction::Kind::SetPolicy:
        return store.setPolicy(action.job, action.policy, action.options);
    }
    return Error::invalidInput(Text::tr("unknown action"));
}

} // namespace

JobClient::JobClient(const ConnectionSpec &spec, QObject *parent)
    : JobClient(spec, Options(), parent)
{ }

JobClient::JobClient(const ConnectionSpec &spec, const Options &options, QObject *parent)
    : QObject(parent)
{
    DbThread::Options threadOptions;
    threadOptions.purpose = options.purpose;
    threadOptions.changeChannel = QStringLiteral("cron_jobs_changed");
    threadOptions.pollInterval = options.pollInterval;
    threadOptions.pingInterval = options.pingInterval;
    threadOptions.firstRetry = options.firstRetry;
    threadOptions.maxRetry = options.maxRetry;
    threadOptions.onOpen = options.onOpen;
    m_db = new DbThread(spec, threadOptions, this);
    connect(
        m_db, &DbThread::stateChanged, this, [this](DbThread::State state, const QString &message) {
            setState(State(int(state)), message);
            if (state == DbThread::State::Connected)
                onConnected();
        });
    connect(m_db, &DbThread::changed, this, &JobClient::onChanged);
}

JobClient::~JobClient() = default;

void JobClient::start()
{
    m_db->start();
}

const ConnectionSpec &JobClient::spec() const
{
    return m_db->spec();
}

void JobClient::setState(State state, const QString &message)
{
    if (state == m_state && message == m_stateMessage)
        return;
    m_state = state;
    m_stateMessage = message;
    emit stateChanged(state, message);
}

void JobClient::onConnected()
{
    m_db->call<Session>(
        this,
        [](Database &db) -> Result<Session> {
            Session session;
            session.user = db.databaseUser();
            if (db.backend() == Backend::PostgreSQL) {
                // Unknown (the question failed) counts as writable: the server has the last word.
                const Result<bool> mayUpdate
                    = db.hasTablePrivilege(QStringLiteral("cron_jobs"), QStringLiteral("UPDATE"));
                session.writable = !mayUpdate || *mayUpdate;
                if (!session.writable)
                    session.reason = tr("The database role %1 may not change cron_jobs "
                                        "(read-only access).")
                                         .arg(session.user);
            } else {
                const QFileInfo file(db.spec().filePath);
                session.writable = file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
                if (!session.writable)
                    session.reason
                        = tr("The database file %1 is read-only for you.").arg(db.spec().filePath);
            }
            return session;
        },
        [this](const Result<Session> &session) {
            if (!session)
                return;
            m_databaseUser = session->user;
            if (session->writable == m_writable && session->reason == m_readOnlyReason)
                return;
            m_writable = session->writable;
            m_readOnlyReason = session->reason;
            emit writableChanged(m_writable, m_readOnlyReason);
        });
    reload();
}

void JobClient::reload()
{
    if (m_db->spec().backend == Backend::PostgreSQL) {
        readChanges(QString());
        return;
    }
    m_db->call<QList<Job>>(
        this, [](Database &db) { return JobStore(db).listJobs(); },
        [this](const Result<QList<Job>> &jobs) {
            if (!jobs) {
                reportReadError(jobs.error());
                return;
            }
            showAll(*jobs);
        });
}

void JobClient::readChanges(const QString &since)
{
    m_db->call<JobChanges>(
        this, [since](Database &db) { return JobChangeFeed::read(db, since); },
        [this, since](const Result<JobChanges> &changes) {
            if (!changes) {
                reportReadError(changes.error());
                return;
            }
            m_snapshot = changes->snapshot;
            if (since.isEmpty()) {
                showAll(changes->jobs);
                return;
            }
            showJobs(changes->jobs);
            // A deleted row leaves nothing to read: the counts differ, and one full read
            // finds which.
            if (m_shown.size() != changes->total)
                reload();
        });
}

void JobClient::reportReadError(const Error &error)
{
    // A lost connection is already shown as Reconnecting; anything else is news.
    if (m_db->state() == DbThread::State::Connected)
        setState(State::Connected, error.message);
}

void JobClient::showAll(const QList<Job> &jobs)
{
    m_shown.clear();
    for (const Job &job : jobs)
        m_shown.insert(job.name);
    emit jobsLoaded(jobs);
}

void JobClient::showJobs(const QList<Job> &jobs)
{
    if (jobs.isEmpty())
        return;
    for (const Job &job : jobs)
        m_shown.insert(job.name);
    emit jobsUpdated(jobs);
}

void JobClient::forgetJob(const QString &name)
{
    // On PostgreSQL our own removal also comes back as a notification: report it once.
    if (m_shown.remove(name))
        emit jobRemoved(name);
}

void JobClient::onChanged()
{
    // A runner claiming or finishing a job is also a change of the runners table.
    if (m_watchRunners && m_db->spec().backend == Backend::PostgreSQL)
        refreshRunners();
    if (m_watchPause)
        refreshPause();
    // PostgreSQL: one read of the rows written since the last one, whatever the payload said.
    if (m_db->spec().backend == Backend::PostgreSQL) {
        readChanges(m_snapshot);
        return;
    }
    reload(); // SQLite: its poll saw the file change
}

void JobClient::perform(const JobAction &action, QObject *context, ActionCallback callback)
{
    // The job table hears of the outcome whoever asked, so the call's context is this client.
    m_db->call<std::pair<Result<ActionOutcome>, std::optional<Job>>>(
        this,
        [action](Database &db) -> Result<std::pair<Result<ActionOutcome>, std::optional<Job>>> {
            JobStore store(db);
            Result<ActionOutcome> outcome = performOn(store, action);
            std::optional<Job> fresh;
            // A stale view: bring the row up to date so the user sees what changed.
            if (!outcome && outcome.error().kind == Error::Kind::Conflict && !action.job.isEmpty())
                if (const Result<Job> job = store.job(action.job))
                    fresh = *job;
            if (!outcome && (outcome.error().kind == Error::Kind::Connection || !db.isOpen()))
                return outcome.error(); // DbThread reconnects
            return std::pair(std::move(outcome), std::move(fresh));
        },
        [this, action, guard = QPointer<QObject>(context), callback = std::move(callback)](
            const auto &answer) {
            const Result<ActionOutcome> outcome
                = answer ? answer->first : Result<ActionOutcome>(answer.error());
            if (outcome) {
                // Show the result at once, without waiting for the notification or the poll.
                if (action.kind == JobAction::Kind::Remove)
                    forgetJob(outcome->job.name);
                else
                    showJobs({outcome->job});
                // Renamed: the table follows the row by id; the old name is no longer shown.
                if (action.kind == JobAction::Kind::Rename && outcome->job.name != action.job)
                    m_shown.remove(action.job);
            } else if (answer && answer->second) {
                showJobs({*answer->second});
            }
            if (guard && callback)
                callback(outcome);
        });
}

void JobClient::refreshRunners()
{
    m_watchRunners = true;
    m_db->call<QList<RunnerInfo>>(
        this,
        // Reading needs no owner and no lease length.
        [](Database &db) { return LeaseStore(db, QString(), 60).runners(); },
        [this](const Result<QList<RunnerInfo>> &runners) {
            if (runners)
                emit runnersLoaded(*runners);
            else
                emit runnersFailed(runners.error().message);
        });
}
