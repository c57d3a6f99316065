#include "core/store/pausestore.h"

#include "core/db/database.h"
#include "core/store/auditwriter.h"
#include "core/store/jobrow.h"
#include "core/store/transaction.h"
#include "core/util/clientinfo.h"

#include <QJsonObject>
#include <QSqlQuery>

Result<PauseState> PauseStore::read(Database &database)
{
    const SqlDialect &d = database.dialect();
    const auto query
        = database.run(QStringLiteral("SELECT paused, reason, changed_by, %1 FROM cron_pause")
                           .arg(d.epoch(QStringLiteral("changed_at"))),
            {}, tr("reading whether all jobs are paused"));
    if (!query)
        return query.error();
    PauseState state;
    if ((*query)->next()) {
        state.paused = (*query)->value(0).toBool();
        state.reason = (*query)->value(1).toString();
        state.changedBy = (*query)->value(2).toString();
        state.changedAt = JobRow::fromEpoch((*query)->value(3));
    }
    (*query)->finish();
    return state;
}

Result<bool> PauseStore::set(Database &database, bool paused, const QString &reason)
{
    bool changed = false;
    const QString who = QStringLiteral("%1@%2").arg(ClientInfo::osUser(), ClientInfo::hostName());
    const Status status = Transaction::run(database, [&]() -> Status {
        const SqlDialect &d = database.dialect();
        const auto updated = database.run(
            QStringLiteral("UPDATE cron_pause SET paused = :paused, reason = :reason, "
                           "changed_by = :who, changed_at = %1 WHERE paused <> :paused")
                .arg(d.now()),
            {{QStringLiteral("paused"), paused},
                {QStringLiteral("reason"),
                    reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reason)},
                {QStringLiteral("who"), who}},
            paused ? tr("pausing all jobs") : tr("resuming all jobs"));
        if (!updated)
            return updated.error();
        changed = (*updated)->numRowsAffected() > 0;
        if (!changed)
            return {};
        // No "job" key: the row is an admin action on every job, not one job's history.
        QJsonObject details{
            {QStringLiteral("action"),
                paused ? QStringLiteral("pause_all") : QStringLiteral("resume_all")},
            {QStringLiteral("paused"), paused},
            {QStringLiteral("db_user"), database.databaseUser()},
            {QStringLiteral("os_user"), ClientInfo::osUser()},
            {QStringLiteral("host"), ClientInfo::hostName()},
            {QStringLiteral("client"), ClientInfo::programWithVersion()}};
        if (!reason.isEmpty())
            details.insert(QStringLiteral("reason"), reason);
        return AuditWriter::insert(database,
            paused ? QStringLiteral("cron_admin_pause_all")
                   : QStringLiteral("cron_admin_resume_all"),
            details);
    });
    if (!status)
        return status.error();
    return changed;
}
