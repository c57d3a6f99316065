#include "core/store/runstore.h"

#include "core/db/database.h"
#include "core/store/auditwriter.h"
#include "core/store/jobrow.h"
#include "core/store/transaction.h"
#include "core/util/clientinfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace {

QVariant nullable(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

QVariant epochOrNull(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch() / 1000.0)
                        : QVariant(QMetaType(QMetaType::Double));
}

// The server's real time (not the transaction's start).
QString clockNow(const SqlDialect &d)
{
    return d.isPostgres() ? QStringLiteral("clock_timestamp()") : d.now();
}

} // namespace

RunStore::RunStore(Database &database)
    : m_database(database)
{ }

Result<RunStore::Opened> RunStore::open(const Start &start)
{
    const SqlDialect &d = m_database.dialect();
    QString trigger = start.trigger;
    if (trigger == QLatin1String("schedule")) {
        // The claim a run-now caused: consume the request, and say so.
        const auto requested = m_database.run(
            QStringLiteral("UPDATE cron_jobs SET run_now_requested = FALSE WHERE id = :job AND "
                           "lease_token = :token AND run_now_requested RETURNING id"),
            {{QStringLiteral("job"), start.jobId}, {QStringLiteral("token"), start.leaseToken}},
            tr("recording the start of \"%1\"").arg(start.jobName));
        if (!requested)
            return requested.error();
        if ((*requested)->next())
            trigger = QStringLiteral("run_now");
        (*requested)->finish();
    }
    const QString slot = d.instantFromEpoch(QStringLiteral(":slot"));
    // A schedule or retry run takes its slot once (the partial unique index); any later claim of
    // the same slot (after an abandoned or cut-short run) is a takeover.
    const auto inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO cron_runs (job_id, job_name, trigger, attempt, runner, host, lease_token, "
            "scheduled_for, started_at) VALUES (:job, :name, CASE WHEN :trigger IN ('schedule', "
            "'retry') AND EXISTS (SELECT 1 FROM cron_runs r WHERE r.job_id = :job AND "
            "r.scheduled_for = %1 AND r.attempt = :attempt AND r.trigger IN ('schedule', "
            "'retry')) THEN 'takeover' ELSE :trigger END, :attempt, :runner, :host, :token, %1, "
            "%2) ON CONFLICT DO NOTHING")
            .arg(slot, clockNow(d)),
        {{QStringLiteral("job"), start.jobId}, {QStringLiteral("name"), start.jobName},
            {QStringLiteral("trigger"), trigger}, {QStringLiteral("attempt"), start.attempt},
            {QStringLiteral("runner"), start.runner}, {QStringLiteral("host"), start.host},
            {QStringLiteral("token"), start.leaseToken},
            {QStringLiteral("slot"), epochOrNull(start.scheduledFor)}},
        tr("recording the start of \"%1\"").arg(start.jobName));
    if (!inserted)
        return inserted.error();
    (*inserted)->finish();
    const auto read = m_database.run(
        QStringLiteral("SELECT r.id, r.trigger, j.output_limit_bytes FROM cron_runs r JOIN "
                       "cron_jobs j ON j.id = r.job_id WHERE r.job_id = :job AND "
                       "r.lease_token = :token"),
        {{QStringLiteral("job"), start.jobId}, {QStringLiteral("token"), start.leaseToken}},
        tr("recording the start of \"%1\"").arg(start.jobName));
    if (!read)
        return read.error();
    Opened opened;
    if ((*read)->next()) {
        opened.runId = (*read)->value(0).toLongLong();
        opened.trigger = (*read)->value(1).toString();
        opened.outputLimit = std::max<qint64>(0, (*read)->value(2).toLongLong());
    }
    (*read)->finish();
    return opened;
}

