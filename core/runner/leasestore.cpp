#include "core/runner/leasestore.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/domain/jobpolicy.h"
#include "core/domain/jobrules.h"
#include "core/store/auditwriter.h"
#include "core/store/eventstore.h"
#include "core/store/jobrow.h"
#include "core/store/pausestore.h"
#include "core/store/runstore.h"
#include "core/store/statusjson.h"
#include "core/store/transaction.h"
#include "core/util/clientinfo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcRunner)

namespace {

QString jsonArray(const QStringList &names)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
}

QStringList stringList(const QVariant &json)
{
    QStringList list;
    for (const QJsonValue value : QJsonDocument::fromJson(json.toString().toUtf8()).array())
        list << value.toString();
    return list;
}

Result<QSqlQuery *> run(
    Database &database, const QString &sql, const QVariantMap &values, const QString &what)
{
    return database.run(sql, values, what);
}

// Every row of a query made with JobRow::selectList().
Result<QList<Job>> readJobs(const Result<QSqlQuery *> &query)
{
    if (!query)
        return query.error();
    QList<Job> jobs;
    while ((*query)->next())
        jobs << JobRow::read(**query);
    (*query)->finish();
    return jobs;
}

} // namespace

LeaseStore::LeaseStore(Database &database, const QString &owner, int leaseSeconds)
    : m_database(database)
    , m_owner(owner)
    , m_leaseSeconds(leaseSeconds)
{ }

Result<QList<Job>> LeaseStore::jobs(const QStringList &names)
{
    const SqlDialect &d = m_database.dialect();
    const auto query = run(m_database,
        QStringLiteral("SELECT %1 FROM cron_jobs WHERE %2")
            .arg(JobRow::selectList(d),
                d.inJsonArray(QStringLiteral("nome"), QStringLiteral(":names"))),
        {{QStringLiteral("names"), jsonArray(names)}}, tr("reading the runner's jobs"));
    return readJobs(query);
}

LeaseStore::Which LeaseStore::whichJobs(const QStringList &names) const
{
    // The configured ones (the session's table) but those left out, when the table is there
    // and holds every name asked for; else the names themselves.
    bool fromTable = !m_configured.isEmpty();
    for (const QString &name : names)
        fromTable = fromTable && m_configured.contains(name);
    if (!fromTable)
        return {
            m_database.dialect().inJsonArray(QStringLiteral("c.nome"), QStringLiteral(":names")),
            jsonArray(names)};
    QStringList leftOut;
    const QSet<QString> asked(names.cbegin(), names.cend());
    for (const QString &name : std::as_const(m_configured))
        if (!asked.contains(name))
            leftOut << name;
    return tableWhich(leftOut);
}

LeaseStore::Which LeaseStore::tableWhich(const QStringList &leftOut) const
{
    return {QStringLiteral("c.nome IN (SELECT nome FROM pg_temp.cron_console_runner_jobs) AND NOT "
                           "(%1)")
                .arg(m_database.dialect().inJsonArray(
                    QStringLiteral("c.nome"), QStringLiteral(":names"))),
        jsonArray(leftOut)};
}

QStringList LeaseStore::idleOf(const QStringList &running) const
{
    const QSet<QString> busy(running.cbegin(), running.cend());
    QStringList idle;
    for (const QString &name : m_configuredNames)
        if (!busy.contains(name))
            idle << name;
    return idle;
}

Result<QList<Claim>> LeaseStore::claimIdle(const QStringList &running, int limit)
{
    if (!claimsFromTable())
        return claimDue(idleOf(running), limit);
    if (limit <= 0 || running.size() >= m_configured.size())
        return QList<Claim>();
    return claimPostgres(tableWhich(running), limit);
}

Result<QList<Job>> LeaseStore::wakeCandidatesIdle(const QStringList &running, int horizonSeconds)
{
    if (!claimsFromTable())
        return wakeCandidates(idleOf(running), horizonSeconds);
    return wakeCandidates(tableWhich(running), horizonSeconds);
}

Result<QList<Job>> LeaseStore::wakeCandidates(const QStringList &names, int horizonSeconds)
{
    if (!m_database.dialect().isPostgres())
        return jobs(names);
    return wakeCandidates(whichJobs(names), horizonSeconds);
}

Result<QList<Job>> LeaseStore::wakeCandidates(const Which &which, int horizonSeconds)
{
    // The claim's "may be due" with the horizon added (claimableFrom() is never earlier than
    // next_run, the lease's end or retry_at): a job outside it cannot wake us sooner than the
    // horizon. Catch-up "skip" jobs always, the next wake checks their slots. In a burst's tail
    // this read returned all of a runner's jobs after every finish (1,000 rows each time).
    const auto query = run(m_database,
        QStringLiteral("SELECT %1 FROM cron_jobs c WHERE %2 AND (c.catch_up = 'skip' OR c.ativo "
                       "AND (c.ultimo_status = 'running' OR (c.last_run IS NULL AND "
                       "c.cron_expression IS NULL) OR c.next_run_tz IS NULL OR c.next_run_tz <= "
                       "%3 OR c.retry_at <= %3))")
            .arg(JobRow::selectList(m_database.dialect()), which.clause,
                QStringLiteral("NOW() + make_interval(secs => CAST(:horizon AS float8))")),
        {{QStringLiteral("names"), which.names}, {QStringLiteral("horizon"), horizonSeconds}},
        tr("reading the runner's jobs"));
    return readJobs(query);
}

void LeaseStore::useConfiguredJobs(const QStringList &names)
{
    m_configured.clear();
    m_configuredNames = names;
    if (!m_database.dialect().isPostgres() || names.isEmpty())
        return;
    // Not through run(): QPSQL prepares what it runs, and PostgreSQL cannot PREPARE a CREATE, so
    // every claim used to send all the names (10,000 of them, parsed per claim).
    {
        QSqlQuery create(m_database.handle());
        Database::CallScope scope(m_database);
        if (!create.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS cron_console_runner_jobs "
                                        "(nome TEXT PRIMARY KEY) ON COMMIT PRESERVE ROWS"))) {
            qCWarning(lcRunner, "claims send the job names (no temporary table: %s)",
                qPrintable(create.lastError().text()));
            return;
        }
    }
    const auto filled = run(m_database,
        QStringLiteral("WITH gone AS (DELETE FROM pg_temp.cron_console_runner_jobs) "
                       "INSERT INTO pg_temp.cron_console_runner_jobs (nome) SELECT DISTINCT "
                       "jsonb_array_elements_text(CAST(:names AS jsonb))"),
        {{QStringLiteral("names"), jsonArray(names)}}, tr("noting the runner's jobs"));
    if (!filled) {
        qCWarning(lcRunner, "claims send the job names (%s)", qPrintable(filled.error().message));
        return;
    }
    (*filled)->finish();
    m_configured = QSet<QString>(names.cbegin(), names.cend());
}

