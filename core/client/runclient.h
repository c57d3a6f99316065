#pragma once

#include "core/client/durationpoints.h"
#include "core/db/connectionspec.h"
#include "core/domain/run.h"
#include "core/util/result.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class DbThread;
struct HistoryQuery;

// A run and the output chunks after a given one, read together.
struct RunOutputPage {
    std::optional<RunRecord> run; // empty: the run is gone (pruned)
    QList<RunOutputChunk> chunks;
};

// Run records, their output and abort requests for the GUI thread (cron_runs and
// cron_run_output), on a DbThread of its own so a long output read does not hold up the job
// table. Widget-free.
class RunClient final : public QObject {
    Q_OBJECT
public:
    explicit RunClient(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~RunClient() override;
    Q_DISABLE_COPY_MOVE(RunClient)

    // Callbacks run on this thread, only while `context` lives, in the order asked.
    // The job's running run, else its latest.
    void fetchCurrent(const QString &job, QObject *context,
        std::function<void(const Result<std::optional<RunRecord>> &)> callback);
    void fetchRuns(const QString &job, int limit, QObject *context,
        std::function<void(const Result<QList<RunRecord>> &)> callback);
    // The duration chart's points: the job's runs in the query's range (DurationPoints).
    void fetchDurations(const HistoryQuery &query, QObject *context,
        std::function<void(const Result<QList<DurationPoint>> &)> callback);
    void fetchOutput(qint64 runId, qint64 afterSeq, QObject *context,
        std::function<void(const Result<RunOutputPage> &)> callback);
    void requestAbort(const QString &job, const QString &reason, QObject *context,
        std::function<void(const Result<RunRecord> &)> callback);

private:
    DbThread *m_db; // child
};
