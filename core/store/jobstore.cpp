#include "core/store/jobstore.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/domain/jobrules.h"
#include "core/schedule/schedule.h"
#include "core/store/auditwriter.h"
#include "core/store/historypager.h"
#include "core/store/jobrow.h"
#include "core/store/statusjson.h"
#include "core/store/transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

Error unknownJob(const QString &name)
{
    return Error::notFound(JobStore::tr("there is no job named \"%1\"").arg(name));
}

} // namespace

JobStore::JobStore(Database &database)
    : m_database(database)
{ }

Result<QSqlQuery *> JobStore::run(
    const QString &sql, const QVariantMap &values, const QString &what)
{
    return m_database.run(sql, values, what);
}

Result<bool> JobStore::updateJob(
    qint64 id, const QString &assignments, QVariantMap values, const QString &what)
{
    // Every admin change moves row_version (stale views are refused) and updated_at.
    values.insert(QStringLiteral("id"), id);
    const Status status
        = exec(QStringLiteral("UPDATE cron_jobs SET %1, row_version = row_version + 1, "
                              "updated_at = %2 WHERE id = :id")
                   .arg(assignments, m_database.dialect().now()),
            values, what);
    if (!status)
        return status.error();
    return true;
}

Status JobStore::exec(const QString &sql, const QVariantMap &values, const QString &what)
{
    const auto done = run(sql, values, what);
    if (!done)
        return done.error();
    return {};
}

Result<QList<Job>> JobStore::listJobs()
{
    QSqlQuery query(m_database.handle());
    query.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT %1 FROM cron_jobs ORDER BY nome")
                            .arg(JobRow::selectList(m_database.dialect()));
    if (!query.exec(sql))
        return SqlErrors::fromQuery(query, m_database.backend(), tr("reading the job list"));
    QList<Job> jobs;
    while (query.next())
        jobs.append(JobRow::read(query));
    if (query.lastError().isValid())
        return SqlErrors::fromQuery(query, m_database.backend(), tr("reading the job list"));
    return jobs;
}

Result<Job> JobStore::selectJob(const QString &name, bool forUpdate)
{
    const auto query = run(QStringLiteral("SELECT %1 FROM cron_jobs WHERE nome = :nome%2")
                               .arg(JobRow::selectList(m_database.dialect()),
                                   forUpdate ? m_database.dialect().forUpdate() : QString()),
        {{QStringLiteral("nome"), name}}, tr("reading job \"%1\"").arg(name));
    if (!query)
        return query.error();
    if (!(*query)->next())
        return unknownJob(name);
    const Job job = JobRow::read(**query);
    (*query)->finish();
    return job;
}

Result<Job> JobStore::job(const QString &name)
{
    return selectJob(name, false);
}

Result<ActionOutcome> JobStore::applyAction(const QString &name, const QString &action,
    const ActionOptions &options, const Change &change, const QJsonObject &auditExtras)
{
    ActionOutcome outcome;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        const Result<Job> before = selectJob(name, true);
        if (!before)
            return before.error();
        if (options.expectedVersion && *options.expectedVersion != before->rowVersion)
            return Error::conflict(
                tr("job \"%1\" was changed by someone else since it was read (version %2, now "
                   "%3); reload it and try again")
                    .arg(name, QString::number(*options.expectedVersion),
                        QString::number(before->rowVersion)));
        const Result<bool> wrote = change(*before);
        if (!wrote)
            return wrote.error();
        outcome.changed = *wrote;
        if (!outcome.changed) {
            outcome.job = *before;
            return {};
        }
        const Result<Job> after = selectJob(name, false);
        if (!after)
            return after.error();
        outcome.job = *after;
        return AuditWriter::adminAction(m_database, action, name, StatusJson::snapshot(*before),
            StatusJson::snapshot(*after), options.reason, auditExtras);
    });
    if (!status)
        return status.error();
    return outcome;
}

Result<ActionOutcome> JobStore::setActive(
    const QString &name, bool active, const ActionOptions &options)
{
    const QString action = active ? QStringLiteral("enable") : QStringLiteral("disable");
    return applyAction(name, action, options, [&](const Job &before) -> Result<bool> {
        if (before.active == active)
            return false;
        return updateJob(before.id, QStringLiteral("ativo = :ativo"),
            {{QStringLiteral("ativo"), active}}, tr("changing job \"%1\"").arg(name));
    });
}

Result<ActionOutcome> JobStore::updateInterval(
    const QString &name, qint64 hours, const ActionOptions &options)
{
    const auto schedule = Schedule::interval(hours);
    if (!schedule)
        return schedule.error();
    return applySchedule(name, *schedule, QStringLiteral("update_interval"), options);
}

Result<ActionOutcome> JobStore::setSchedule(
    const QString &name, const Schedule &schedule, const ActionOptions &options)
{
    return applySchedule(name, schedule, QStringLiteral("set_schedule"), options);
}

