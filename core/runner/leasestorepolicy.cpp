// LeaseStore's catch-up "skip" (issue 17): a slot missed by more than the job's window is not
// run; next_run moves to the next slot and the history says so.
#include "core/db/database.h"
#include "core/runner/leasestore.h"
#include "core/store/auditwriter.h"
#include "core/store/statusjson.h"
#include "core/store/transaction.h"

#include <QJsonObject>
#include <QSqlQuery>

Result<bool> LeaseStore::skipSlot(const Job &job, const QDateTime &to)
{
    m_changed.insert(job.name);
    bool skipped = false;
    const Status status = Transaction::run(m_database, [&]() -> Status {
        const SqlDialect &d = m_database.dialect();
        // Only the row as read: a claim, a run or an admin change since then wins.
        const auto updated = m_database.run(
            QStringLiteral("UPDATE cron_jobs SET %1, row_version = row_version + 1 "
                           "WHERE id = :id AND row_version = :version")
                .arg(d.assignInstant(
                    QStringLiteral("next_run"), d.instantFromEpoch(QStringLiteral(":to")))),
            {{QStringLiteral("to"), to.toMSecsSinceEpoch() / 1000.0},
                {QStringLiteral("id"), job.id}, {QStringLiteral("version"), job.rowVersion}},
            tr("skipping a missed slot of \"%1\"").arg(job.name));
        if (!updated)
            return updated.error();
        skipped = (*updated)->numRowsAffected() == 1;
        if (!skipped)
            return {};
        return AuditWriter::insert(m_database, QStringLiteral("cron_job_skipped"),
            QJsonObject{{QStringLiteral("job"), job.name},
                {QStringLiteral("status"), QStringLiteral("skipped")},
                {QStringLiteral("runner"), m_owner},
                {QStringLiteral("skipped_slot"), StatusJson::isoTime(job.nextRun)},
                {QStringLiteral("next_run"), StatusJson::isoTime(to)},
                {QStringLiteral("catch_up_window_seconds"), job.catchUpWindowSeconds.value_or(0)}});
    });
    if (!status)
        return status.error();
    return skipped;
}
