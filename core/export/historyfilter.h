#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <functional>

class SqlDialect;

// Which cron history rows a history view, an export or a retention run covers. Empty or invalid
// members do not restrict.
struct HistoryFilter {
    QString job; // empty: all cron history (every row the job rule assigns to a job)
    QDateTime since; // inclusive instant; invalid: open
    QDateTime until; // exclusive instant; invalid: open
    QString action; // acao exactly; empty: any
    QString text; // case-insensitive (ASCII) substring of acao or detalhes; empty: any

    bool operator==(const HistoryFilter &) const = default;
};

// A WHERE condition over tenant_logs for a HistoryFilter. Every user value goes through
// `value`, which returns the SQL text that stands for it: a bound placeholder for prepared
// statements, or a safely quoted literal where binding is impossible (COPY).
namespace HistoryFilters {

using ValueSink = std::function<QString(const QString &value)>;

// The job a tenant_logs row belongs to, or NULL when it is not cron history; the same rule as
// JobStore::history (cron_log_job() on PostgreSQL, the generated cron_job column on SQLite).
QString jobExpression(const SqlDialect &dialect);

// "cron_log_job(...) IS NOT NULL AND created_at >= ... AND ...", never empty.
QString whereClause(const HistoryFilter &filter, const SqlDialect &dialect, const ValueSink &value);

// For prepared statements: the condition with positional '?' placeholders and their values, in
// order.
struct Bound {
    QString where;
    QVariantList values;
};
Bound bound(const HistoryFilter &filter, const SqlDialect &dialect);

} // namespace HistoryFilters
