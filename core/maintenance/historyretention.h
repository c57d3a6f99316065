#pragma once

#include "core/util/result.h"

#include <QCoreApplication>

#include <functional>

class Database;

// Deletes cron history (rows the job rule assigns to a job; never other tenant activity) older
// than a number of days, in small batches that are each their own short transaction, so
// tenant_logs is never locked for long. One audit row records what was deleted.
class HistoryRetention final {
    Q_DECLARE_TR_FUNCTIONS(HistoryRetention)
public:
    struct Options {
        int olderThanDays = 90;
        int batchSize = 5000;
        bool dryRun = false; // count what would go; delete and audit nothing
    };

    struct Outcome {
        qint64 deleted = 0; // rows deleted (dry run: rows that would be)
        int batches = 0; // DELETE statements that removed rows (dry run: that would run)
        // Run records (cron_runs) and their output chunks of the same age (issue 14).
        qint64 runsDeleted = 0;
        qint64 outputChunksDeleted = 0;
    };

    using ProgressCallback = std::function<void(int batch, qint64 deletedSoFar)>;

    static constexpr int maxDays = 36500;
    static constexpr int maxBatchSize = 100000;

    explicit HistoryRetention(Database &database);
    Q_DISABLE_COPY_MOVE(HistoryRetention)

    // Called after every batch.
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    static Status validate(const Options &options);
    Result<Outcome> prune(const Options &options);

private:
    Database &m_database;
    ProgressCallback m_progress;
};