Result<QList<Claim>> LeaseStore::claimDue(const QStringList &names, int limit)
{
    if (names.isEmpty() || limit <= 0)
        return QList<Claim>();
    return m_database.backend() == Backend::PostgreSQL ? claimPostgres(whichJobs(names), limit)
                                                       : claimSqlite(names, limit);
}

Result<QList<Claim>> LeaseStore::claimPostgres(const Which &which, int limit)
{
    // Pick due rows nobody else is locking, then claim them. MATERIALIZED fixes the picked set
    // once: as a plain subquery the planner may run it once per outer row (tables without
    // statistics), and each run's LIMIT then adds more rows than `limit`. The predicate is
    // repeated in the UPDATE on purpose: it is checked against the row version being written.
    static const QString claimable
        = QStringLiteral("cron_job_claimable(%1ativo, %1ultimo_status, %1last_run, %1next_run_tz, "
                         "%1running_since_tz, %1updated_at, %1lease_expires_at, %1cron_expression, "
                         "%1claimable_after) OR cron_job_retry_due(%1ativo, %1ultimo_status, "
                         "%1retry_at, %1claimable_after)");
    // What either function needs, in plain columns (issue 15): the planner checks it first, so
    // the functions are called for the rows that may be due only, not for every configured job.
    // It must never exclude a row the functions would accept: it is their conditions, loosened.
    // The same rule without the pause, which the picking checks once (0017_scale.sql).
    static const QString due
        = QStringLiteral("NOT (SELECT cron_console_paused()) AND (cron_job_due(c.ativo, "
                         "c.ultimo_status, c.last_run, c.next_run_tz, c.running_since_tz, "
                         "c.updated_at, c.lease_expires_at, c.cron_expression, "
                         "c.claimable_after) OR cron_job_retry_ready(c.ativo, c.ultimo_status, "
                         "c.retry_at, c.claimable_after))");
    // Its NOW() as a subquery, a value the planner does not know: statistics are taken before
    // a burst, when no row was due, and with NOW() itself the planner expected one due row and
    // sorted all of them for each claim of eight (2.2 ms a claim for 1,000 due jobs). Without
    // the value it reads the rows in claim order (idx_cron_jobs_claim_order) and stops after
    // `limit`: 0.15 ms, also for 10,000 (tst_scale::claimsWalkTheClaimOrder).
    static const QString mayBeDue
        = QStringLiteral("c.ativo AND (c.ultimo_status = 'running' OR (c.last_run IS NULL AND "
                         "c.cron_expression IS NULL) OR c.next_run_tz IS NULL OR "
                         "c.next_run_tz <= (SELECT NOW()) OR c.retry_at <= (SELECT NOW()))");
    const SqlDialect &d = m_database.dialect();
    const QString sql
        = QStringLiteral(
            "WITH picked AS MATERIALIZED (SELECT c.id AS picked_id, c.ultimo_status AS was_status, "
            "c.lease_owner AS was_owner, c.lease_token AS was_token, "
            "EXTRACT(EPOCH FROM c.running_since_tz)::float8 AS was_since, "
            "COALESCE(c.action_backend_pid, (SELECT r.action_backend_pid FROM cron_runs r "
            "WHERE r.job_id = c.id AND r.lease_token = c.lease_token)) AS was_backend "
            "FROM cron_jobs c "
            "WHERE %1 AND %7 AND (%2) ORDER BY c.next_run_tz NULLS FIRST, c.id LIMIT :limit "
            "FOR UPDATE SKIP LOCKED) "
            "UPDATE cron_jobs AS j SET ultimo_status = 'running', %3, lease_owner = :owner, "
            "lease_expires_at = %4, lease_token = j.lease_token + 1, claimable_after = NULL "
            "FROM picked WHERE j.id = picked.picked_id AND (%5) RETURNING %6, picked.was_status, "
            "picked.was_owner, picked.was_token, picked.was_since, picked.was_backend")
              .arg(which.clause, due,
                  d.assignInstant(QStringLiteral("running_since"), d.instantNow()),
                  d.clockPlusSeconds(QStringLiteral(":lease")), claimable.arg(QStringLiteral("j.")),
                  JobRow::selectList(d), mayBeDue);
    const auto query = run(m_database, sql,
        {{QStringLiteral("owner"), m_owner}, {QStringLiteral("lease"), m_leaseSeconds},
            {QStringLiteral("names"), which.names}, {QStringLiteral("limit"), limit}},
        tr("claiming due jobs"));
    if (!query)
        return query.error();
    QList<Claim> claims;
    while ((*query)->next()) {
        Claim claim;
        claim.job = JobRow::read(**query);
        claim.token = claim.job.leaseToken;
        claim.leaseExpiresAt = claim.job.leaseExpiresAt;
        claim.trigger = JobPolicy::triggerOf(claim.job, claim.job.readAt);
        claim.attempt = JobPolicy::attemptOf(claim.job);
        const int extra = JobRow::columnCount();
        // Only a runner's lease: a platform caller (no lease) records its own runs.
        if (runStatusFromText((*query)->value(extra).toString()) == RunStatus::Running
            && !(*query)->value(extra + 1).isNull())
            claim.abandoned = Claim::Abandoned{(*query)->value(extra + 1).toString(),
                (*query)->value(extra + 2).toLongLong(),
                JobRow::fromEpoch((*query)->value(extra + 3)),
                (*query)->value(extra + 4).toLongLong()};
        m_changed.insert(claim.job.name);
        claims << claim;
    }
    (*query)->finish();
    return claims;
}

