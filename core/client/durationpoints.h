#pragma once

#include "core/util/result.h"

#include <QDateTime>
#include <QList>

class Database;
struct HistoryEntry;
struct HistoryQuery;

// One execution on the duration chart: when it ended, how long it took, whether it failed.
struct DurationPoint {
    QDateTime at;
    double seconds = 0;
    bool failed = false;
    qint64 runId = 0; // 0: a tenant_logs row from before the job's runs were recorded
};

// The chart's points (issue 14): the job's runs from cron_runs, and the tenant_logs executions
// older than its first recorded run (history from before cron_runs, which has no run rows; a
// newer tenant_logs row belongs to a run and would count twice). Oldest first, at most
// `query.limit`, within the query's date range. Widget-free.
namespace DurationPoints {
Result<QList<DurationPoint>> read(Database &database, const HistoryQuery &query);
// tenant_logs executions only (a console without the runs client).
QList<DurationPoint> fromHistory(const QList<HistoryEntry> &entries);
} // namespace DurationPoints