Result<QList<RunStore::Opened>> RunStore::open(const QList<Start> &starts)
{
    QList<Opened> opened(starts.size());
    QList<qsizetype> missing;
    if (m_database.dialect().isPostgres() && starts.size() > 1) {
        QJsonArray input;
        for (qsizetype i = 0; i < starts.size(); ++i) {
            const Start &start = starts.at(i);
            input.append(QJsonObject{{QStringLiteral("i"), qint64(i)},
                {QStringLiteral("job"), start.jobId}, {QStringLiteral("name"), start.jobName},
                {QStringLiteral("trig"), start.trigger}, {QStringLiteral("attempt"), start.attempt},
                {QStringLiteral("runner"), start.runner}, {QStringLiteral("host"), start.host},
                {QStringLiteral("token"), start.leaseToken},
                {QStringLiteral("slot"),
                    start.scheduledFor.isValid()
                        ? QJsonValue(start.scheduledFor.toMSecsSinceEpoch() / 1000.0)
                        : QJsonValue()}});
        }
        // The same rules as the one-run open(): a run-now request is consumed and names the
        // trigger; a schedule or retry run of a slot already taken is a takeover. The data-
        // modifying parts see one snapshot, so "requested" is read from the UPDATE's RETURNING.
        const auto query = m_database.run(
            QStringLiteral(
                "WITH input AS MATERIALIZED (SELECT * FROM json_to_recordset(CAST(:runs AS json)) "
                "AS x(i int, job bigint, name text, trig text, attempt int, runner text, "
                "host text, token bigint, slot float8)), "
                "requested AS (UPDATE cron_jobs j SET run_now_requested = FALSE FROM input x "
                "WHERE x.trig = 'schedule' AND j.id = x.job AND j.lease_token = x.token AND "
                "j.run_now_requested RETURNING j.id), "
                "inserted AS (INSERT INTO cron_runs (job_id, job_name, trigger, attempt, runner, "
                "host, lease_token, scheduled_for, started_at) SELECT x.job, x.name, CASE WHEN "
                "x.job IN (SELECT id FROM requested) THEN 'run_now' WHEN x.trig IN ('schedule', "
                "'retry') AND taken.slot THEN 'takeover' ELSE x.trig END, x.attempt, x.runner, "
                "x.host, x.token, to_timestamp(x.slot), clock_timestamp() FROM input x "
                // A lateral probe of the slot's unique index per run: as an EXISTS the planner
                // may hash all of cron_runs instead, which grows with every run ever recorded.
                "LEFT JOIN LATERAL (SELECT TRUE AS slot FROM cron_runs r WHERE r.job_id = x.job "
                "AND r.scheduled_for = to_timestamp(x.slot) AND r.attempt = x.attempt AND "
                "r.trigger IN ('schedule', 'retry') LIMIT 1) taken ON TRUE ORDER BY x.i "
                "ON CONFLICT DO NOTHING RETURNING id, job_id, lease_token, trigger) "
                "SELECT x.i, ins.id, ins.trigger, j.output_limit_bytes FROM inserted ins "
                "JOIN input x ON x.job = ins.job_id AND x.token = ins.lease_token "
                "JOIN cron_jobs j ON j.id = ins.job_id"),
            {{QStringLiteral("runs"),
                QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact))}},
            tr("recording the start of %n run(s)", nullptr, int(starts.size())));
        if (!query)
            return query.error();
        QList<bool> written(starts.size(), false);
        while ((*query)->next()) {
            const qsizetype i = (*query)->value(0).toLongLong();
            if (i < 0 || i >= starts.size())
                continue;
            written[i] = true;
            opened[i].runId = (*query)->value(1).toLongLong();
            opened[i].trigger = (*query)->value(2).toString();
            opened[i].outputLimit = std::max<qint64>(0, (*query)->value(3).toLongLong());
        }
        (*query)->finish();
        for (qsizetype i = 0; i < starts.size(); ++i) {
            if (!written.at(i))
                missing << i;
        }
    } else {
        for (qsizetype i = 0; i < starts.size(); ++i)
            missing << i;
    }
    for (const qsizetype i : std::as_const(missing)) {
        const auto one = open(starts.at(i));
        if (!one)
            return one.error();
        opened[i] = *one;
    }
    return opened;
}

