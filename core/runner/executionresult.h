#pragma once

#include <QJsonObject>
#include <QString>

// What one execution of a job's action produced.
struct ExecutionResult {
    // Why a run that did not succeed ended; recorded as detalhes.outcome in tenant_logs.
    enum class Failure {
        Error, // the action failed by itself (exit code, SQL error, HTTP status)
        Timeout, // it ran past its timeout_seconds
        Interrupted, // the runner stopped (or lost its database) and stopped it
        LeaseLost, // the lease was taken over or reset, or could not be renewed in time
        Aborted, // someone asked to stop this run (cronctl abort, the console's Abort run)
    };

    bool success = false;
    Failure failure = Failure::Error;
    QJsonObject result; // the action's result object (command stdout JSON, exit code, …)
    QString error; // a one-line reason when !success
    double durationSeconds = 0;

    // "success", "error", "timeout", "interrupted", "lease_lost" or "aborted".
    QString outcomeName() const
    {
        if (success)
            return QStringLiteral("success");
        switch (failure) {
        case Failure::Timeout:
            return QStringLiteral("timeout");
        case Failure::Interrupted:
            return QStringLiteral("interrupted");
        case Failure::LeaseLost:
            return QStringLiteral("lease_lost");
        case Failure::Aborted:
            return QStringLiteral("aborted");
        case Failure::Error:
            break;
        }
        return QStringLiteral("error");
    }
};
