#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QDateTime>

class Database;

// Retention of run records (cron_runs) and their output (cron_run_output): finished runs that
// started before a cutoff go, their output first, each statement a short transaction of at most
// `batchSize` rows so platform writers never wait long. Running runs are never touched.
class RunRetention final {
    Q_DECLARE_TR_FUNCTIONS(RunRetention)
public:
    struct Outcome {
        qint64 runs = 0; // deleted (dry run: that would be)
        qint64 outputChunks = 0;
    };

    explicit RunRetention(Database &database);
    Q_DISABLE_COPY_MOVE(RunRetention)

    Result<Outcome> prune(const QDateTime &cutoff, int batchSize, bool dryRun);

private:
    Database &m_database;
};
