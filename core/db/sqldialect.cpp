#include "core/db/sqldialect.h"

QString SqlDialect::now() const
{
    return isPostgres() ? QStringLiteral("NOW()")
                        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now')");
}

QString SqlDialect::epoch(const QString &column) const
{
    // On PostgreSQL the cast to timestamptz reads the value in the session's zone, which is the
    // zone NOW() was written in; on SQLite the text is UTC.
    return isPostgres()
        ? QStringLiteral("EXTRACT(EPOCH FROM (%1)::timestamptz)::float8").arg(column)
        : QStringLiteral("((julianday(%1) - 2440587.5) * 86400.0)").arg(column);
}

QString SqlDialect::fromEpoch(const QString &placeholder) const
{
    return isPostgres()
        ? QStringLiteral("(to_timestamp(CAST(%1 AS float8))::timestamp)").arg(placeholder)
        : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', %1, 'unixepoch')").arg(placeholder);
}

QString SqlDialect::nowPlusHours(const QString &hoursExpression) const
{
    return isPostgres()
        ? QStringLiteral("(NOW() + make_interval(hours => CAST(%1 AS integer)))::timestamp")
              .arg(hoursExpression)
        : QStringLiteral(
            "strftime('%Y-%m-%d %H:%M:%f', 'now', '+' || CAST(%1 AS integer) || ' hours')")
              .arg(hoursExpression);
}

QString SqlDialect::json(const QString &placeholder) const
{
    return isPostgres() ? QStringLiteral("CAST(%1 AS jsonb)").arg(placeholder)
                        : QStringLiteral("json(%1)").arg(placeholder);
}

QString SqlDialect::forUpdate() const
{
    return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
}

QString SqlDialect::nowPlusSeconds(const QString &secondsExpression) const
{
    return isPostgres()
        ? QStringLiteral("(NOW() + make_interval(secs => CAST(%1 AS float8)))::timestamp")
              .arg(secondsExpression)
        : QStringLiteral(
            "strftime('%Y-%m-%d %H:%M:%f', 'now', '+' || CAST(%1 AS real) || ' seconds')")
              .arg(secondsExpression);
}

QString SqlDialect::inJsonArray(const QString &column, const QString &placeholder) const
{
    return isPostgres()
        ? QStringLiteral("%1 IN (SELECT jsonb_array_elements_text(CAST(%2 AS jsonb)))")
              .arg(column, placeholder)
        : QStringLiteral("%1 IN (SELECT value FROM json_each(%2))").arg(column, placeholder);
}

namespace {

// Seed columns (TIMESTAMP, writer's local time) that have a timestamptz shadow on PostgreSQL.
bool hasShadow(const QString &column)
{
    const QStringView name = QStringView(column).mid(column.lastIndexOf(QLatin1Char('.')) + 1);
    return name == QLatin1String("next_run") || name == QLatin1String("running_since");
}

} // namespace

QString SqlDialect::instant(const QString &column) const
{
    return isPostgres() && hasShadow(column) ? column + QLatin1String("_tz") : column;
}

QString SqlDialect::assignInstant(const QString &column, const QString &instantExpression) const
{
    if (!isPostgres() || !hasShadow(column))
        return QStringLiteral("%1 = %2").arg(column, instantExpression);
    // The seed's column gets the wall time of this session's zone, as NOW() would write it.
    return QStringLiteral("%1 = (%2)::timestamp, %1_tz = %2").arg(column, instantExpression);
}

QString SqlDialect::instantNow() const
{
    return isPostgres() ? QStringLiteral("NOW()") : now();
}

QString SqlDialect::instantFromEpoch(const QString &placeholder) const
{
    return isPostgres() ? QStringLiteral("to_timestamp(CAST(%1 AS float8))").arg(placeholder)
                        : fromEpoch(placeholder);
}

QString SqlDialect::instantPlusHours(const QString &hoursExpression) const
{
    return isPostgres() ? QStringLiteral("(NOW() + make_interval(hours => CAST(%1 AS integer)))")
                              .arg(hoursExpression)
                        : nowPlusHours(hoursExpression);
}

QString SqlDialect::clockPlusSeconds(const QString &secondsExpression) const
{
    // SQLite's 'now' is read once per statement, and its writers hold the file lock from
    // BEGIN IMMEDIATE, so its statement time is the real time.
    return isPostgres()
        ? QStringLiteral("(clock_timestamp() + make_interval(secs => CAST(%1 AS float8)))")
              .arg(secondsExpression)
        : nowPlusSeconds(secondsExpression);
}