Result<QList<Claim>> LeaseStore::claimSqlite(const QStringList &names, int limit)
{
    QList<Claim> claims;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        claims.clear();
        // BEGIN IMMEDIATE holds the write lock: nobody changes these rows until we commit.
        auto current = jobs(names);
        if (!current)
            return current.error();
        const auto pause = PauseStore::read(m_database);
        if (!pause)
            return pause.error();
        QList<Job> due;
        for (const Job &job : *current) {
            if (JobPolicy::claimable(job, job.readAt, pause->paused))
                due << job;
        }
        std::sort(due.begin(), due.end(), [](const Job &a, const Job &b) {
            return !a.nextRun.isValid() ? b.nextRun.isValid()
                                        : (b.nextRun.isValid() && a.nextRun < b.nextRun);
        });
        const SqlDialect &d = m_database.dialect();
        for (const Job &job : due.mid(0, limit)) {
            const auto claimed = run(m_database,
                QStringLiteral(
                    "UPDATE cron_jobs SET ultimo_status = 'running', running_since = %1, "
                    "lease_owner = :owner, lease_expires_at = %2, "
                    "lease_token = lease_token + 1, row_version = row_version + 1, "
                    "claimable_after = NULL WHERE id = :id RETURNING %3, %4")
                    .arg(d.now(), d.clockPlusSeconds(QStringLiteral(":lease")),
                        d.epoch(QStringLiteral("lease_expires_at")),
                        d.epoch(QStringLiteral("running_since"))),
                {{QStringLiteral("owner"), m_owner}, {QStringLiteral("lease"), m_leaseSeconds},
                    {QStringLiteral("id"), job.id}},
                tr("claiming job \"%1\"").arg(job.name));
            if (!claimed)
                return claimed.error();
            if (!(*claimed)->next())
                return Error::database(tr("claiming job \"%1\": the row is gone").arg(job.name));
            Claim claim;
            claim.job = job; // keeps the planned next_run
            claim.job.lastStatus = runStatusText(RunStatus::Running);
            claim.job.leaseOwner = m_owner;
            claim.job.leaseToken = job.leaseToken + 1;
            claim.job.leaseExpiresAt = JobRow::fromEpoch((*claimed)->value(0));
            claim.job.runningSince = JobRow::fromEpoch((*claimed)->value(1));
            claim.job.claimableAfter = {};
            claim.token = claim.job.leaseToken;
            claim.leaseExpiresAt = claim.job.leaseExpiresAt;
            claim.trigger = JobPolicy::triggerOf(job, job.readAt);
            claim.attempt = JobPolicy::attemptOf(job);
            if (job.runStatus() == RunStatus::Running && !job.leaseOwner.isEmpty())
                claim.abandoned
                    = Claim::Abandoned{job.leaseOwner, job.leaseToken, job.runningSince};
            (*claimed)->finish();
            claims << claim;
        }
        return {};
    });
    if (!status)
        return status.error();
    return claims;
}

Result<std::optional<QDateTime>> LeaseStore::renew(const Claim &claim)
{
    // The expiry is the server's real time once the row is ours, not the statement's start:
    // a renewal that waited on a row lock would otherwise write an expiry already past. On
    // PostgreSQL an UPDATE computes its new row before it waits for another transaction's lock,
    // so the row is locked first (the CTE) and the expiry computed after.
    const SqlDialect &d = m_database.dialect();
    static const QString held
        = QStringLiteral("nome = :nome AND lease_token = :token AND lease_owner = :owner "
                         "AND ultimo_status = 'running'");
    const QString sql = d.isPostgres()
        ? QStringLiteral("WITH locked AS MATERIALIZED (SELECT id AS locked_id FROM cron_jobs "
                         "WHERE %1 FOR UPDATE) "
                         "UPDATE cron_jobs SET lease_expires_at = %2 FROM locked "
                         "WHERE id = locked.locked_id AND %1 RETURNING %3")
              .arg(held, d.clockPlusSeconds(QStringLiteral(":lease")),
                  d.epoch(QStringLiteral("lease_expires_at")))
        : QStringLiteral("UPDATE cron_jobs SET lease_expires_at = %2 WHERE %1 RETURNING %3")
              .arg(held, d.clockPlusSeconds(QStringLiteral(":lease")),
                  d.epoch(QStringLiteral("lease_expires_at")));
    const auto query = run(m_database, sql,
        {{QStringLiteral("lease"), m_leaseSeconds}, {QStringLiteral("nome"), claim.job.name},
            {QStringLiteral("token"), claim.token}, {QStringLiteral("owner"), m_owner}},
        tr("renewing the lease of \"%1\"").arg(claim.job.name));
    if (!query)
        return query.error();
    std::optional<QDateTime> expiry;
    if ((*query)->next())
        expiry = JobRow::fromEpoch((*query)->value(0));
    (*query)->finish();
    return expiry;
}

namespace {

// jsonb refuses U+0000 (and so would a json column's indexes); a job's output may hold it. Every
// string is stored with it replaced by U+FFFD; `replaced` counts the strings changed.
QJsonValue withoutNul(const QJsonValue &value, int &replaced)
{
    if (value.isString()) {
        QString text = value.toString();
        if (!text.contains(QChar(0)))
            return value;
        ++replaced;
        return text.replace(QChar(0), QChar::ReplacementCharacter);
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue item : value.toArray())
            array.append(withoutNul(item, replaced));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            QString key = it.key();
            if (key.contains(QChar(0))) {
                ++replaced;
                key.replace(QChar(0), QChar::ReplacementCharacter);
            }
            object.insert(key, withoutNul(it.value(), replaced));
        }
        return object;
    }
    return value;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

Status LeaseStore::recordIn(const Claim &claim, const ExecutionResult &result,
    const FinishDetail &detail, Recorded &recorded)
{
    const SqlDialect &d = m_database.dialect();
    const QString owner = claim.owner.isEmpty() ? m_owner : claim.owner;
    const QString what = tr("recording the run of \"%1\"").arg(claim.job.name);
    {
        recorded = {};
        // The uniqueness that makes recording idempotent: one row per (job id, lease token).
        const auto once = run(m_database,
            QStringLiteral("INSERT INTO cron_run_records (job, job_id, lease_token, runner, "
                           "outcome) VALUES (:job, :job_id, :token, :runner, :outcome) "
                           "ON CONFLICT DO NOTHING"),
            {{QStringLiteral("job"), claim.job.name}, {QStringLiteral("job_id"), claim.job.id},
                {QStringLiteral("token"), claim.token}, {QStringLiteral("runner"), owner},
                {QStringLiteral("outcome"), result.outcomeName()}},
            what);
        if (!once)
            return once.error();
        m_changed.insert(claim.job.name);
        if ((*once)->numRowsAffected() == 0) {
            recorded.duplicate = true;
            return {};
        }
        const auto current = run(m_database,
            QStringLiteral("SELECT %1 FROM cron_jobs WHERE nome = :nome AND lease_token = :token "
                           "AND lease_owner = :owner%2")
                .arg(JobRow::selectList(d), d.forUpdate()),
            {{QStringLiteral("nome"), claim.job.name}, {QStringLiteral("token"), claim.token},
                {QStringLiteral("owner"), owner}},
            what);
        if (!current)
            return current.error();
        std::optional<Job> row;
        if ((*current)->next())
            row = JobRow::read(**current);
        (*current)->finish();
        return applyFinish(claim, result, detail, row, recorded, nullptr);
    }
}

