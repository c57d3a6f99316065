#include "core/maintenance/runretention.h"

#include "core/db/database.h"
#include "core/store/transaction.h"

#include <QSqlQuery>

RunRetention::RunRetention(Database &database)
    : m_database(database)
{ }

Result<RunRetention::Outcome> RunRetention::prune(
    const QDateTime &cutoff, int batchSize, bool dryRun)
{
    const SqlDialect &d = m_database.dialect();
    const QString what = tr("deleting old runs");
    const QString old = QStringLiteral("status <> 'running' AND started_at < %1")
                            .arg(d.instantFromEpoch(QStringLiteral(":cutoff")));
    const QVariantMap cutoffValue{{QStringLiteral("cutoff"), cutoff.toMSecsSinceEpoch() / 1000.0}};
    Outcome outcome;
    if (dryRun) {
        const auto count = m_database.run(
            QStringLiteral("SELECT COUNT(*), (SELECT COUNT(*) FROM cron_run_output o WHERE "
                           "o.run_id IN (SELECT id FROM cron_runs WHERE %1)) FROM cron_runs "
                           "WHERE %1")
                .arg(old),
            cutoffValue, what);
        if (!count)
            return count.error();
        if ((*count)->next()) {
            outcome.runs = (*count)->value(0).toLongLong();
            outcome.outputChunks = (*count)->value(1).toLongLong();
        }
        (*count)->finish();
        return outcome;
    }
    for (;;) {
        // A batch of old runs: their output in batches, then the runs.
        const auto picked = m_database.run(
            QStringLiteral("SELECT id FROM cron_runs WHERE %1 ORDER BY id LIMIT :limit").arg(old),
            {{QStringLiteral("cutoff"), cutoffValue.value(QStringLiteral("cutoff"))},
                {QStringLiteral("limit"), std::min(batchSize, 1000)}},
            what);
        if (!picked)
            return picked.error();
        QList<qint64> ids;
        while ((*picked)->next())
            ids << (*picked)->value(0).toLongLong();
        (*picked)->finish();
        if (ids.isEmpty())
            break;
        for (const qint64 id : std::as_const(ids)) {
            for (;;) {
                qint64 deleted = 0;
                const Status batch = Transaction::run(m_database, [&]() -> Status {
                    const auto query = m_database.run(
                        QStringLiteral(
                            "DELETE FROM cron_run_output WHERE run_id = :run AND seq IN (SELECT "
                            "seq FROM cron_run_output WHERE run_id = :run ORDER BY seq LIMIT "
                            ":limit)"),
                        {{QStringLiteral("run"), id}, {QStringLiteral("limit"), batchSize}}, what);
                    if (!query)
                        return query.error();
                    deleted = (*query)->numRowsAffected();
                    return {};
                });
                if (!batch)
                    return batch.error();
                outcome.outputChunks += std::max<qint64>(0, deleted);
                if (deleted <= 0)
                    break;
            }
            const auto run = m_database.run(
                QStringLiteral("DELETE FROM cron_runs WHERE id = :run AND status <> 'running'"),
                {{QStringLiteral("run"), id}}, what);
            if (!run)
                return run.error();
            outcome.runs += std::max(0, (*run)->numRowsAffected());
        }
    }
    return outcome;
}
