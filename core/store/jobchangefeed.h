#pragma once

#include "core/domain/job.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class Database;

// What a read of cron_jobs returned, and what the next read starts from.
struct JobChanges {
    QList<Job> jobs; // every job (a full read) or those written since the snapshot asked about
    QString snapshot; // the snapshot these rows were read with: the next read's `since`
    qint64 total = 0; // rows in cron_jobs, in the same snapshot
};

// PostgreSQL: the jobs written since an earlier read (0018_change_feed.sql). A console re-reads
// a handful of rows, not the whole table, when a burst of runs announces "several jobs changed".
class JobChangeFeed final {
    Q_DECLARE_TR_FUNCTIONS(JobChangeFeed)
public:
    // An empty `since` reads every job (ordered by name).
    static Result<JobChanges> read(Database &database, const QString &since);
};
