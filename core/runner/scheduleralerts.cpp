// The scheduler's alerts (issue 17): a runner with a notify action records stuck, overdue and
// stale-runner events (each once, by its dedupe key, whichever runner sees it first) and delivers
// events one at a time; failure and recovered events are added when a run is recorded
// (LeaseStore::finish).
#include "core/runner/scheduler.h"

#include "core/db/database.h"
#include "core/domain/jobpolicy.h"
#include "core/domain/jobrules.h"
#include "core/runner/notifier.h"
#include "core/store/eventstore.h"
#include "core/store/jobstore.h"

#include <algorithm>

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcRunner)

void Scheduler::scanEvents()
{
    if (!m_leases)
        return;
    JobStore store(*m_db);
    const auto jobs = store.listJobs();
    if (!jobs) {
        handleError(jobs.error());
        return;
    }
    const auto runners = m_leases->runners();
    if (!runners) {
        handleError(runners.error());
        return;
    }
    QSet<QString> runnable; // named by a live runner's config
    for (const RunnerInfo &runner : *runners) {
        if (!runner.stale && !runner.stoppedAt.isValid()) {
            for (const QString &job : runner.jobs)
                runnable.insert(job);
        }
    }
    const auto add = [this](const QString &event, const QString &job, const QString &runner,
                         const QString &key, const QJsonObject &payload) {
        const auto added = EventStore::add(*m_db, event, job, runner, key, payload);
        if (!added)
            handleError(added.error());
        return bool(added) && m_leases;
    };
    for (const Job &job : *jobs) {
        const QDateTime now = job.readAt;
        if (JobRules::isStuck(job, now)) {
            if (!add(QStringLiteral("stuck"), job.name, {},
                    QStringLiteral("stuck:%1:%2").arg(job.name).arg(job.leaseToken),
                    {{QStringLiteral("message"),
                         tr("job %1 is stuck: running since %2 past its lease")
                             .arg(job.name, job.runningSince.toString(Qt::ISODate))},
                        {QStringLiteral("lease_owner"), job.leaseOwner}}))
                return;
        } else if (JobPolicy::isOverdue(job, now, m_paused)) {
            const QDateTime since = JobPolicy::dueSince(job, now);
            const bool noRunner = !runnable.contains(job.name);
            const QString message = noRunner
                ? tr("job %1 is overdue: due since %2 and no runner can run it")
                : tr("job %1 is overdue: due since %2 and not started");
            if (!add(QStringLiteral("overdue"), job.name, {},
                    QStringLiteral("overdue:%1:%2").arg(job.name).arg(since.toMSecsSinceEpoch()),
                    {{QStringLiteral("message"),
                         message.arg(job.name, since.toString(Qt::ISODate))},
                        {QStringLiteral("due_since"), since.toString(Qt::ISODate)},
                        {QStringLiteral("no_runner"), noRunner}}))
                return;
        }
    }
    for (const RunnerInfo &runner : *runners) {
        if (!runner.stale)
            continue;
        if (!add(QStringLiteral("runner_stale"), {}, runner.name,
                QStringLiteral("runner_stale:%1:%2")
                    .arg(runner.name)
                    .arg(runner.heartbeatAt.toMSecsSinceEpoch()),
                {{QStringLiteral("message"),
                     tr("runner %1 on %2 has sent no heartbeat since %3")
                         .arg(runner.name, runner.host, runner.heartbeatAt.toString(Qt::ISODate))},
                    {QStringLiteral("host"), runner.host}}))
            return;
    }
}

void Scheduler::deliverEvents()
{
    if (!m_leases || !m_notifier || m_notifier->isBusy())
        return;
    // One at a time: an event this runner has claimed is one it is delivering now.
    // Held for the delivery's own timeout and a margin: nobody else takes it while it can
    // still be going on here.
    const int hold = m_config.notify->timeoutSeconds + 30;
    const auto events = EventStore::claim(*m_db, m_name, 1, hold);
    if (!events) {
        handleError(events.error());
        return;
    }
    if (events->isEmpty())
        return;
    const EventStore::Event event = events->constFirst();
    const QByteArray json = QJsonDocument(event.payload).toJson(QJsonDocument::Compact);
    qCInfo(lcRunner, "notifying %s", json.constData());
    m_notifier->deliver(
        json, [this, id = event.id, attempts = event.attempts](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcRunner, "notify (attempt %d of %d): %s", attempts,
                    EventStore::maxAttempts, qPrintable(error));
            if (!m_leases)
                return;
            // A failed delivery is tried again (by any runner) after notify_retry_seconds, doubled
            // at each attempt, at most an hour.
            const qint64 retry = std::min<qint64>(
                qint64(m_config.notifyRetrySeconds) << std::clamp(attempts - 1, 0, 12), 3600);
            if (const Status noted = error.isEmpty()
                    ? EventStore::markDelivered(*m_db, id)
                    : EventStore::markFailed(*m_db, id, error, retry);
                !noted) {
                handleError(noted.error());
                return;
            }
            deliverEvents();
        });
}
