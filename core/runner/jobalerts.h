#pragma once

#include "core/domain/job.h"
#include "core/runner/leasestore.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

// What needs attention about a job (issue 17), for cronctl status, status --json and the console.
struct JobAlert {
    bool overdue = false; // due longer than overdue_after_seconds and not running
    bool noRunner = false; // no live runner's runner.json names it
    bool stuck = false;
    bool failing = false; // the last run failed after its last retry

    QJsonObject toJson(const Job &job) const;
};

namespace JobAlerts {

// The jobs live runners (not stale, not stopped) may run.
QSet<QString> runnable(const QList<RunnerInfo> &runners);
JobAlert of(const Job &job, bool paused, const QSet<QString> &runnable);

} // namespace JobAlerts