Result<qint64> RunStore::close(const Start &start, const Finish &finish)
{
    const SqlDialect &d = m_database.dialect();
    const QVariantMap values{{QStringLiteral("job"), start.jobId},
        {QStringLiteral("name"), start.jobName}, {QStringLiteral("token"), start.leaseToken},
        {QStringLiteral("runner"), start.runner}, {QStringLiteral("host"), start.host},
        {QStringLiteral("attempt"), start.attempt},
        {QStringLiteral("slot"), epochOrNull(start.scheduledFor)},
        {QStringLiteral("status"), finish.status},
        {QStringLiteral("exit_code"), nullable(finish.exitCode)},
        {QStringLiteral("http_status"), nullable(finish.httpStatus)},
        {QStringLiteral("duration"), finish.durationSeconds},
        {QStringLiteral("result"), finish.resultJson},
        {QStringLiteral("error"),
            finish.error.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                   : QVariant(finish.error)}};
    const QString what = tr("recording the end of \"%1\"").arg(start.jobName);
    const auto updated = m_database.run(
        QStringLiteral("UPDATE cron_runs SET finished_at = %1, status = :status, exit_code = "
                       ":exit_code, http_status = :http_status, duration_seconds = :duration, "
                       "result = %2, error = :error WHERE job_id = :job AND lease_token = :token "
                       "RETURNING id")
            .arg(clockNow(d), d.json(QStringLiteral(":result"))),
        values, what);
    if (!updated)
        return updated.error();
    if ((*updated)->next()) {
        const qint64 id = (*updated)->value(0).toLongLong();
        (*updated)->finish();
        return id;
    }
    (*updated)->finish();
    // Its start was never written (the database was away at the claim): a row of its own, as a
    // takeover so it can never collide with the slot's own run.
    const auto inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO cron_runs (job_id, job_name, trigger, attempt, runner, host, lease_token, "
            "scheduled_for, started_at, finished_at, status, exit_code, http_status, "
            "duration_seconds, result, error) VALUES (:job, :name, 'takeover', :attempt, :runner, "
            ":host, :token, %3, %1, %1, :status, :exit_code, :http_status, :duration, %2, :error) "
            "RETURNING id")
            .arg(clockNow(d), d.json(QStringLiteral(":result")),
                d.instantFromEpoch(QStringLiteral(":slot"))),
        values, what);
    if (!inserted)
        return inserted.error();
    const qint64 id = (*inserted)->next() ? (*inserted)->value(0).toLongLong() : 0;
    (*inserted)->finish();
    return id;
}

Status RunStore::appendOutput(qint64 runId, qint64 seq, bool stderrStream, const QString &text)
{
    const auto query = m_database.run(
        QStringLiteral("INSERT INTO cron_run_output (run_id, seq, stream, at, text) VALUES (:run, "
                       ":seq, :stream, %1, :text) ON CONFLICT DO NOTHING")
            .arg(clockNow(m_database.dialect())),
        {{QStringLiteral("run"), runId}, {QStringLiteral("seq"), seq},
            {QStringLiteral("stream"), stderrStream ? QStringLiteral("e") : QStringLiteral("o")},
            {QStringLiteral("text"), text}},
        tr("writing the output of run %1").arg(runId));
    if (!query)
        return query.error();
    return {};
}

Status RunStore::dropOutputBefore(qint64 runId, qint64 seq)
{
    const auto query = m_database.run(
        QStringLiteral("DELETE FROM cron_run_output WHERE run_id = :run AND seq < :seq"),
        {{QStringLiteral("run"), runId}, {QStringLiteral("seq"), seq}},
        tr("trimming the output of run %1").arg(runId));
    if (!query)
        return query.error();
    return {};
}

Status RunStore::setOutputFigures(qint64 runId, qint64 bytes, qint64 dropped, bool complete)
{
    const auto query = m_database.run(
        QStringLiteral("UPDATE cron_runs SET output_bytes = :bytes, output_dropped_bytes = "
                       ":dropped, output_complete = :complete WHERE id = :run"),
        {{QStringLiteral("bytes"), bytes}, {QStringLiteral("dropped"), dropped},
            {QStringLiteral("complete"), complete}, {QStringLiteral("run"), runId}},
        tr("writing the output of run %1").arg(runId));
    if (!query)
        return query.error();
    return {};
}

