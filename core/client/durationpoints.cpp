#include "core/client/durationpoints.h"

#include "core/domain/historyentry.h"
#include "core/domain/runstatus.h"
#include "core/store/historypager.h"
#include "core/store/runstore.h"

#include <algorithm>

namespace {

bool isError(const HistoryEntry &entry)
{
    // As the History table marks it (HistoryFormat::isError).
    return runStatusFromText(entry.status) == RunStatus::Error
        || entry.action.endsWith(QLatin1String("_erro"))
        || entry.action.endsWith(QLatin1String("_error"));
}

void oldestFirst(QList<DurationPoint> &points, int limit)
{
    std::sort(points.begin(), points.end(),
        [](const DurationPoint &a, const DurationPoint &b) { return a.at < b.at; });
    if (limit > 0 && points.size() > limit)
        points.remove(0, points.size() - limit); // the newest `limit`
}

} // namespace

namespace DurationPoints {

QList<DurationPoint> fromHistory(const QList<HistoryEntry> &entries)
{
    QList<DurationPoint> points;
    for (const HistoryEntry &entry : entries) {
        if (entry.durationSeconds)
            points << DurationPoint{entry.createdAt, *entry.durationSeconds, isError(entry), 0};
    }
    oldestFirst(points, 0);
    return points;
}

Result<QList<DurationPoint>> read(Database &database, const HistoryQuery &query)
{
    RunStore runs(database);
    const auto recorded = runs.endedRuns(query.job, query.since, query.until, query.limit);
    if (!recorded)
        return recorded.error();
    QList<DurationPoint> points;
    for (const RunRecord &run : *recorded) {
        points << DurationPoint{run.finishedAt.isValid() ? run.finishedAt : run.startedAt,
            *run.durationSeconds, run.status != QLatin1String("success"), run.id};
    }
    // Older history: tenant_logs rows from before the first run (all of them when none).
    if (points.size() < query.limit) {
        const auto first = runs.firstRunStarted(query.job);
        if (!first)
            return first.error();
        HistoryQuery older = query;
        older.limit = query.limit - int(points.size());
        if (first->isValid() && (!older.until.isValid() || *first < older.until))
            older.until = *first;
        if (!older.since.isValid() || !older.until.isValid() || older.since < older.until) {
            const auto entries = HistoryPager(database).page(older);
            if (!entries)
                return entries.error();
            points << fromHistory(*entries);
        }
    }
    oldestFirst(points, query.limit);
    return points;
}

} // namespace DurationPoints