Result<ActionOutcome> JobStore::applySchedule(const QString &name, const Schedule &schedule,
    const QString &action, const ActionOptions &options)
{
    return applyAction(name, action, options, [&](const Job &before) -> Result<bool> {
        const SqlDialect &d = m_database.dialect();
        QVariantMap values;
        QString assignments;
        if (schedule.isCron()) {
            // The first fire time after the server's now; the interval is kept for the seed's
            // finalizar_execucao_cron, which only knows intervals.
            const QDateTime next = schedule.nextAfter(before.readAt);
            if (!next.isValid())
                return Error::invalidInput(
                    tr("the expression \"%1\" never fires in the next five years")
                        .arg(schedule.expression()));
            assignments = QStringLiteral("cron_expression = :cron, schedule_timezone = :zone, %1")
                              .arg(d.assignInstant(QStringLiteral("next_run"),
                                  d.instantFromEpoch(QStringLiteral(":next"))));
            values.insert(QStringLiteral("cron"), schedule.expression());
            values.insert(QStringLiteral("zone"), schedule.zoneId());
            values.insert(QStringLiteral("next"), next.toMSecsSinceEpoch() / 1000.0);
        } else {
            // As the seed does: next_run = calcular_proximo_run(intervalo_horas).
            assignments = QStringLiteral("intervalo_horas = :horas, %1, "
                                         "cron_expression = NULL, schedule_timezone = NULL")
                              .arg(d.assignInstant(QStringLiteral("next_run"),
                                  d.instantPlusHours(QStringLiteral(":horas2"))));
            values.insert(QStringLiteral("horas"), schedule.intervalHours());
            values.insert(QStringLiteral("horas2"), schedule.intervalHours());
        }
        return updateJob(
            before.id, assignments, values, tr("changing the schedule of job \"%1\"").arg(name));
    });
}

Result<ActionOutcome> JobStore::reset(const QString &name, const ActionOptions &options)
{
    return applyAction(
        name, QStringLiteral("reset"), options,
        [&](const Job &before) -> Result<bool> {
            // readAt is the server's clock at the row lock: nobody renews the lease meanwhile.
            const bool live = JobRules::hasLiveLease(before, before.readAt);
            if (live && !options.force)
                return Error::conflict(
                    tr("job \"%1\" is running: %2 holds a live lease until %3 (server time, "
                       "UTC), so a reset now could start a second copy beside it. Wait until it "
                       "finishes, or force the reset (cronctl reset %1 --force, or Force in the "
                       "console's reset dialog): %2 is fenced off and nobody starts the job "
                       "before its lease expires.")
                        .arg(name, before.leaseOwner.isEmpty() ? tr("a runner") : before.leaseOwner,
                            before.leaseExpiresAt.toUTC().toString(Qt::ISODate)));
            // lease_token moves on, so a runner that still thinks it holds the job cannot record
            // its result over the reset. A forced reset of a live lease also keeps everyone off
            // the job until that lease's expiry (the SET reads the row before the change).
            const SqlDialect &d = m_database.dialect();
            QString assignments = QStringLiteral(
                "ultimo_status = 'pending', running_since = NULL, lease_owner = NULL, "
                "lease_expires_at = NULL, lease_token = lease_token + 1");
            if (d.isPostgres())
                assignments += QStringLiteral(", running_since_tz = NULL");
            if (live)
                assignments += QStringLiteral(", claimable_after = lease_expires_at");
            return updateJob(before.id, assignments, {}, tr("resetting job \"%1\"").arg(name));
        },
        QJsonObject{{QStringLiteral("forced"), options.force}});
}

Result<ActionOutcome> JobStore::runNow(const QString &name, const ActionOptions &options)
{
    return applyAction(
        name, QStringLiteral("run_now"), options, [&](const Job &before) -> Result<bool> {
            if (!before.active)
                return Error::conflict(
                    tr("job \"%1\" is disabled; enable it before running it").arg(name));
            if (before.runStatus() == RunStatus::Running
                && !JobRules::isStuck(before, before.readAt))
                return Error::conflict(tr("job \"%1\" is running now (held by %2)")
                                           .arg(name,
                                               before.leaseOwner.isEmpty() ? tr("another program")
                                                                           : before.leaseOwner));
            const SqlDialect &d = m_database.dialect();
            // run_now_requested: the run this causes is recorded with the trigger run_now.
            return updateJob(before.id,
                d.assignInstant(QStringLiteral("next_run"), d.instantNow())
                    + QStringLiteral(", run_now_requested = TRUE"),
                {}, tr("scheduling job \"%1\" now").arg(name));
        });
}