Status RunStore::appendOutputs(const QList<OutputChunk> &chunks)
{
    if (chunks.isEmpty())
        return {};
    QJsonArray rows;
    for (const OutputChunk &chunk : chunks)
        rows.append(
            QJsonObject{{QStringLiteral("run"), chunk.runId}, {QStringLiteral("seq"), chunk.seq},
                {QStringLiteral("stream"),
                    chunk.stderrStream ? QStringLiteral("e") : QStringLiteral("o")},
                {QStringLiteral("text"), chunk.text}});
    const auto query = m_database.run(
        QStringLiteral("INSERT INTO cron_run_output (run_id, seq, stream, at, text) SELECT x.run, "
                       "x.seq, x.stream, %1, x.text FROM json_to_recordset(CAST(:rows AS json)) AS "
                       "x(run bigint, seq bigint, stream text, text text) ORDER BY x.run, x.seq "
                       "ON CONFLICT DO NOTHING")
            .arg(clockNow(m_database.dialect())),
        {{QStringLiteral("rows"),
            QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))}},
        tr("writing the output of %n run(s)", nullptr, int(chunks.size())));
    if (!query)
        return query.error();
    return {};
}

Status RunStore::dropOutputsBefore(const QHash<qint64, qint64> &keepFrom)
{
    if (keepFrom.isEmpty())
        return {};
    QJsonArray rows;
    for (auto it = keepFrom.cbegin(); it != keepFrom.cend(); ++it)
        rows.append(
            QJsonObject{{QStringLiteral("run"), it.key()}, {QStringLiteral("seq"), it.value()}});
    const auto query = m_database.run(
        QStringLiteral("DELETE FROM cron_run_output o USING json_to_recordset(CAST(:rows AS json)) "
                       "AS x(run bigint, seq bigint) WHERE o.run_id = x.run AND o.seq < x.seq"),
        {{QStringLiteral("rows"),
            QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))}},
        tr("trimming the output of %n run(s)", nullptr, int(keepFrom.size())));
    if (!query)
        return query.error();
    return {};
}

Status RunStore::setOutputFigures(const QList<OutputFigures> &figures)
{
    if (figures.isEmpty())
        return {};
    QJsonArray rows;
    QStringList ids;
    for (const OutputFigures &one : figures) {
        rows.append(QJsonObject{{QStringLiteral("id"), one.runId},
            {QStringLiteral("bytes"), one.bytes}, {QStringLiteral("dropped"), one.dropped},
            {QStringLiteral("complete"), one.complete}});
        ids << QString::number(one.runId);
    }
    // The ids again as an array, so the planner reads the runs by their key (see
    // LeaseStore::finishSetWise).
    const auto query = m_database.run(
        QStringLiteral("UPDATE cron_runs r SET output_bytes = x.bytes, output_dropped_bytes = "
                       "x.dropped, output_complete = x.complete FROM json_to_recordset(CAST(:rows "
                       "AS json)) AS x(id bigint, bytes bigint, dropped bigint, complete boolean) "
                       "WHERE r.id = x.id AND r.id = ANY(CAST(:ids AS bigint[]))"),
        {{QStringLiteral("rows"),
             QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))},
            {QStringLiteral("ids"),
                QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}')}},
        tr("writing the output of %n run(s)", nullptr, int(figures.size())));
    if (!query)
        return query.error();
    return {};
}

Result<QHash<qint64, RunStore::AbortRequest>> RunStore::abortRequests(const QList<qint64> &runIds)
{
    QHash<qint64, AbortRequest> requests;
    if (runIds.isEmpty())
        return requests;
    QStringList ids;
    for (const qint64 id : runIds)
        ids << QString::number(id);
    const auto query = m_database.run(
        QStringLiteral("SELECT id, abort_requested_by, abort_reason FROM cron_runs WHERE "
                       "abort_requested_at IS NOT NULL AND %1")
            .arg(m_database.dialect().inJsonArray(
                QStringLiteral("CAST(id AS TEXT)"), QStringLiteral(":ids"))),
        {{QStringLiteral("ids"),
            QStringLiteral("[\"%1\"]").arg(ids.join(QStringLiteral("\",\"")))}},
        tr("reading abort requests"));
    if (!query)
        return query.error();
    while ((*query)->next())
        requests.insert((*query)->value(0).toLongLong(),
            {(*query)->value(1).toString(), (*query)->value(2).toString()});
    (*query)->finish();
    return requests;
}

