#pragma once

#include <QJsonObject>
#include <QString>

// What one execution of a job's action produced.
struct ExecutionResult {
    bool success = false;
    QJsonObject result; // the action's result object (command stdout JSON, exit code, …)
    QString error; // a one-line reason when !success
    double durationSeconds = 0;
};
