#include "core/maintenance/historyretention.h"

#include "core/db/database.h"
#include "core/db/sqlerrors.h"
#include "core/maintenance/runretention.h"
#include "core/store/auditwriter.h"
#include "core/store/historyfilter.h"
#include "core/store/transaction.h"
#include "core/util/clientinfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

HistoryRetention::HistoryRetention(Database &database)
    : m_database(database)
{ }

Status HistoryRetention::validate(const Options &options)
{
    if (options.olderThanDays < 1 || options.olderThanDays > maxDays)
        return Error::invalidInput(
            tr("the age must be a whole number of days from 1 to %1").arg(maxDays));
    if (options.batchSize < 1 || options.batchSize > maxBatchSize)
        return Error::invalidInput(
            tr("the batch size must be a whole number from 1 to %1").arg(maxBatchSize));
    return {};
}

Result<HistoryRetention::Outcome> HistoryRetention::prune(const Options &options)
{
    if (const Status valid = validate(options); !valid)
        return valid.error();
    const SqlDialect &dialect = m_database.dialect();
    const Backend backend = m_database.backend();
    const QString what = tr("deleting old history");

    // The cutoff is fixed once, from the database's clock, so every batch agrees on it.
    QSqlQuery clock(m_database.handle());
    const QString nowSql = dialect.isPostgres()
        ? QStringLiteral("SELECT EXTRACT(EPOCH FROM NOW())::float8")
        : QStringLiteral("SELECT (julianday('now') - 2440587.5) * 86400.0");
    if (!clock.exec(nowSql) || !clock.next())
        return SqlErrors::fromQuery(clock, backend, what);
    const qint64 nowMs = qint64(clock.value(0).toDouble() * 1000.0);
    clock.finish();
    HistoryFilter filter;
    filter.until = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)
                       .addSecs(-qint64(options.olderThanDays) * 86400);
    const HistoryFilters::Bound condition = HistoryFilters::bound(filter, dialect);

    Outcome outcome;
    if (options.dryRun) {
        QSqlQuery count(m_database.handle());
        count.setForwardOnly(true);
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM tenant_logs WHERE ") + condition.where);
        for (const QVariant &value : condition.values)
            count.addBindValue(value);
        if (!count.exec() || !count.next())
            return SqlErrors::fromQuery(count, backend, what);
        outcome.deleted = count.value(0).toLongLong();
        outcome.batches = int((outcome.deleted + options.batchSize - 1) / options.batchSize);
        const auto runs = RunRetention(m_database).prune(filter.until, options.batchSize, true);
        if (!runs)
            return runs.error();
        outcome.runsDeleted = runs->runs;
        outcome.outputChunksDeleted = runs->outputChunks;
        return outcome;
    }

    // Each batch is one short transaction through the partial (created_at, id) index.
    const QString sql = QStringLiteral("DELETE FROM tenant_logs WHERE id IN (SELECT id FROM "
                                       "tenant_logs WHERE %1 LIMIT %2)")
                            .arg(condition.where)
                            .arg(options.batchSize);
    for (;;) {
        qint64 deleted = 0;
        const Status batch = Transaction::run(m_database, [&]() -> Status {
            QSqlQuery query(m_database.handle());
            if (!query.prepare(sql))
                return SqlErrors::fromQuery(query, backend, what);
            for (const QVariant &value : condition.values)
                query.addBindValue(value);
            if (!query.exec())
                return SqlErrors::fromQuery(query, backend, what);
            deleted = query.numRowsAffected();
            return {};
        });
        if (!batch)
            return batch.error();
        if (deleted <= 0)
            break;
        outcome.deleted += deleted;
        ++outcome.batches;
        if (m_progress)
            m_progress(outcome.batches, outcome.deleted);
    }

    const auto runs = RunRetention(m_database).prune(filter.until, options.batchSize, false);
    if (!runs)
        return runs.error();
    outcome.runsDeleted = runs->runs;
    outcome.outputChunksDeleted = runs->outputChunks;

    const QJsonObject details{
        {QStringLiteral("older_than_days"), options.olderThanDays},
        {QStringLiteral("runs_deleted"), outcome.runsDeleted},
        {QStringLiteral("output_chunks_deleted"), outcome.outputChunksDeleted},
        {QStringLiteral("cutoff"), filter.until.toString(Qt::ISODateWithMs)},
        {QStringLiteral("batch_size"), options.batchSize},
        {QStringLiteral("deleted"), outcome.deleted},
        {QStringLiteral("batches"), outcome.batches},
        {QStringLiteral("db_user"), m_database.databaseUser()},
        {QStringLiteral("os_user"), ClientInfo::osUser()},
        {QStringLiteral("host"), ClientInfo::hostName()},
        {QStringLiteral("client"), ClientInfo::programWithVersion()},
    };
    if (const Status audited
        = AuditWriter::insert(m_database, QStringLiteral("cron_admin_prune_history"), details);
        !audited)
        return audited.error();
    return outcome;
}
