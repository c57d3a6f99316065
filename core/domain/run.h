#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One execution of a job (a cron_runs row, see sql/postgresql/0011_runs.sql).
struct RunRecord {
    qint64 id = 0;
    qint64 jobId = 0;
    QString jobName;
    QString trigger; // schedule, run_now, retry, takeover, platform
    int attempt = 1;
    QString runner; // empty: a platform run (no lease, cannot be aborted from here)
    QString host;
    qint64 leaseToken = 0;
    QDateTime scheduledFor;
    QDateTime startedAt;
    QDateTime finishedAt;
    // running, success, error, timeout, interrupted, aborted, lease_lost, fenced
    QString status;
    std::optional<int> exitCode;
    std::optional<int> httpStatus;
    std::optional<double> durationSeconds;
    QJsonObject result;
    QString error;
    qint64 outputBytes = 0; // what the run printed
    qint64 droppedBytes = 0; // of that, not kept (over the job's cap, or not written in time)
    bool outputComplete = false; // every chunk the runner will write is written
    QDateTime abortRequestedAt;
    QString abortRequestedBy;
    QString abortReason;
    QDateTime readAt; // the server's clock when read

    bool isRunning() const { return status == QLatin1String("running"); }
};

// Consecutive lines of one stream of a run's output, in arrival order (seq).
struct RunOutputChunk {
    qint64 seq = 0;
    bool stderrStream = false;
    QDateTime at;
    QString text;
};