Result<QList<RunRecord>> RunStore::select(
    const QString &where, const QVariantMap &values, const QString &tail)
{
    const SqlDialect &d = m_database.dialect();
    const auto query = m_database.run(
        QStringLiteral("SELECT id, job_id, job_name, trigger, attempt, runner, host, lease_token, "
                       "%1, %2, %3, status, exit_code, http_status, duration_seconds, result%4, "
                       "error, output_bytes, output_dropped_bytes, output_complete, %5, "
                       "abort_requested_by, abort_reason, %6 FROM cron_runs WHERE %7 %8")
            .arg(d.epoch(QStringLiteral("scheduled_for")), d.epoch(QStringLiteral("started_at")),
                d.epoch(QStringLiteral("finished_at")),
                d.isPostgres() ? QStringLiteral("::text") : QString(),
                d.epoch(QStringLiteral("abort_requested_at")), d.epoch(clockNow(d)), where, tail),
        values, tr("reading runs"));
    if (!query)
        return query.error();
    QList<RunRecord> runs;
    while ((*query)->next()) {
        const QSqlQuery &q = **query;
        RunRecord run;
        run.id = q.value(0).toLongLong();
        run.jobId = q.value(1).toLongLong();
        run.jobName = q.value(2).toString();
        run.trigger = q.value(3).toString();
        run.attempt = q.value(4).toInt();
        run.runner = q.value(5).toString();
        run.host = q.value(6).toString();
        run.leaseToken = q.value(7).toLongLong();
        run.scheduledFor = JobRow::fromEpoch(q.value(8));
        run.startedAt = JobRow::fromEpoch(q.value(9));
        run.finishedAt = JobRow::fromEpoch(q.value(10));
        run.status = q.value(11).toString();
        if (!q.value(12).isNull())
            run.exitCode = q.value(12).toInt();
        if (!q.value(13).isNull())
            run.httpStatus = q.value(13).toInt();
        if (!q.value(14).isNull())
            run.durationSeconds = q.value(14).toDouble();
        run.result = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
        run.error = q.value(16).toString();
        run.outputBytes = q.value(17).toLongLong();
        run.droppedBytes = q.value(18).toLongLong();
        run.outputComplete = q.value(19).toBool();
        run.abortRequestedAt = JobRow::fromEpoch(q.value(20));
        run.abortRequestedBy = q.value(21).toString();
        run.abortReason = q.value(22).toString();
        run.readAt = JobRow::fromEpoch(q.value(23));
        runs << run;
    }
    (*query)->finish();
    return runs;
}

Result<QList<RunRecord>> RunStore::runs(const QString &job, int limit)
{
    return select(QStringLiteral("job_name = :job"),
        {{QStringLiteral("job"), job}, {QStringLiteral("limit"), limit}},
        QStringLiteral("ORDER BY started_at DESC, id DESC LIMIT :limit"));
}

Result<QList<RunRecord>> RunStore::endedRuns(
    const QString &job, const QDateTime &since, const QDateTime &until, int limit)
{
    const SqlDialect &d = m_database.dialect();
    QString where = QStringLiteral("job_name = :job AND status <> 'running' AND duration_seconds "
                                   "IS NOT NULL");
    QVariantMap values{{QStringLiteral("job"), job}, {QStringLiteral("limit"), limit}};
    if (since.isValid()) {
        where += QStringLiteral(" AND started_at >= %1")
                     .arg(d.instantFromEpoch(QStringLiteral(":since")));
        values.insert(QStringLiteral("since"), since.toMSecsSinceEpoch() / 1000.0);
    }
    if (until.isValid()) {
        where += QStringLiteral(" AND started_at < %1")
                     .arg(d.instantFromEpoch(QStringLiteral(":until")));
        values.insert(QStringLiteral("until"), until.toMSecsSinceEpoch() / 1000.0);
    }
    return select(where, values, QStringLiteral("ORDER BY started_at DESC, id DESC LIMIT :limit"));
}

Result<QDateTime> RunStore::firstRunStarted(const QString &job)
{
    const auto query
        = m_database.run(QStringLiteral("SELECT %1 FROM cron_runs WHERE job_name = :job")
                             .arg(m_database.dialect().epoch(QStringLiteral("MIN(started_at)"))),
            {{QStringLiteral("job"), job}}, tr("reading runs"));
    if (!query)
        return query.error();
    const QDateTime first = (*query)->next() ? JobRow::fromEpoch((*query)->value(0)) : QDateTime();
    (*query)->finish();
    return first;
}

