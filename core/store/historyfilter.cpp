#include "core/store/historyfilter.h"

#include "core/db/sqldialect.h"

#include <QStringList>

namespace HistoryFilters {

namespace {

// Instants travel as epoch seconds with milliseconds, so no zone is involved in the value.
QString epochText(const QDateTime &time)
{
    return QString::number(time.toMSecsSinceEpoch() / 1000.0, 'f', 3);
}

} // namespace

QString jobExpression(const SqlDialect &dialect)
{
    // No cast: the overload of detalhes' own type (jsonb, json or text) is the one the history
    // indexes were built on, and none of them raises on what a platform may have written.
    return dialect.isPostgres() ? QStringLiteral("cron_log_job(acao, detalhes)")
                                : QStringLiteral("cron_job");
}

QString whereClause(const HistoryFilter &filter, const SqlDialect &dialect, const ValueSink &value)
{
    const QString job = jobExpression(dialect);
    QStringList where;
    if (!filter.job.isEmpty()) {
        where << job + QLatin1String(" = ") + value(filter.job);
    } else if (!filter.jobs.isEmpty()) {
        QStringList names;
        for (const QString &name : filter.jobs)
            names << value(name);
        where << job + QLatin1String(" IN (") + names.join(QLatin1String(", ")) + QLatin1Char(')');
    } else {
        where << job + QLatin1String(" IS NOT NULL");
    }
    // created_at holds the server session's wall time on PostgreSQL and UTC text on SQLite;
    // fromEpoch() turns the instant into the same representation, so the comparison is between
    // instants and can use the (created_at, id) index.
    if (filter.since.isValid())
        where << QStringLiteral("created_at >= %1")
                     .arg(dialect.fromEpoch(value(epochText(filter.since))));
    if (filter.until.isValid())
        where << QStringLiteral("created_at < %1")
                     .arg(dialect.fromEpoch(value(epochText(filter.until))));
    if (!filter.action.isEmpty())
        where << QStringLiteral("acao = %1").arg(value(filter.action));
    if (!filter.text.isEmpty()) {
        where << (dialect.isPostgres()
                ? QStringLiteral("strpos(lower(acao || ' ' || COALESCE(detalhes::text, '')), "
                                 "lower(%1)) > 0")
                : QStringLiteral("instr(lower(acao || ' ' || COALESCE(detalhes, '')), "
                                 "lower(%1)) > 0"))
                     .arg(value(filter.text));
    }
    return where.join(QLatin1String(" AND "));
}

Bound bound(const HistoryFilter &filter, const SqlDialect &dialect)
{
    Bound result;
    result.where = whereClause(filter, dialect, [&result](const QString &value) {
        result.values << value;
        return QStringLiteral("?");
    });
    return result;
}

} // namespace HistoryFilters