Status LeaseStore::applyFinish(const Claim &claim, const ExecutionResult &result,
    const FinishDetail &detail, const std::optional<Job> &row, Recorded &recorded,
    Deferred *deferred)
{
    const SqlDialect &d = m_database.dialect();
    const QString owner = claim.owner.isEmpty() ? m_owner : claim.owner;
    const QString what = tr("recording the run of \"%1\"").arg(claim.job.name);
    const QString statusText
        = runStatusText(result.success ? RunStatus::Success : RunStatus::Error);

    // What is stored: the whole result, or (when that could not be stored) the essentials and why.
    int replaced = 0;
    QJsonObject stored = detail.minimal
        ? QJsonObject{{QStringLiteral("result_not_stored"), detail.whyMinimal}}
        : withoutNul(result.result, replaced).toObject();
    const QString error = withoutNul(result.error, replaced).toString();
    if (replaced > 0)
        stored.insert(QStringLiteral("nul_bytes_replaced"), replaced);
    if (!result.success)
        stored.insert(QStringLiteral("error"), error);

    {
        recorded.fenced = !row;
        Job job = claim.job;
        int attempt = claim.attempt;
        int maxAttempts = JobPolicy::maxAttempts(claim.job);
        qint64 retryDelay = 0; // seconds
        bool retryPlanned = false;
        QString alert; // "failure" or "recovered": this run starts or ends a failure streak
        if (!recorded.fenced) {
            job = *row;
            job.nextRun = claim.job.nextRun; // the slot this run was planned for
            // A run cut short by a lost lease or a stopping runner did not do its work: its slot
            // stays due, so another runner (or this one) runs it again at once, as it would have
            // after a takeover. Any other outcome moves on to the next slot.
            const bool cutShort = !result.success
                && (result.failure == ExecutionResult::Failure::LeaseLost
                    || result.failure == ExecutionResult::Failure::Interrupted);
            const QDateTime next = cutShort
                ? (claim.job.nextRun.isValid() ? std::min(claim.job.nextRun, job.readAt)
                                               : job.readAt)
                : JobPolicy::nextSlotAfterRun(job, job.readAt); // catch-up "all" (issue 17)
            // Retries (issue 17): a failure with attempts left is tried again after its delay
            // (retry_at), the regular slot (next_run) unchanged; a cut-short run keeps the streak
            // as it was. The first failure after the last retry is one alert; so is the success
            // that ends the streak.
            attempt = JobPolicy::attemptOf(job);
            maxAttempts = JobPolicy::maxAttempts(job);
            const bool retrying = !cutShort && !result.success && attempt < maxAttempts;
            const bool finalFailure = !cutShort && !result.success && !retrying;
            QString retryAt = QStringLiteral("retry_at");
            // The failed slot goes with its retries (retry_slot): their runs share its
            // scheduled_for.
            QString retrySlot = QStringLiteral("retry_slot");
            QString alertState = job.alertState;
            if (retrying) {
                retryPlanned = true;
                retryAt = d.clockPlusSeconds(QStringLiteral(":retry_delay"));
                retryDelay = JobPolicy::retryDelayAfter(job, attempt);
                retrySlot = d.instantFromEpoch(QStringLiteral(":retry_slot"));
            } else if (!cutShort) {
                retryAt = QStringLiteral("NULL");
                retrySlot = QStringLiteral("NULL");
            }
            if (finalFailure && job.alertState != QLatin1String("failing")) {
                alertState = QStringLiteral("failing");
                alert = QStringLiteral("failure");
            } else if (!cutShort && result.success && job.alertState == QLatin1String("failing")) {
                alertState.clear();
                alert = QStringLiteral("recovered");
            }
            // A one-shot job has had its run (and its retries): it disables itself.
            const bool disable = job.runOnce && !cutShort && !retrying;
            const int retryAttempt = retrying ? attempt : (cutShort ? job.retryAttempt : 0);
            QVariantMap values{{QStringLiteral("next"), next.toMSecsSinceEpoch() / 1000.0},
                {QStringLiteral("duracao"), qint64(result.durationSeconds + 0.5)},
                {QStringLiteral("status"), statusText},
                {QStringLiteral("resultado"), compact(stored)}, {QStringLiteral("id"), job.id},
                {QStringLiteral("retry_attempt"), retryAttempt},
                {QStringLiteral("disable"), disable ? 1 : 0},
                {QStringLiteral("alert"),
                    alertState.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                         : QVariant(alertState)}};
            if (retrying) {
                values.insert(QStringLiteral("retry_delay"), retryDelay);
                const QDateTime failedSlot = slotOf(claim);
                values.insert(QStringLiteral("retry_slot"),
                    failedSlot.isValid() ? QVariant(failedSlot.toMSecsSinceEpoch() / 1000.0)
                                         : QVariant(QMetaType(QMetaType::Double)));
            }
            if (deferred) {
                QJsonObject change = QJsonObject::fromVariantMap(values);
                change.insert(QStringLiteral("alert"),
                    alertState.isEmpty() ? QJsonValue() : QJsonValue(alertState));
                // retry_at and retry_slot: set (retrying), kept (cut short) or cleared.
                change.insert(QStringLiteral("retry"),
                    retrying ? QStringLiteral("set")
                             : (cutShort ? QStringLiteral("keep") : QStringLiteral("clear")));
                deferred->jobs.append(change);
            } else {
                const auto updated = run(m_database,
                    QStringLiteral(
                        "UPDATE cron_jobs SET last_run = %1, %2, "
                        "total_execucoes = COALESCE(total_execucoes, 0) + 1, "
                        "ultima_duracao_segundos = :duracao, ultimo_status = :status, "
                        "ultimo_resultado = %3, running_since = NULL, lease_owner = NULL, "
                        "lease_expires_at = NULL, row_version = row_version + 1, updated_at = %1, "
                        "retry_at = %4, retry_slot = %5, retry_attempt = :retry_attempt, "
                        "alert_state = :alert, "
                        "ativo = CASE WHEN :disable = 1 THEN (1 = 0) ELSE ativo END "
                        "WHERE id = :id")
                        .arg(d.now(),
                            d.assignInstant(QStringLiteral("next_run"),
                                d.instantFromEpoch(QStringLiteral(":next"))),
                            d.json(QStringLiteral(":resultado")), retryAt, retrySlot),
                    values, what);
                if (!updated)
                    return updated.error();
            }
        }
        // The run's own row (issue 14), in this transaction: replaying the result updates it.
        const QString outcome = result.outcomeName();
        const bool ranToEnd = result.success || result.failure == ExecutionResult::Failure::Error
            || result.failure == ExecutionResult::Failure::Timeout;
        RunStore::Finish end;
        end.status = recorded.fenced && ranToEnd ? QStringLiteral("fenced") : outcome;
        if (const QJsonValue code = stored.value(QStringLiteral("exit_code")); code.isDouble())
            end.exitCode = code.toInt();
        if (const QJsonValue code = stored.value(QStringLiteral("status_code")); code.isDouble())
            end.httpStatus = code.toInt();
        end.durationSeconds = result.durationSeconds;
        end.resultJson = compact(stored);
        end.error = result.success ? QString() : error;
        qint64 runId = claim.runId;
        if (deferred) {
            deferred->runs.append(QJsonObject{{QStringLiteral("job_id"), claim.job.id},
                {QStringLiteral("token"), claim.token}, {QStringLiteral("status"), end.status},
                {QStringLiteral("exit_code"),
                    end.exitCode ? QJsonValue(*end.exitCode) : QJsonValue()},
                {QStringLiteral("http_status"),
                    end.httpStatus ? QJsonValue(*end.httpStatus) : QJsonValue()},
                {QStringLiteral("duration"), end.durationSeconds},
                {QStringLiteral("result"), end.resultJson},
                {QStringLiteral("error"), end.error.isEmpty() ? QJsonValue() : end.error}});
        } else {
            const auto closed = RunStore(m_database).close(runStart(claim, owner), end);
            if (!closed)
                return closed.error();
            runId = *closed;
        }
        // Every execution leaves exactly one history row, also one whose lease was lost or
        // fenced off: the history shows every run that really happened. The seed's "Últimas
        // Execuções" reads result keys at the top level of detalhes.
        QJsonObject details = detail.minimal ? QJsonObject() : stored;
        details.insert(QStringLiteral("job"), job.name);
        details.insert(QStringLiteral("status"), statusText);
        details.insert(QStringLiteral("outcome"), result.outcomeName());
        details.insert(QStringLiteral("duracao_segundos"), result.durationSeconds);
        details.insert(QStringLiteral("runner"), owner);
        details.insert(QStringLiteral("host"), ClientInfo::hostName());
        details.insert(QStringLiteral("lease_token"), claim.token);
        if (runId > 0)
            details.insert(QStringLiteral("cron_run_id"), runId);
        details.insert(QStringLiteral("resultado"), stored);
        if (recorded.fenced)
            details.insert(QStringLiteral("fenced"), true);
        if (!result.success)
            details.insert(QStringLiteral("erro"), error);
        // "attempt n of m" (issue 17); new keys, the seed's are unchanged.
        details.insert(QStringLiteral("attempt"), attempt);
        details.insert(QStringLiteral("max_attempts"), maxAttempts);
        if (retryPlanned)
            details.insert(QStringLiteral("retry_in_seconds"), retryDelay);
        if (!alert.isEmpty()) {
            QJsonObject event{
                {QStringLiteral("message"),
                    alert == QLatin1String("failure") ? tr("job %1 failed (attempt %2 of %3): %4")
                                                            .arg(job.name)
                                                            .arg(attempt)
                                                            .arg(maxAttempts)
                                                            .arg(error)
                                                      : tr("job %1 succeeded again").arg(job.name)},
                {QStringLiteral("outcome"), result.outcomeName()},
                {QStringLiteral("status"), statusText}, {QStringLiteral("attempt"), attempt},
                {QStringLiteral("max_attempts"), maxAttempts},
                {QStringLiteral("lease_token"), claim.token},
                {QStringLiteral("duration_seconds"), result.durationSeconds}};
            const auto added = EventStore::add(m_database, alert, job.name, owner,
                QStringLiteral("%1:%2:%3").arg(alert, job.name).arg(claim.token), event);
            if (!added)
                return added.error();
        }
        const QString action = result.success
            ? (job.successAction.isEmpty() ? QStringLiteral("cron_job_success") : job.successAction)
            : (job.errorAction.isEmpty() ? QStringLiteral("cron_job_error") : job.errorAction);
        if (deferred) {
            deferred->audits.append(QJsonObject{{QStringLiteral("i"), deferred->audits.size()},
                {QStringLiteral("acao"), action}, {QStringLiteral("detalhes"), compact(details)}});
            return {};
        }
        return AuditWriter::insert(m_database, action, details);
    }
}