Result<std::optional<RunRecord>> RunStore::run(qint64 id)
{
    const auto found = select(QStringLiteral("id = :id"), {{QStringLiteral("id"), id}}, {});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(found->constFirst());
}

Result<std::optional<RunRecord>> RunStore::current(const QString &job)
{
    const auto found = select(QStringLiteral("job_name = :job"), {{QStringLiteral("job"), job}},
        QStringLiteral("ORDER BY CASE WHEN status = 'running' THEN 0 ELSE 1 END, started_at "
                       "DESC, id DESC LIMIT 1"));
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(found->constFirst());
}

Result<QList<RunOutputChunk>> RunStore::output(qint64 runId, qint64 afterSeq, int limit)
{
    const SqlDialect &d = m_database.dialect();
    const auto query = m_database.run(
        QStringLiteral("SELECT seq, stream, %1, text FROM cron_run_output WHERE run_id = :run AND "
                       "seq > :after ORDER BY seq LIMIT :limit")
            .arg(d.epoch(QStringLiteral("at"))),
        {{QStringLiteral("run"), runId}, {QStringLiteral("after"), afterSeq},
            {QStringLiteral("limit"), limit}},
        tr("reading the output of run %1").arg(runId));
    if (!query)
        return query.error();
    QList<RunOutputChunk> chunks;
    while ((*query)->next()) {
        RunOutputChunk chunk;
        chunk.seq = (*query)->value(0).toLongLong();
        chunk.stderrStream = (*query)->value(1).toString() == QLatin1String("e");
        chunk.at = JobRow::fromEpoch((*query)->value(2));
        chunk.text = (*query)->value(3).toString();
        chunks << chunk;
    }
    (*query)->finish();
    return chunks;
}

Result<RunRecord> RunStore::requestAbort(const QString &job, const QString &reason)
{
    RunRecord aborted;
    const SqlDialect &d = m_database.dialect();
    const Status status = Transaction::run(m_database, [&]() -> Status {
        const auto running = select(QStringLiteral("job_name = :job AND status = 'running'"),
            {{QStringLiteral("job"), job}},
            QStringLiteral("ORDER BY id DESC LIMIT 1") + d.forUpdate());
        if (!running)
            return running.error();
        if (running->isEmpty())
            return Error::conflict(tr("job \"%1\" has no running run to abort").arg(job));
        aborted = running->constFirst();
        if (aborted.runner.isEmpty())
            return Error::conflict(
                tr("run %1 of \"%2\" was started by the platform (iniciar_execucao_cron) "
                   "without a lease: no runner holds it, so it cannot be stopped from here")
                    .arg(aborted.id)
                    .arg(job));
        const QString by
            = QStringLiteral("%1@%2 (%3)")
                  .arg(ClientInfo::osUser(), ClientInfo::hostName(), m_database.databaseUser());
        const auto updated = m_database.run(
            QStringLiteral("UPDATE cron_runs SET abort_requested_at = COALESCE(abort_requested_at, "
                           "%1), abort_requested_by = :by, abort_reason = :reason WHERE id = :id")
                .arg(clockNow(d)),
            {{QStringLiteral("by"), by}, {QStringLiteral("reason"), reason},
                {QStringLiteral("id"), aborted.id}},
            tr("asking to abort \"%1\"").arg(job));
        if (!updated)
            return updated.error();
        aborted.abortRequestedBy = by;
        aborted.abortReason = reason;
        if (d.isPostgres()) {
            // Delivered at commit to the runner that LISTENs (every runner does).
            const auto notified = m_database.run(
                QStringLiteral("SELECT pg_notify('%1', :id)").arg(QLatin1String(abortChannel)),
                {{QStringLiteral("id"), QString::number(aborted.id)}},
                tr("asking to abort \"%1\"").arg(job));
            if (!notified)
                return notified.error();
            (*notified)->finish();
        }
        return AuditWriter::adminAction(m_database, QStringLiteral("abort"), job,
            QJsonObject{{QStringLiteral("status"), QStringLiteral("running")}},
            QJsonObject{{QStringLiteral("abort_requested"), true}}, reason,
            {{QStringLiteral("cron_run_id"), aborted.id},
                {QStringLiteral("runner"), aborted.runner},
                {QStringLiteral("lease_token"), aborted.leaseToken}});
    });
    if (!status)
        return status.error();
    return aborted;
}