Result<ActionOutcome> JobStore::addJob(const NewJob &newJob, const ActionOptions &options)
{
    if (const QString problem = JobRules::validateName(newJob.name); !problem.isEmpty())
        return Error::invalidInput(problem);
    if (const QString problem = JobRules::validateIntervalHours(newJob.intervalHours);
        !problem.isEmpty())
        return Error::invalidInput(problem);
    std::optional<Schedule> cron;
    if (!newJob.cronExpression.isEmpty()) {
        auto parsed = Schedule::cron(newJob.cronExpression, newJob.timeZone);
        if (!parsed)
            return parsed.error();
        cron = std::move(parsed).value();
    }
    ActionOutcome outcome;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        const auto exists = run(QStringLiteral("SELECT 1 FROM cron_jobs WHERE nome = :nome"),
            {{QStringLiteral("nome"), newJob.name}}, tr("adding a job"));
        if (!exists)
            return exists.error();
        const bool taken = (*exists)->next();
        (*exists)->finish();
        if (taken)
            return Error::conflict(tr("a job named \"%1\" already exists").arg(newJob.name));
        const Status inserted
            = exec(QStringLiteral("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, ativo) "
                                  "VALUES (:nome, :descricao, :horas, :ativo)"),
                {{QStringLiteral("nome"), newJob.name},
                    {QStringLiteral("descricao"),
                        newJob.description.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                     : QVariant(newJob.description)},
                    {QStringLiteral("horas"), newJob.intervalHours},
                    {QStringLiteral("ativo"), newJob.active}},
                tr("adding job \"%1\"").arg(newJob.name));
        if (!inserted)
            return inserted;
        if (newJob.runAt.isValid()) {
            // One-shot (issue 17): nobody may start it before runAt (claimable_after is the
            // hold every claimer and the seed's functions honour), then it disables itself.
            const SqlDialect &d = m_database.dialect();
            const Status oneShot = exec(
                QStringLiteral("UPDATE cron_jobs SET run_once = (1 = 1), %1, claimable_after = %2 "
                               "WHERE nome = :nome")
                    .arg(d.assignInstant(
                             QStringLiteral("next_run"), d.instantFromEpoch(QStringLiteral(":at"))),
                        d.instantFromEpoch(QStringLiteral(":at"))),
                {{QStringLiteral("at"), newJob.runAt.toMSecsSinceEpoch() / 1000.0},
                    {QStringLiteral("nome"), newJob.name}},
                tr("making job \"%1\" a one-shot").arg(newJob.name));
            if (!oneShot)
                return oneShot;
        }
        if (cron) {
            // A cron job waits for its first fire time instead of running at once.
            const Result<Job> added = selectJob(newJob.name, false);
            if (!added)
                return added.error();
            const Status scheduled = exec(
                QStringLiteral("UPDATE cron_jobs SET cron_expression = :cron, schedule_timezone = "
                               ":zone, %1 WHERE id = :id")
                    .arg(m_database.dialect().assignInstant(QStringLiteral("next_run"),
                        m_database.dialect().instantFromEpoch(QStringLiteral(":next")))),
                {{QStringLiteral("cron"), cron->expression()},
                    {QStringLiteral("zone"), cron->zoneId()},
                    {QStringLiteral("next"),
                        cron->nextAfter(added->readAt).toMSecsSinceEpoch() / 1000.0},
                    {QStringLiteral("id"), added->id}},
                tr("adding job \"%1\"").arg(newJob.name));
            if (!scheduled)
                return scheduled;
        }
        const Result<Job> after = selectJob(newJob.name, false);
        if (!after)
            return after.error();
        outcome.job = *after;
        outcome.changed = true;
        return AuditWriter::adminAction(m_database, QStringLiteral("add"), newJob.name,
            QJsonValue::Null, StatusJson::snapshot(*after), options.reason);
    });
    if (!status)
        return status.error();
    return outcome;
}

Result<ActionOutcome> JobStore::removeJob(const QString &name, const ActionOptions &options)
{
    ActionOutcome outcome;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        const Result<Job> before = selectJob(name, true);
        if (!before)
            return before.error();
        if (options.expectedVersion && *options.expectedVersion != before->rowVersion)
            return Error::conflict(
                tr("job \"%1\" was changed by someone else since it was read; reload it and try "
                   "again")
                    .arg(name));
        const Status deleted = exec(QStringLiteral("DELETE FROM cron_jobs WHERE id = :id"),
            {{QStringLiteral("id"), before->id}}, tr("removing job \"%1\"").arg(name));
        if (!deleted)
            return deleted;
        outcome.job = *before;
        outcome.changed = true;
        return AuditWriter::adminAction(m_database, QStringLiteral("remove"), name,
            StatusJson::snapshot(*before), QJsonValue::Null, options.reason);
    });
    if (!status)
        return status.error();
    return outcome;
}

Result<QList<HistoryEntry>> JobStore::history(const HistoryQuery &request)
{
    return HistoryPager(m_database).page(request);
}