Result<LeaseStore::Recorded> LeaseStore::finish(
    const Claim &claim, const ExecutionResult &result, const FinishDetail &detail)
{
    Recorded recorded;
    const Status status = Transaction::run(
        m_database, [&]() -> Status { return recordIn(claim, result, detail, recorded); });
    if (!status)
        return status.error();
    return recorded;
}

Result<QList<LeaseStore::Recorded>> LeaseStore::finish(const QList<Finished> &runs)
{
    // The scheduler names itself as every claim's owner: this store's own name counts as none.
    const bool setWise = m_database.dialect().isPostgres()
        && std::all_of(runs.cbegin(), runs.cend(), [this](const Finished &run) {
               return run.claim.runId > 0
                   && (run.claim.owner.isEmpty() || run.claim.owner == m_owner);
           });
    QList<Recorded> recorded;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        recorded.clear();
        if (setWise)
            return finishSetWise(runs, recorded);
        for (const Finished &run : runs) {
            Recorded one;
            if (const Status written = recordIn(run.claim, run.result, {}, one); !written)
                return written;
            recorded << one;
        }
        return {};
    });
    if (!status)
        return status.error();
    // Which way a burst went (tst_scale checks that a runner's bursts go set-wise).
    qCDebug(lcRunner, "recorded %lld runs %s", qint64(runs.size()),
        setWise ? "set-wise" : "one by one");
    return recorded;
}

