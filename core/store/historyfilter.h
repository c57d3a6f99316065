#pragma once

#include "core/domain/historyentry.h"

#include <QString>
#include <QVariantList>

#include <functional>

class SqlDialect;

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