Status LeaseStore::finishSetWise(const QList<Finished> &runs, QList<Recorded> &recorded)
{
    // recordIn()'s writes for a whole burst in five statements instead of five per run (issue 15):
    // the same rows, computed by the same applyFinish(), written set-wise. Runs with their run
    // row and this store's lease only (the caller checks); events are rare and written as they
    // come. Any surprise is an error: the transaction is rolled back and the caller records the
    // runs one by one.
    const SqlDialect &d = m_database.dialect();
    const QString what = tr("recording %n run(s)", nullptr, int(runs.size()));
    QJsonArray input;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Claim &claim = runs.at(i).claim;
        input.append(QJsonObject{{QStringLiteral("i"), qint64(i)},
            {QStringLiteral("job"), claim.job.name}, {QStringLiteral("job_id"), claim.job.id},
            {QStringLiteral("token"), claim.token}, {QStringLiteral("runner"), m_owner},
            {QStringLiteral("outcome"), runs.at(i).result.outcomeName()}});
        m_changed.insert(claim.job.name);
    }
    const QString inputJson
        = QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact));
    // The job ids again as an array: the planner counts an array's elements but takes any
    // json_to_recordset() for 100 rows, and for 100 rows it scans all of cron_jobs (10,000 jobs:
    // a sequential scan per statement, the whole cost of a burst), and all of cron_runs when its
    // statistics are behind. With `id = ANY(...)` it reads the burst's rows by their index.
    QStringList idList;
    for (const Finished &finished : runs)
        idList << QString::number(finished.claim.job.id);
    const QString ids = QLatin1Char('{') + idList.join(QLatin1Char(',')) + QLatin1Char('}');
    static const QString inputColumns
        = QStringLiteral("x(i int, job text, job_id int, token bigint, runner text, outcome text)");
    // The uniqueness that makes recording idempotent, then the rows still held, locked.
    const auto fresh = run(m_database,
        QStringLiteral("WITH input AS MATERIALIZED (SELECT * FROM json_to_recordset(CAST(:runs "
                       "AS json)) AS %1), ins AS (INSERT INTO cron_run_records (job, job_id, "
                       "lease_token, runner, outcome) SELECT job, job_id, token, runner, outcome "
                       "FROM input ORDER BY i ON CONFLICT DO NOTHING RETURNING job_id, "
                       "lease_token) SELECT x.i FROM input x JOIN ins ON ins.job_id = x.job_id "
                       "AND ins.lease_token = x.token")
            .arg(inputColumns),
        {{QStringLiteral("runs"), inputJson}}, what);
    if (!fresh)
        return fresh.error();
    QSet<qint64> isFresh;
    while ((*fresh)->next())
        isFresh.insert((*fresh)->value(0).toLongLong());
    (*fresh)->finish();
    const auto held = run(m_database,
        QStringLiteral("SELECT %1 FROM cron_jobs WHERE id = ANY(CAST(:ids AS int[])) AND (nome, "
                       "lease_token, lease_owner) IN (SELECT job, token, runner FROM "
                       "json_to_recordset(CAST(:runs AS json)) AS %2) ORDER BY id FOR UPDATE")
            .arg(JobRow::selectList(d), inputColumns),
        {{QStringLiteral("runs"), inputJson}, {QStringLiteral("ids"), ids}}, what);
    if (!held)
        return held.error();
    QHash<QPair<QString, qint64>, Job> rows;
    while ((*held)->next()) {
        const Job job = JobRow::read(**held);
        rows.insert({job.name, job.leaseToken}, job);
    }
    (*held)->finish();

    Deferred deferred;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Finished &finished = runs.at(i);
        Recorded one;
        if (!isFresh.contains(i)) {
            one.duplicate = true;
            recorded << one;
            continue;
        }
        const auto found = rows.constFind({finished.claim.job.name, finished.claim.token});
        const std::optional<Job> row
            = found == rows.cend() ? std::nullopt : std::optional<Job>(*found);
        if (const Status applied
            = applyFinish(finished.claim, finished.result, {}, row, one, &deferred);
            !applied)
            return applied;
        recorded << one;
    }
    const auto json = [](const QJsonArray &array) {
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    };
    if (!deferred.jobs.isEmpty()) {
        const auto updated = run(m_database,
            QStringLiteral(
                "UPDATE cron_jobs AS j SET last_run = %1, %2, total_execucoes = "
                "COALESCE(j.total_execucoes, 0) + 1, ultima_duracao_segundos = x.duracao, "
                "ultimo_status = x.status, ultimo_resultado = %3, running_since = NULL, "
                "lease_owner = NULL, lease_expires_at = NULL, row_version = j.row_version + 1, "
                "updated_at = %1, retry_at = CASE x.retry WHEN 'set' THEN %4 WHEN 'keep' THEN "
                "j.retry_at ELSE NULL END, retry_slot = CASE x.retry WHEN 'set' THEN %5 WHEN "
                "'keep' "
                "THEN j.retry_slot ELSE NULL END, retry_attempt = x.retry_attempt, alert_state = "
                "x.alert, ativo = CASE WHEN x.disable = 1 THEN (1 = 0) ELSE j.ativo END FROM "
                "json_to_recordset(CAST(:jobs AS json)) AS x(id int, next float8, duracao bigint, "
                "status text, resultado text, retry text, retry_delay float8, retry_slot float8, "
                "retry_attempt int, "
                "alert text, disable int) WHERE j.id = x.id AND j.id = ANY(CAST(:ids AS int[]))")
                .arg(d.now(),
                    d.assignInstant(
                        QStringLiteral("next_run"), d.instantFromEpoch(QStringLiteral("x.next"))),
                    d.json(QStringLiteral("x.resultado")),
                    d.clockPlusSeconds(QStringLiteral("x.retry_delay")),
                    d.instantFromEpoch(QStringLiteral("x.retry_slot"))),
            {{QStringLiteral("jobs"), json(deferred.jobs)}, {QStringLiteral("ids"), ids}}, what);
        if (!updated)
            return updated.error();
        if ((*updated)->numRowsAffected() != deferred.jobs.size())
            return Error::database(tr("%1: %2 of %3 jobs changed")
                                       .arg(what)
                                       .arg((*updated)->numRowsAffected())
                                       .arg(deferred.jobs.size()));
    }
    if (!deferred.runs.isEmpty()) {
        const auto closed = run(m_database,
            QStringLiteral(
                "UPDATE cron_runs AS r SET finished_at = clock_timestamp(), status = x.status, "
                "exit_code = x.exit_code, http_status = x.http_status, duration_seconds = "
                "x.duration, result = %1, error = x.error FROM json_to_recordset(CAST(:runs AS "
                "json)) AS x(job_id int, token bigint, status text, exit_code int, http_status "
                "int, duration float8, result text, error text) WHERE r.job_id = x.job_id AND "
                "r.lease_token = x.token AND r.job_id = ANY(CAST(:ids AS int[]))")
                .arg(d.json(QStringLiteral("x.result"))),
            {{QStringLiteral("runs"), json(deferred.runs)}, {QStringLiteral("ids"), ids}}, what);
        if (!closed)
            return closed.error();
        if ((*closed)->numRowsAffected() != deferred.runs.size())
            return Error::database(tr("%1: %2 of %3 run rows found")
                                       .arg(what)
                                       .arg((*closed)->numRowsAffected())
                                       .arg(deferred.runs.size()));
    }
    if (!deferred.audits.isEmpty()) {
        const auto logged = run(m_database,
            QStringLiteral("INSERT INTO tenant_logs (acao, detalhes) SELECT x.acao, %1 FROM "
                           "json_to_recordset(CAST(:rows AS json)) AS x(i int, acao text, "
                           "detalhes text) ORDER BY x.i")
                .arg(d.json(QStringLiteral("x.detalhes"))),
            {{QStringLiteral("rows"), json(deferred.audits)}}, what);
        if (!logged)
            return logged.error();
    }
    return {};
}

RunStore::Start LeaseStore::runStart(const Claim &claim, const QString &owner)
{
    RunStore::Start start;
    start.jobId = claim.job.id;
    start.jobName = claim.job.name;
    start.trigger = claim.trigger.isEmpty() ? QStringLiteral("schedule") : claim.trigger;
    start.attempt = std::max(1, claim.attempt);
    start.runner = owner;
    start.host = ClientInfo::hostName();
    start.leaseToken = claim.token;
    start.scheduledFor = slotOf(claim);
    return start;
}

QDateTime LeaseStore::slotOf(const Claim &claim)
{
    // Attempt n > 1 (a retry is pending, see JobPolicy::attemptOf) belongs to the slot that
    // failed, also when that had none (a new job's first run: NULL, outside the slot rule).
    return claim.job.retryAt.isValid() ? claim.job.retrySlot : claim.job.nextRun;
}

Result<qint64> LeaseStore::openRun(Claim &claim)
{
    const auto opened = RunStore(m_database).open(runStart(claim, m_owner));
    if (!opened)
        return opened.error();
    claim.runId = opened->runId;
    if (!opened->trigger.isEmpty())
        claim.trigger = opened->trigger;
    return opened->outputLimit;
}

Result<QList<qint64>> LeaseStore::openRuns(QList<Claim> &claims)
{
    QList<RunStore::Start> starts;
    for (const Claim &claim : std::as_const(claims))
        starts << runStart(claim, m_owner);
    const auto opened = RunStore(m_database).open(starts);
    if (!opened)
        return opened.error();
    QList<qint64> limits;
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const RunStore::Opened &run = opened->at(i);
        claims[i].runId = run.runId;
        if (!run.trigger.isEmpty())
            claims[i].trigger = run.trigger;
        limits << run.outputLimit;
    }
    return limits;
}

Status LeaseStore::setActionBackend(const Claim &claim, qint64 pid)
{
    if (!m_database.dialect().isPostgres())
        return {};
    const auto query = run(m_database,
        QStringLiteral("UPDATE cron_jobs SET action_backend_pid = :pid WHERE nome = :nome AND "
                       "lease_token = :token AND lease_owner = :owner"),
        {{QStringLiteral("pid"), pid}, {QStringLiteral("nome"), claim.job.name},
            {QStringLiteral("token"), claim.token}, {QStringLiteral("owner"), m_owner}},
        tr("noting the statement of \"%1\"").arg(claim.job.name));
    if (!query)
        return query.error();
    return {};
}

Result<bool> LeaseStore::endAbandonedStatement(qint64 pid, qint64 jobId, qint64 token)
{
    // Only the session while it still runs this very run (the application_name its runner set,
    // SqlAction::applicationName): never a backend that reused the pid, nor a pooled session
    // that has gone on to another job. A pooled session notes no pid (pid 0): its name alone
    // finds it. No row: it is gone already (or the run was no sql statement).
    QVariantMap values{
        {QStringLiteral("name"), QStringLiteral("%#%1.%2/job-sql").arg(jobId).arg(token)}};
    QString sql = QStringLiteral("SELECT bool_and(pg_terminate_backend(pid, 5000)) FROM "
                                 "pg_stat_activity WHERE application_name LIKE :name");
    if (pid > 0) {
        sql += QStringLiteral(" AND pid = :pid");
        values.insert(QStringLiteral("pid"), pid);
    }
    const auto query = run(m_database, sql, values, tr("ending the statement of an abandoned run"));
    if (!query)
        return query.error();
    const bool gone
        = !(*query)->next() || (*query)->value(0).isNull() || (*query)->value(0).toBool();
    (*query)->finish();
    return gone;
}

Status LeaseStore::revertClaim(const Claim &claim)
{
    m_changed.insert(claim.job.name);
    const Claim::Abandoned &was = *claim.abandoned;
    const auto query = run(m_database,
        QStringLiteral("UPDATE cron_jobs SET lease_owner = :was_owner, lease_token = :was_token, "
                       "action_backend_pid = :was_pid, lease_expires_at = %1 "
                       "WHERE nome = :nome AND lease_token = :token AND lease_owner = :owner")
            .arg(m_database.dialect().clockPlusSeconds(QStringLiteral(":hold"))),
        {{QStringLiteral("was_owner"), was.owner}, {QStringLiteral("was_token"), was.token},
            {QStringLiteral("was_pid"), was.backendPid}, {QStringLiteral("hold"), 5},
            {QStringLiteral("nome"), claim.job.name}, {QStringLiteral("token"), claim.token},
            {QStringLiteral("owner"), m_owner}},
        tr("giving \"%1\" back").arg(claim.job.name));
    if (!query)
        return query.error();
    return {};
}

Result<bool> LeaseStore::releaseUnrecorded(const Claim &claim, const QString &why)
{
    m_changed.insert(claim.job.name);
    // The last resort when no history row can be written (a revoked grant, a platform column we
    // cannot fill): the job must not stay running, or it would run again every lease period.
    const QString owner = claim.owner.isEmpty() ? m_owner : claim.owner;
    const QDateTime next = JobRules::nextSlot(claim.job, claim.job.readAt);
    const auto query = run(m_database,
        QStringLiteral("UPDATE cron_jobs SET last_run = %1, %2, ultimo_status = 'error', "
                       "ultimo_resultado = %3, running_since = NULL, lease_owner = NULL, "
                       "lease_expires_at = NULL, row_version = row_version + 1, updated_at = %1 "
                       "WHERE nome = :nome AND lease_token = :token AND lease_owner = :owner")
            .arg(m_database.dialect().now(),
                m_database.dialect().assignInstant(QStringLiteral("next_run"),
                    m_database.dialect().instantFromEpoch(QStringLiteral(":next"))),
                m_database.dialect().json(QStringLiteral(":resultado"))),
        {{QStringLiteral("next"), next.toMSecsSinceEpoch() / 1000.0},
            {QStringLiteral("resultado"),
                compact(
                    {{QStringLiteral("error"), tr("the run could not be recorded: %1").arg(why)}})},
            {QStringLiteral("nome"), claim.job.name}, {QStringLiteral("token"), claim.token},
            {QStringLiteral("owner"), owner}},
        tr("releasing \"%1\"").arg(claim.job.name));
    if (!query)
        return query.error();
    return (*query)->numRowsAffected() == 1;
}

Status LeaseStore::release(const Claim &claim)
{
    m_changed.insert(claim.job.name);
    const auto query = run(m_database,
        QStringLiteral("UPDATE cron_jobs SET ultimo_status = 'pending', running_since = NULL, "
                       "lease_owner = NULL, lease_expires_at = NULL, row_version = row_version + 1 "
                       "WHERE nome = :nome AND lease_token = :token AND lease_owner = :owner"),
        {{QStringLiteral("nome"), claim.job.name}, {QStringLiteral("token"), claim.token},
            {QStringLiteral("owner"), m_owner}},
        tr("releasing \"%1\"").arg(claim.job.name));
    if (!query)
        return query.error();
    return {};
}

Status LeaseStore::registerRunner(const RunnerInfo &info)
{
    const SqlDialect &d = m_database.dialect();
    const auto query = run(m_database,
        QStringLiteral(
            "INSERT INTO cron_runners (runner_name, host, pid, version, started_at, "
            "heartbeat_at, heartbeat_seconds, stopped_at, jobs, running_jobs) "
            "VALUES (:name, :host, :pid, :version, %1, %1, :beat, NULL, %2, %3) "
            "ON CONFLICT (runner_name) DO UPDATE SET host = excluded.host, "
            "pid = excluded.pid, version = excluded.version, started_at = excluded.started_at, "
            "heartbeat_at = excluded.heartbeat_at, heartbeat_seconds = excluded.heartbeat_seconds, "
            "stopped_at = NULL, jobs = excluded.jobs, running_jobs = excluded.running_jobs, "
            "state = 'running'")
            .arg(d.now(), d.json(QStringLiteral(":jobs")), d.json(QStringLiteral(":running"))),
        {{QStringLiteral("name"), m_owner}, {QStringLiteral("host"), info.host},
            {QStringLiteral("pid"), info.pid}, {QStringLiteral("version"), info.version},
            {QStringLiteral("beat"), info.heartbeatSeconds},
            {QStringLiteral("jobs"), jsonArray(info.jobs)},
            {QStringLiteral("running"), jsonArray({})}},
        tr("registering the runner"));
    if (!query)
        return query.error();
    return {};
}

Status LeaseStore::heartbeat(const RunnerHealth &health)
{
    const SqlDialect &d = m_database.dialect();
    const auto query = run(m_database,
        QStringLiteral(
            "UPDATE cron_runners SET heartbeat_at = %1, running_jobs = %2, stopped_at = NULL, "
            "state = :state, last_error = CASE WHEN :error = '' THEN last_error ELSE :error END, "
            "last_error_at = CASE WHEN :error = '' THEN last_error_at ELSE %1 END "
            "WHERE runner_name = :name")
            .arg(d.now(), d.json(QStringLiteral(":running"))),
        {{QStringLiteral("running"), jsonArray(health.runningJobs)},
            {QStringLiteral("state"), health.state}, {QStringLiteral("error"), health.lastError},
            {QStringLiteral("name"), m_owner}},
        tr("sending the runner heartbeat"));
    if (!query)
        return query.error();
    return {};
}

Status LeaseStore::deregister()
{
    const SqlDialect &d = m_database.dialect();
    const auto query = run(m_database,
        QStringLiteral(
            "UPDATE cron_runners SET stopped_at = %1, heartbeat_at = %1, running_jobs = %2, "
            "state = 'stopped' WHERE runner_name = :name")
            .arg(d.now(), d.json(QStringLiteral(":running"))),
        {{QStringLiteral("running"), jsonArray({})}, {QStringLiteral("name"), m_owner}},
        tr("deregistering the runner"));
    if (!query)
        return query.error();
    return {};
}

Result<QList<RunnerInfo>> LeaseStore::runners()
{
    const SqlDialect &d = m_database.dialect();
    const QString text = d.isPostgres() ? QStringLiteral("::text") : QString();
    const auto query = run(m_database,
        QStringLiteral("SELECT runner_name, host, pid, version, %1, %2, %3, heartbeat_seconds, "
                       "jobs%4, running_jobs%4, %5, state, last_error, %6 FROM cron_runners "
                       "ORDER BY runner_name")
            .arg(d.epoch(QStringLiteral("started_at")), d.epoch(QStringLiteral("heartbeat_at")),
                d.epoch(QStringLiteral("stopped_at")), text, d.epoch(d.now()),
                d.epoch(QStringLiteral("last_error_at"))),
        {}, tr("reading the runners"));
    if (!query)
        return query.error();
    QList<RunnerInfo> list;
    while ((*query)->next()) {
        const QSqlQuery &q = **query;
        RunnerInfo info;
        info.name = q.value(0).toString();
        info.host = q.value(1).toString();
        info.pid = q.value(2).toLongLong();
        info.version = q.value(3).toString();
        info.startedAt = JobRow::fromEpoch(q.value(4));
        info.heartbeatAt = JobRow::fromEpoch(q.value(5));
        info.stoppedAt = JobRow::fromEpoch(q.value(6));
        info.heartbeatSeconds = q.value(7).toInt();
        info.jobs = stringList(q.value(8));
        info.runningJobs = stringList(q.value(9));
        const QDateTime now = JobRow::fromEpoch(q.value(10));
        info.state = q.value(11).toString();
        info.lastError = q.value(12).toString();
        info.lastErrorAt = JobRow::fromEpoch(q.value(13));
        info.stale = !info.stoppedAt.isValid()
            && info.heartbeatAt.addSecs(3 * qint64(std::max(info.heartbeatSeconds, 1))) < now;
        list << info;
    }
    (*query)->finish();
    return list;
}
